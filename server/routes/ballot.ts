/** The ballot page's HTTP fallback for the messages of /ws (server/ws/route.ts). */
import type { FastifyInstance } from 'fastify';
import { ERROR_STATUS } from '../../shared/errors';
import { MAX_MESSAGE_BYTES } from '../../shared/protocol';
import { hallRateLimit } from '../plugins/flood';
import { handleRaw } from '../ws/dispatch';

export default async function ballotRoutes(app: FastifyInstance): Promise<void> {
  // Within this plugin only: keep bodies as text, so handleRaw parses (and rejects) them itself.
  app.removeAllContentTypeParsers();
  app.addContentTypeParser(['application/json', 'text/plain'], { parseAs: 'string' }, (_req, body, done) => done(null, body));
  // Same messages over HTTP for networks whose proxies block WebSockets. The body is read
  // as text so that a malformed one gets the same error reply as on the WebSocket.
  app.post('/api/message', { bodyLimit: MAX_MESSAGE_BYTES * 4, config: { rateLimit: hallRateLimit(app) } }, async (request, reply) => {
    const raw = typeof request.body === 'string' ? request.body : '';
    const message = await handleRaw(app, raw, { request });
    reply.header('Cache-Control', 'no-store');
    if (message.type === 'error' && message.code === 'rate-limited') reply.status(ERROR_STATUS['rate-limited']);
    return message;
  });
}
