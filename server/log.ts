/**
 * What the request log may say. Fastify logs every request URL; only paths of the app's own
 * shapes are kept as they are. A slip's page (`/b/…`) is logged as `/b/[slip]`, and any
 * other path — a mistyped slip link (`/B/…`, `//b/…`, `/b%2F…`, a bare code, `/b/<id>/<secret>`)
 * or a probe — as `[path]`, since it could hold a slip id, code or secret. Query strings are
 * always cut.
 */
const SEGMENT_WORD = /^[a-z][a-z0-9.-]*$/;
// Session and entry ids are 22 symbols; a typed slip code is 12, a slip id 4.
const SEGMENT_ID = /^[A-Za-z0-9_-]{16,40}$/;

const KEPT: RegExp[] = [/^\/$/, /^\/healthz$/, /^\/ws$/, /^\/admin$/, /^\/assets\/[A-Za-z0-9._-]+$/];

function keepsShape(path: string): boolean {
  if (KEPT.some((re) => re.test(path))) return true;
  const [first, ...rest] = path.split('/').slice(1);
  if (!['api', 'admin', 'display', 'r'].includes(first ?? '')) return false;
  // Every further segment is a route word or a session-sized id: never 4-symbol slip ids or codes.
  return rest.length > 0 && rest.every((s) => SEGMENT_WORD.test(s) || SEGMENT_ID.test(s));
}

export function redactUrl(url: string): string {
  const path = url.split('?')[0]!.split('#')[0]!;
  if (/^\/b\//.test(path)) return '/b/[slip]';
  return keepsShape(path) ? path : '[path]';
}

export const logSerializers = {
  req(request: { method: string; url: string }) {
    return { method: request.method, url: redactUrl(request.url) };
  },
  res(reply: { statusCode: number }) {
    return { statusCode: reply.statusCode };
  },
};
