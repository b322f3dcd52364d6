import { render } from 'preact';
import { DisplayApp } from './app';
import './display.css';
import { createDisplayState } from './state';

const query = new URLSearchParams(location.search);
const lang = query.get('lang') === 'en' ? 'en' : 'vi';
// Fewer rows a page, for bigger type in a deep hall (docs/results.md, "Type size on the projector").
const rows = Math.trunc(Number(query.get('rows')));
render(<DisplayApp state={createDisplayState(lang, rows >= 1 && rows <= 15 ? rows : 15)} />, document.getElementById('app')!);
