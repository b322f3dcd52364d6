/**
 * The bench's yardstick for sockets: a bare `ws` server that sends every frame straight back,
 * in its own process, on loopback. Prints its URL, stops on SIGTERM.
 */
import { WebSocketServer } from 'ws';
import { MAX_MESSAGE_BYTES } from '../shared/protocol';

// The same payload limit as the app's socket (server/app.ts), so the two do the same framing work.
const wss = new WebSocketServer({ host: '127.0.0.1', port: 0, path: '/ws', maxPayload: MAX_MESSAGE_BYTES * 16 });
wss.on('connection', (socket) => {
  socket.on('message', (data, isBinary) => socket.send(data, { binary: isBinary }));
});
wss.on('listening', () => {
  const { port } = wss.address() as { port: number };
  process.stdout.write(`echo listening on http://127.0.0.1:${port}\n`);
});
process.on('SIGTERM', () => {
  for (const socket of wss.clients) socket.terminate();
  wss.close(() => process.exit(0));
});
