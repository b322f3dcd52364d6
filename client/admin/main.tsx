import { render } from 'preact';

function Placeholder() {
  return <p>tinnhiem — admin</p>;
}

render(<Placeholder />, document.getElementById('app')!);
