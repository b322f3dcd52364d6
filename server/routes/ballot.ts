/** The ballot page's transports: the WebSocket at /ws and its HTTP fallback. */
import type { FastifyInstance } from 'fastify';
import { MAX_MESSAGE_BYTES, type ServerMessage } from '../../shared/protocol';
import { hallRateLimit } from '../plugins/flood';
import { handleRaw } from '../ws/dispatch';

export default async function ballotRoutes(app: FastifyInstance): Promise<void> {
  // Within this plugin only: keep bodies as text, so handleRaw parses (and rejects) them itself.
  app.removeAllContentTypeParsers();
  app.addContentTypeParser(['application/json', 'text/plain'], { parseAs: 'string' }, (_req, body, done) => done(null, body));
  app.get('/ws', { websocket: true }, (socket, request) => {
    // Past the server's or the address's allowance (server/domain/flood.ts): say why, then close.
    const address = request.ip;
    const refused = app.flood.admitSocket(address);
    if (refused) {
      socket.send(JSON.stringify({ type: 'error', code: refused } satisfies ServerMessage));
      socket.close(refused === 'too-many-connections' ? 1013 : 1008, refused);
      return;
    }
    socket.once('close', () => app.flood.releaseSocket(address));
    // Handle one message at a time per connection, in arrival order.
    let chain = Promise.resolve();
    socket.on('message', (data: Buffer, isBinary: boolean) => {
      chain = chain.then(async () => {
        if (socket.readyState !== socket.OPEN) return;
        const reply = await handleRaw(app, isBinary ? Buffer.alloc(MAX_MESSAGE_BYTES + 1) : data, { request, socket });
        if (socket.readyState !== socket.OPEN) return;
        socket.send(JSON.stringify(reply));
        // Failures past the allowance end this socket: a flood pays a new handshake each time.
        if (reply.type === 'error' && reply.code === 'rate-limited') socket.close(1008, 'rate-limited');
      });
    });
  });

  // Same messages over HTTP for networks whose proxies block WebSockets. The body is read
  // as text so that a malformed one gets the same error reply as on the WebSocket.
  app.post('/api/message', { bodyLimit: MAX_MESSAGE_BYTES * 4, config: { rateLimit: hallRateLimit(app) } }, async (request, reply) => {
    const raw = typeof request.body === 'string' ? request.body : '';
    const message = await handleRaw(app, raw, { request });
    reply.header('Cache-Control', 'no-store');
    if (message.type === 'error' && message.code === 'rate-limited') reply.status(429);
    return message;
  });
}
