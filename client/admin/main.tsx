/** Entry of the secretariat console (`/admin`). */
import { render } from 'preact';
import './admin.css';
import { App } from './app';

render(<App />, document.getElementById('app')!);
