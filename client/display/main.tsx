import { render } from 'preact';
import { DisplayApp } from './app';
import './display.css';
import { createDisplayState } from './state';

const lang = new URLSearchParams(location.search).get('lang') === 'en' ? 'en' : 'vi';
render(<DisplayApp state={createDisplayState(lang)} />, document.getElementById('app')!);
