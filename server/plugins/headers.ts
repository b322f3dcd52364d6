/**
 * Security headers through @fastify/helmet, set for this app as it really runs: plain HTTP on
 * a venue's Wi-Fi, every script and style bundled, nothing from another host.
 *
 * - The Content-Security-Policy names this server only: `connect-src` is `'self'` plus the
 *   WebSocket URL of the very host the page was loaded from (older Safari does not match
 *   ws: to 'self'), never any-host `ws:`. No inline scripts and no inline styles anywhere:
 *   the server's own printed pages (minutes, slips, tracking codes) link their stylesheets
 *   from /print/, and e2e/csp.e2e.test.ts fails on any violation a page reports.
 * - No HSTS and no upgrade-insecure-requests: the laptop has no certificate, and a browser
 *   told to upgrade would fail to load the app at all.
 * - Every admin answer is `Cache-Control: no-store` (slip lists with codes, the display key):
 *   a shared or mirrored browser keeps nothing of them on disk.
 */
import helmet from '@fastify/helmet';
import type { IncomingMessage } from 'node:http';
import fp from 'fastify-plugin';

/** A Host header that can be echoed into a header: a name or an address, and a port. */
const HOST_RE = /^(?:[a-z0-9.-]+|\[[0-9a-f:.]+\])(?::\d{1,5})?$/i;

/** The WebSocket origins of the host this request was made to, for connect-src. */
export function socketSources(host: string | undefined): string {
  if (!host || !HOST_RE.test(host)) return '';
  return `ws://${host} wss://${host}`;
}

export default fp(
  async (app) => {
    await app.register(helmet, {
      global: true,
      contentSecurityPolicy: {
        useDefaults: false,
        directives: {
          defaultSrc: ["'self'"],
          scriptSrc: ["'self'"],
          styleSrc: ["'self'"],
          imgSrc: ["'self'", 'data:', 'blob:'],
          fontSrc: ["'self'"],
          connectSrc: ["'self'", (req: IncomingMessage) => socketSources(req.headers.host)],
          mediaSrc: ["'self'", 'blob:'],
          objectSrc: ["'none'"],
          baseUri: ["'none'"],
          formAction: ["'self'"],
          frameAncestors: ["'none'"],
        },
      },
      strictTransportSecurity: false,
      frameguard: { action: 'deny' },
      referrerPolicy: { policy: 'no-referrer' },
      crossOriginEmbedderPolicy: false,
    });

    app.addHook('onSend', async (request, reply, payload) => {
      const path = request.routeOptions.url ?? request.url;
      if (path.startsWith('/api/admin/')) reply.header('Cache-Control', 'no-store');
      return payload;
    });
  },
  { name: 'headers' },
);
