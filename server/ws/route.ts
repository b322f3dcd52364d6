/**
 * The WebSocket at /ws: phones, displays and the console. Each socket is admitted by the flood
 * guard, handles its messages one at a time in arrival order through the dispatcher, and runs
 * a message's follow-up (a subscribe's catch-up) only after its reply has gone out.
 */
import type { FastifyInstance } from 'fastify';
import { MAX_MESSAGE_BYTES, type ServerMessage } from '../../shared/protocol';
import { handleRaw, type MessageContext } from './dispatch';

export default async function wsRoute(app: FastifyInstance): Promise<void> {
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
        const ctx: MessageContext = { request, socket };
        const reply = await handleRaw(app, isBinary ? Buffer.alloc(MAX_MESSAGE_BYTES + 1) : data, ctx);
        if (socket.readyState !== socket.OPEN) return;
        socket.send(JSON.stringify(reply));
        // Failures past the allowance end this socket: a flood pays a new handshake each time.
        if (reply.type === 'error' && reply.code === 'rate-limited') socket.close(1008, 'rate-limited');
        else if (ctx.after) await ctx.after().catch((err: Error) => app.log.warn({ err: { name: err.name } }, 'subscribe follow-up failed'));
      });
    });
  });
}
