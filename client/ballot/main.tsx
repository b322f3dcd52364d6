/** Entry of the delegate's page (`/` and `/b/<slip>`): kept tiny, it loads on crowded Wi-Fi. */
import { render } from 'preact';
import './ballot.css';
import './ballot-form.css';
import './screens.css';
import { App } from './app';
import { routeFor } from './route';
import { browserStorage, forgetStaleSlips } from './slip-store';

const storage = browserStorage();
// Before anything reads a slip: records of past votes (choices of a vote that ended while the
// phone was away, old tracking codes) are erased after a few days.
forgetStaleSlips(storage);
const route = routeFor(location, storage);
if (route.kind === 'slip') {
  // start() stores the secret before its first await; only then may the address bar drop it.
  void route.controller.start();
  history.replaceState(null, '', `/b/${route.slipId}`);
}
render(<App route={route} storage={storage} navigate={(path) => location.replace(path)} />, document.getElementById('app')!);
// Rescanning the slip while its page is open changes only the fragment, which reloads
// nothing by itself: start over so the new secret is read.
addEventListener('hashchange', () => {
  if (location.hash.length > 1) location.reload();
});
