/**
 * The built client (dist/, made by `vite build`): the ballot page at `/` and `/b/<id>`,
 * the console at `/admin`, the display at `/display`. Pages that may carry a slip are never
 * cached and never send a referrer.
 */
import fastifyStatic from '@fastify/static';
import type { FastifyReply } from 'fastify';
import fp from 'fastify-plugin';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

export default fp<{ distDir: string }>(
  async (app, opts) => {
    const dist = opts.distDir;
    const built = existsSync(join(dist, 'index.html'));
    const cache = new Map<string, string>();
    const page = (name: string): string | null => {
      if (!built) return null;
      let html = cache.get(name);
      if (html === undefined) {
        const file = join(dist, name);
        if (!existsSync(file)) return null;
        html = readFileSync(file, 'utf8');
        cache.set(name, html);
      }
      return html;
    };
    const sendPage = (reply: FastifyReply, name: string) => {
      const html = page(name);
      reply.header('Cache-Control', 'no-store').header('Referrer-Policy', 'no-referrer');
      if (html === null) return reply.status(503).type('text/plain; charset=utf-8').send('Client not built: run `npm run build`.');
      return reply.type('text/html; charset=utf-8').send(html);
    };

    if (built && existsSync(join(dist, 'assets'))) {
      await app.register(fastifyStatic, {
        root: join(dist, 'assets'),
        prefix: '/assets/',
        wildcard: true,
        index: false,
        immutable: true,
        maxAge: '365d',
        preCompressed: true,
      });
    }
    app.get('/', (_req, reply) => sendPage(reply, 'index.html'));
    app.get('/b/:slipId', (_req, reply) => sendPage(reply, 'index.html'));
    app.get('/admin', (_req, reply) => sendPage(reply, 'admin.html'));
    app.get('/admin/*', (_req, reply) => sendPage(reply, 'admin.html'));
    app.get('/display/*', (_req, reply) => sendPage(reply, 'display.html'));
  },
  { name: 'pages' },
);
