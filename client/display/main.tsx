import { render } from 'preact';

function Placeholder() {
  return <p>tinnhiem — display</p>;
}

render(<Placeholder />, document.getElementById('app')!);
