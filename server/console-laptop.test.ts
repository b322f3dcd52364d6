/**
 * The console answers only the laptop itself unless ADMIN_LAN=1: a second device on the
 * Wi-Fi would send the password and the cookie in clear over plain HTTP. "A second device"
 * is made real here: the test's sockets leave from this machine's own non-loopback address
 * to the server's loopback one, so the server sees a remote address that is neither
 * loopback nor its own end of the connection — exactly what a phone on the Wi-Fi looks like.
 */
import http from 'node:http';
import { networkInterfaces } from 'node:os';
import { afterEach, describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import { prepareSession, startTestServer, TEST_PASSWORD, type TestServer } from '../test/server';

const other = Object.values(networkInterfaces())
  .flat()
  .find((i) => i && i.family === 'IPv4' && !i.internal)?.address;

let server: TestServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

interface Answer {
  status: number;
  type: string;
  body: string;
  cookie: string;
}

/** One HTTP request, from `from` (a local address) to the test server. */
function request(s: TestServer, method: string, path: string, opts: { from?: string; body?: unknown; cookie?: string } = {}): Promise<Answer> {
  const url = new URL(path, s.url);
  const body = opts.body === undefined ? undefined : JSON.stringify(opts.body);
  return new Promise((resolve, reject) => {
    const req = http.request(
      {
        host: url.hostname,
        port: url.port,
        path: url.pathname,
        method,
        ...(opts.from ? { localAddress: opts.from } : {}),
        headers: { ...(body ? { 'content-type': 'application/json' } : {}), ...(opts.cookie ? { cookie: opts.cookie } : {}) },
      },
      (res) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (d: string) => (text += d));
        res.on('end', () =>
          resolve({ status: res.statusCode ?? 0, type: String(res.headers['content-type'] ?? ''), body: text, cookie: String(res.headers['set-cookie']?.[0] ?? '').split(';')[0]! }),
        );
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

/** Subscribe over the WebSocket from `from`; resolves with the reply. */
function subscribe(s: TestServer, msg: Record<string, unknown>, opts: { from?: string; cookie?: string } = {}): Promise<{ type: string; code?: string }> {
  const socket = new WebSocket(`${s.url.replace(/^http/, 'ws')}/ws`, {
    ...(opts.from ? { localAddress: opts.from } : {}),
    headers: opts.cookie ? { cookie: opts.cookie } : {},
  });
  return new Promise((resolve, reject) => {
    socket.once('error', reject);
    socket.once('open', () => socket.send(JSON.stringify({ ...msg, rid: 'r0000001' })));
    socket.on('message', (data) => {
      const reply = JSON.parse(String(data)) as { type: string; code?: string; rid?: string };
      if (reply.rid !== 'r0000001') return;
      socket.close();
      resolve(reply);
    });
  });
}

describe.skipIf(!other)('the console from another device', () => {
  it('is refused by default — page, login, API and console feed — with a message naming ADMIN_LAN=1; the laptop, the display and the ballot page are served', async () => {
    server = await startTestServer();
    const { session } = await prepareSession(server.admin, { persons: 1, slips: 1 });
    const page = await request(server, 'GET', '/admin', { from: other });
    expect(page.status).toBe(403);
    expect(page.type).toContain('text/html');
    expect(page.body).toContain('ADMIN_LAN=1');
    expect(page.body).toContain('Bảng điều khiển chỉ mở trên chính máy chủ');
    const login = await request(server, 'POST', '/api/admin/login', { from: other, body: { password: TEST_PASSWORD } });
    expect(login.status).toBe(403);
    expect(JSON.parse(login.body)).toMatchObject({ error: 'console-needs-laptop' });
    expect(login.cookie).toBe('');
    // Even with a cookie taken from the laptop, the API and the console feed stay closed.
    const stolen = server.admin.cookieHeader;
    expect((await request(server, 'GET', '/api/admin/sessions', { from: other, cookie: stolen })).status).toBe(403);
    expect(await subscribe(server, { type: 'subscribe', sessionId: session.id }, { from: other, cookie: stolen })).toMatchObject({ type: 'error', code: 'console-needs-laptop' });

    // The laptop itself is served; so are the display (by its key) and the phones, from anywhere.
    expect((await request(server, 'GET', '/admin')).status).toBe(200);
    expect((await request(server, 'GET', '/api/admin/sessions', { cookie: stolen })).status).toBe(200);
    expect(await subscribe(server, { type: 'subscribe', sessionId: session.id }, { cookie: stolen })).toMatchObject({ type: 'subscribed' });
    const detail = await server.admin.call('GET /api/admin/sessions/:id', { params: { id: session.id } });
    expect(await subscribe(server, { type: 'subscribe', sessionId: session.id, displayKey: detail.displayKey }, { from: other })).toMatchObject({ type: 'subscribed' });
    expect((await request(server, 'GET', '/healthz', { from: other })).status).toBe(200);
    expect(await server.admin.call('GET /api/admin/me')).toMatchObject({ lan: false });
  });

  it('is allowed with ADMIN_LAN=1, which the audit log records and /api/admin/me reports; the box ceremony stays on the laptop', async () => {
    server = await startTestServer({ adminLan: true });
    const login = await request(server, 'POST', '/api/admin/login', { from: other, body: { password: TEST_PASSWORD, operator: 'Máy thứ hai' } });
    expect(login.status).toBe(200);
    const me = await request(server, 'GET', '/api/admin/me', { from: other, cookie: login.cookie });
    expect(JSON.parse(me.body)).toEqual({ operator: 'Máy thứ hai', lan: true });
    const created = await request(server, 'POST', '/api/admin/sessions', {
      from: other,
      cookie: login.cookie,
      body: { title: 'Kỳ họp', organisation: 'HĐND', place: 'Huế', heldOn: '2026-12-02', presetId: 'qd96-2023', summoned: 10, present: 9 },
    });
    expect(created.status).toBe(201);
    const id = (JSON.parse(created.body) as { id: string }).id;
    const seal = await request(server, 'POST', `/api/admin/sessions/${id}/box/seal`, { from: other, cookie: login.cookie, body: {} });
    expect(seal.status).toBe(403);
    expect(JSON.parse(seal.body)).toMatchObject({ error: 'box-needs-laptop' });
    const events = await server.app.db.selectFrom('audit_log').select(['event', 'session_id']).where('event', '=', 'admin.lan-enabled').execute();
    expect(events).toEqual([{ event: 'admin.lan-enabled', session_id: null }]);
  });
});
