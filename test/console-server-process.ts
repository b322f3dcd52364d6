/**
 * Starts a real test server (temporary SQLite file) in its own Node process for the
 * component tests, which run under happy-dom where the server cannot be built. Prints
 * `{"url", "password"}` on one line, and stops when its stdin closes.
 */
import { startTestServer, TEST_PASSWORD } from './server';

const server = await startTestServer();
process.stdout.write(`${JSON.stringify({ url: server.url, password: TEST_PASSWORD })}\n`);
process.stdin.resume();
process.stdin.on('end', () => {
  void server.close().then(() => process.exit(0));
});
