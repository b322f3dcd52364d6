/**
 * The secretariat's login: one admin password (hash only stored), an httpOnly,
 * SameSite=Strict session cookie, and failed attempts slowed down per address.
 * Every route under /api/admin/ except login answers 401 without a valid session: each
 * carries its own hook (added as it is registered) that sets `request.admin`.
 */
import { createHash, randomBytes } from 'node:crypto';
import type { FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import { AppError } from '../../shared/errors';
import { audit } from '../domain/audit';
import { cleanText } from '../domain/sessions';
import { nowIso } from '../domain/ids';
import { generatePassword, hashPassword, verifyPassword } from '../domain/password';
import { serve } from '../routes/serve';

export const ADMIN_COOKIE = 'tinnhiem_admin';
/** The operator's name when none is typed at login: the console's own name for the desk, as the console and the minutes print it. */
export const DEFAULT_OPERATOR = 'Bàn thư ký';
const SESSION_HOURS = 12;

export interface AdminIdentity {
  /** The name typed at login (or DEFAULT_OPERATOR), used as the actor in the audit log. */
  operator: string;
  tokenHash: string;
}

declare module 'fastify' {
  interface FastifyInstance {
    /** Set only on the first start without ADMIN_PASSWORD: print it once, then forget it. */
    generatedAdminPassword: string | null;
    adminFromRequest(request: FastifyRequest): Promise<AdminIdentity | null>;
  }
  interface FastifyRequest {
    admin: AdminIdentity | null;
  }
}

/**
 * A browser names the page that sent a request in `Origin`. The cookie is SameSite=Strict
 * already; refusing any other origin on changes and on the console's WebSocket is a second
 * lock. Requests without `Origin` (scripts, curl) carry no ambient cookie risk.
 */
export function sameOrigin(request: FastifyRequest): boolean {
  const origin = request.headers.origin;
  if (origin === undefined) return true;
  try {
    return new URL(origin).host === request.headers.host;
  } catch {
    return false;
  }
}

const LOGIN_PATH = '/api/admin/login';

function isAdminRoute(url: string): boolean {
  return url.startsWith('/api/admin/');
}

/**
 * The login behind a request to an admin route: its operator is the audit log's actor. Set by
 * the route's own hook before the handler runs, so it is never missing there.
 */
export function adminOf(request: FastifyRequest): AdminIdentity {
  if (!request.admin) throw new AppError('unauthorized');
  return request.admin;
}

/** The operator of an admin route's request, as the audit log names them. */
export function operatorOf(request: FastifyRequest): string {
  return adminOf(request).operator;
}

function tokenHash(token: string): string {
  return createHash('sha256').update(token).digest('base64url');
}

export default fp<{ adminPassword?: string | undefined; loginDelayMs?: number }>(
  async (app, opts) => {
    const stored = await app.db.selectFrom('settings').select('value').where('key', '=', 'admin_password').executeTakeFirst();
    let generated: string | null = null;
    // The same ADMIN_PASSWORD at every start leaves the file as it is.
    if (opts.adminPassword && !(stored && (await verifyPassword(opts.adminPassword, stored.value)))) {
      const value = await hashPassword(opts.adminPassword);
      await app.db
        .insertInto('settings')
        .values({ key: 'admin_password', value })
        .onConflict((oc) => oc.column('key').doUpdateSet({ value }))
        .execute();
    } else if (!stored) {
      generated = generatePassword();
      await app.db.insertInto('settings').values({ key: 'admin_password', value: await hashPassword(generated) }).execute();
    }
    app.decorate('generatedAdminPassword', generated);

    async function adminFromRequest(request: FastifyRequest): Promise<AdminIdentity | null> {
      const token = request.cookies[ADMIN_COOKIE];
      if (!token) return null;
      const hash = tokenHash(token);
      const row = await app.db
        .selectFrom('admin_sessions')
        .select(['operator', 'expires_at'])
        .where('token_hash', '=', hash)
        .executeTakeFirst();
      if (!row || row.expires_at < nowIso()) return null;
      return { operator: row.operator, tokenHash: hash };
    }
    app.decorate('adminFromRequest', adminFromRequest);
    app.decorateRequest('admin', null);

    app.addHook('onRequest', async (request) => {
      // Decide by the route the router matched, not the raw request line: the router decodes
      // percent escapes, so `/api/%61dmin/sessions` reaches the same handler as `/api/admin/sessions`.
      if (!isAdminRoute(request.routeOptions.url ?? '')) return;
      if (request.method !== 'GET' && request.method !== 'HEAD' && !sameOrigin(request)) throw new AppError('cross-origin');
    });

    // Every admin route but login carries its own hook that finds the login or refuses: a
    // route registered under /api/admin/ cannot be without it, and its handler may rely on
    // `adminOf(request)`. Route hooks run after the cross-origin check above.
    const requireAdmin = async (request: FastifyRequest) => {
      request.admin = await adminFromRequest(request);
      if (!request.admin) throw new AppError('unauthorized');
    };
    app.addHook('onRoute', (route) => {
      if (!isAdminRoute(route.url) || route.url === LOGIN_PATH) return;
      const own = route.onRequest === undefined ? [] : Array.isArray(route.onRequest) ? route.onRequest : [route.onRequest];
      route.onRequest = [requireAdmin, ...own];
    });

    // Failed logins per address: each failure doubles the wait before the next answer. One
    // attempt per address at a time: parallel guesses would each read the same failure count
    // and all wait only the first delay.
    const failures = new Map<string, { count: number; at: number }>();
    const attempting = new Set<string>();
    const baseDelay = opts.loginDelayMs ?? 500;

    serve(app, 'POST /api/admin/login', async (request, reply) => {
      const { password, operator } = request.body;
      const key = request.ip;
      if (attempting.has(key)) throw new AppError('rate-limited');
      attempting.add(key);
      try {
        const row = await app.db.selectFrom('settings').select('value').where('key', '=', 'admin_password').executeTakeFirstOrThrow();
        if (!(await verifyPassword(password, row.value))) {
          const count = (failures.get(key)?.count ?? 0) + 1;
          failures.set(key, { count, at: Date.now() });
          await new Promise((r) => setTimeout(r, Math.min(baseDelay * 2 ** (count - 1), 8000)));
          throw new AppError('wrong-password');
        }
      } finally {
        attempting.delete(key);
      }
      failures.delete(key);
      const token = randomBytes(32).toString('base64url');
      const name = (operator === undefined ? '' : cleanText(operator)) || DEFAULT_OPERATOR;
      const now = new Date();
      // Logins that expired are of no use to anyone: they go (secure_delete overwrites them).
      // The new login and its audit row are one transaction.
      await app.db.transaction().execute(async (trx) => {
        await trx.deleteFrom('admin_sessions').where('expires_at', '<', now.toISOString()).execute();
        await trx
          .insertInto('admin_sessions')
          .values({
            token_hash: tokenHash(token),
            operator: name,
            created_at: now.toISOString(),
            expires_at: new Date(now.getTime() + SESSION_HOURS * 3600_000).toISOString(),
          })
          .execute();
        await audit(trx, { sessionId: null, actor: name, event: 'admin.login' });
      });
      reply.setCookie(ADMIN_COOKIE, token, { httpOnly: true, sameSite: 'strict', path: '/', maxAge: SESSION_HOURS * 3600 });
      return { operator: name };
    });

    serve(app, 'POST /api/admin/logout', async (request, reply) => {
      const admin = adminOf(request);
      await app.db.transaction().execute(async (trx) => {
        await trx.deleteFrom('admin_sessions').where('token_hash', '=', admin.tokenHash).execute();
        await audit(trx, { sessionId: null, actor: admin.operator, event: 'admin.logout' });
      });
      app.hub.endLogin(admin.tokenHash);
      reply.clearCookie(ADMIN_COOKIE, { path: '/' });
      return { ok: true as const };
    });

    // `lan`: other devices may use the console (ADMIN_LAN=1): the console warns.
    serve(app, 'GET /api/admin/me', async (request) => ({ operator: adminOf(request).operator, lan: app.adminLan }));
  },
  { name: 'auth', dependencies: ['db', 'laptop'] },
);
