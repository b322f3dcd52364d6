import { render } from 'preact';

function Placeholder() {
  return <p>tinnhiem — ballot</p>;
}

render(<Placeholder />, document.getElementById('app')!);
