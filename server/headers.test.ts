/**
 * Security headers as served (server/plugins/headers.ts, @fastify/helmet): a CSP that names
 * this server only — no 'unsafe-inline', no any-host ws: — no HSTS or upgrade on plain HTTP,
 * framing refused, and no-store on every admin answer, errors included.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { prepareSession, startTestServer, type TestServer } from '../test/server';

let server: TestServer;
let sessionId: string;
beforeAll(async () => {
  server = await startTestServer();
  sessionId = (await prepareSession(server.admin, { persons: 1, slips: 2 })).session.id;
});
afterAll(async () => {
  await server.close();
});

function directives(csp: string | null): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const part of (csp ?? '').split(';')) {
    const [name, ...values] = part.trim().split(/\s+/);
    if (name) out.set(name, values);
  }
  return out;
}

describe('Content-Security-Policy', () => {
  it('allows this server only, with no inline scripts or styles, on every kind of answer', async () => {
    const host = new URL(server.url).host;
    for (const path of ['/', '/admin', '/display/x', '/healthz', '/api/admin/sessions', `/api/admin/sessions/${sessionId}/slips/print`, '/nowhere']) {
      const res = await fetch(server.url + path, { headers: { cookie: server.admin.cookieHeader } });
      const csp = res.headers.get('content-security-policy');
      const d = directives(csp);
      expect(csp, path).not.toContain('unsafe-inline');
      expect(csp, path).not.toContain('unsafe-eval');
      expect(d.get('default-src'), path).toEqual(["'self'"]);
      expect(d.get('script-src'), path).toEqual(["'self'"]);
      expect(d.get('style-src'), path).toEqual(["'self'"]);
      expect(d.get('connect-src'), path).toEqual(["'self'", `ws://${host}`, `wss://${host}`]);
      expect(d.get('frame-ancestors'), path).toEqual(["'none'"]);
      expect(d.has('upgrade-insecure-requests'), path).toBe(false);
      expect(res.headers.get('strict-transport-security'), path).toBeNull();
      expect(res.headers.get('x-frame-options'), path).toBe('DENY');
      expect(res.headers.get('referrer-policy'), path).toBe('no-referrer');
      expect(res.headers.get('x-content-type-options'), path).toBe('nosniff');
    }
  });

  it('never echoes a hostile Host header into the policy', async () => {
    const { request } = await import('node:http');
    const url = new URL(server.url);
    for (const host of ["evil.example; script-src *", 'a b', 'x"y', 'ws://x']) {
      const csp = await new Promise<string>((resolve, reject) => {
        const req = request({ host: url.hostname, port: url.port, path: '/', headers: { host } }, (res) => {
          res.resume();
          resolve(String(res.headers['content-security-policy'] ?? ''));
        });
        req.on('error', reject);
        req.end();
      });
      expect(directives(csp).get('connect-src'), host).toEqual(["'self'"]);
      expect(directives(csp).get('script-src'), host).toEqual(["'self'"]);
    }
  });
});

describe('Cache-Control', () => {
  it('is no-store on every admin answer: lists with codes, the display key, errors too', async () => {
    const paths = [
      '/api/admin/me',
      '/api/admin/sessions',
      `/api/admin/sessions/${sessionId}`,
      `/api/admin/sessions/${sessionId}/slips`,
      `/api/admin/sessions/${sessionId}/audit`,
      `/api/admin/sessions/${sessionId}/turnout`,
      '/api/admin/network',
      `/api/admin/sessions/${sessionId}/results`,
      '/api/admin/sessions/nosuchsession1',
    ];
    for (const path of paths) {
      const res = await fetch(server.url + path, { headers: { cookie: server.admin.cookieHeader } });
      expect(res.headers.get('cache-control'), `${path} ${res.status}`).toBe('no-store');
    }
    const stranger = await fetch(`${server.url}/api/admin/sessions`);
    expect(stranger.status).toBe(401);
    expect(stranger.headers.get('cache-control')).toBe('no-store');
  });
});
