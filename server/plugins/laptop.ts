/**
 * The console belongs to the laptop. It is served over plain HTTP, so a login from a second
 * device would send the password and the cookie across the venue Wi-Fi in clear: by default
 * the console's pages, its API and its WebSocket feed answer only requests from the laptop
 * itself. ADMIN_LAN=1 lets other devices in (main.ts prints a warning, the console shows one,
 * the audit log records it at start). Sealing and opening the box stay on the laptop always.
 */
import type { FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import { AppError, ERROR_MESSAGES, ERROR_STATUS } from '../../shared/errors';
import { audit } from '../domain/audit';

declare module 'fastify' {
  interface FastifyInstance {
    /** True when ADMIN_LAN=1 lets devices other than the laptop use the console. */
    adminLan: boolean;
  }
}

function isLoopback(address: string | undefined): boolean {
  if (!address) return false;
  return address === '::1' || address.startsWith('127.') || address.startsWith('::ffff:127.');
}

/**
 * From the laptop: a loopback address, or the laptop's own LAN address on both ends (its
 * browser opened http://192.168.x.y:8080 itself).
 */
export function fromTheLaptop(request: FastifyRequest): boolean {
  const { remoteAddress, localAddress } = request.socket;
  return isLoopback(remoteAddress) || (remoteAddress !== undefined && remoteAddress === localAddress);
}

/** Console routes: its page, its API (login included) and the console's WebSocket feed. */
export function isConsolePath(path: string): boolean {
  return path === '/admin' || path.startsWith('/admin/') || path.startsWith('/api/admin/');
}

export default fp<{ adminLan?: boolean | undefined }>(
  async (app, opts) => {
    const lan = opts.adminLan === true;
    app.decorate('adminLan', lan);
    if (lan) await audit(app.db, { sessionId: null, actor: 'server', event: 'admin.lan-enabled' });
    app.addHook('onRequest', async (request, reply) => {
      if (lan) return;
      const path = request.routeOptions.url ?? request.url;
      if (!isConsolePath(path) || fromTheLaptop(request)) return;
      if (path.startsWith('/api/')) throw new AppError('console-needs-laptop');
      // The page itself: a person reads this, in a browser.
      const { vi, en } = ERROR_MESSAGES['console-needs-laptop'];
      return reply
        .status(ERROR_STATUS['console-needs-laptop'])
        .type('text/html; charset=utf-8')
        .header('Cache-Control', 'no-store')
        .send(`<!doctype html><html lang="vi"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1"><title>tinnhiem</title></head><body><h1>Bảng điều khiển — Console</h1><p>${vi}</p><p lang="en">${en}</p></body></html>`);
    });
  },
  { name: 'laptop', dependencies: ['db'] },
);
