/** The ballot page's transports: the WebSocket at /ws and its HTTP fallback. */
import type { FastifyInstance } from 'fastify';
import { MAX_MESSAGE_BYTES } from '../../shared/protocol';
import { handleRaw } from '../ws/dispatch';

export default async function ballotRoutes(app: FastifyInstance): Promise<void> {
  // Within this plugin only: keep bodies as text, so handleRaw parses (and rejects) them itself.
  app.removeAllContentTypeParsers();
  app.addContentTypeParser(['application/json', 'text/plain'], { parseAs: 'string' }, (_req, body, done) => done(null, body));
  app.get('/ws', { websocket: true }, (socket, request) => {
    // Handle one message at a time per connection, in arrival order.
    let chain = Promise.resolve();
    socket.on('message', (data: Buffer, isBinary: boolean) => {
      chain = chain.then(async () => {
        const reply = await handleRaw(app, isBinary ? Buffer.alloc(MAX_MESSAGE_BYTES + 1) : data, { request, socket });
        if (socket.readyState === socket.OPEN) socket.send(JSON.stringify(reply));
      });
    });
  });

  // Same messages over HTTP for networks whose proxies block WebSockets. The body is read
  // as text so that a malformed one gets the same error reply as on the WebSocket.
  app.post('/api/message', { bodyLimit: MAX_MESSAGE_BYTES * 4 }, async (request, reply) => {
    const raw = typeof request.body === 'string' ? request.body : '';
    const message = await handleRaw(app, raw, { request });
    reply.header('Cache-Control', 'no-store');
    return message;
  });
}
