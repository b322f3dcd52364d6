import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AdminClient, WsClient } from '../scripts/lib/client';
import { prepareSession, startTestServer, TEST_PASSWORD, type TestServer } from '../test/server';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(async () => {
  await server.close();
});

describe('secretariat API', () => {
  it('answers /healthz', async () => {
    const res = await fetch(`${server.url}/healthz`);
    expect(res.status).toBe(200);
  });

  it('answers 401 under /api/admin/ without a logged-in session, and refuses a wrong password', async () => {
    for (const [method, path] of [
      ['GET', '/api/admin/sessions'],
      ['POST', '/api/admin/sessions'],
      ['GET', '/api/admin/me'],
      ['POST', '/api/admin/logout'],
      ['GET', '/api/admin/presets'],
    ] as const) {
      const res = await fetch(`${server.url}${path}`, { method, headers: { cookie: 'tinnhiem_admin=forged' } });
      expect(res.status).toBe(401);
      expect(await res.json()).toMatchObject({ error: 'unauthorized', message: { vi: 'Xin đăng nhập.', en: 'Please log in.' } });
    }
    const stranger = new AdminClient(server.url);
    await expect(stranger.login('wrong')).rejects.toMatchObject({ status: 401, code: 'wrong-password' });
  });

  it('refuses changes and the console feed from another site, even with the cookie', async () => {
    const evil = { cookie: server.admin.cookieHeader, origin: 'http://evil.example', 'content-type': 'application/json' };
    const res = await fetch(`${server.url}/api/admin/sessions`, {
      method: 'POST',
      headers: evil,
      body: JSON.stringify({ title: 'x', organisation: '', place: '', heldOn: '2026-11-27', presetId: 'qd96-2023', summoned: 1, present: 1 }),
    });
    expect(res.status).toBe(403);
    expect(await res.json()).toMatchObject({ error: 'cross-origin' });
    const login = await fetch(`${server.url}/api/admin/login`, { method: 'POST', headers: evil, body: JSON.stringify({ password: TEST_PASSWORD }) });
    expect(login.status).toBe(403);
    const { sessions } = await server.admin.call('GET /api/admin/sessions');
    expect(sessions.some((s: { title: string }) => s.title === 'x')).toBe(false);
    // Same origin is fine.
    const ok = await fetch(`${server.url}/api/admin/me`, { headers: { cookie: server.admin.cookieHeader, origin: server.url } });
    expect(ok.status).toBe(200);

    const { session } = await prepareSession(server.admin);
    const hijack = await WsClient.connect(server.url, { cookie: server.admin.cookieHeader, origin: 'http://evil.example' });
    expect(await hijack.request({ type: 'subscribe', sessionId: session.id })).toEqual(expect.objectContaining({ type: 'error', code: 'cross-origin' }));
    hijack.close();
    const own = await WsClient.connect(server.url, { cookie: server.admin.cookieHeader, origin: server.url });
    expect(await own.request({ type: 'subscribe', sessionId: session.id })).toMatchObject({ type: 'subscribed' });
    own.close();
  });

  it('sets an httpOnly, SameSite=Strict cookie, and logout ends the session', async () => {
    const res = await fetch(`${server.url}/api/admin/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ password: TEST_PASSWORD, operator: 'Trần Thị Bình' }),
    });
    const cookie = res.headers.get('set-cookie')!;
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toMatch(/SameSite=Strict/i);
    const client = new AdminClient(server.url);
    await client.login(TEST_PASSWORD, 'Trần Thị Bình');
    expect(await client.call('GET /api/admin/me')).toEqual({ operator: 'Trần Thị Bình', lan: false });
    // A console feed opened under this login ends with it; another login's feed goes on.
    const { session } = await prepareSession(server.admin);
    const feed = await WsClient.connect(server.url, { cookie: client.cookieHeader });
    expect(await feed.request({ type: 'subscribe', sessionId: session.id })).toMatchObject({ type: 'subscribed' });
    const other = await WsClient.connect(server.url, { cookie: server.admin.cookieHeader });
    expect(await other.request({ type: 'subscribe', sessionId: session.id })).toMatchObject({ type: 'subscribed' });
    const closed = new Promise<number>((resolve) => feed.socket.once('close', (code) => resolve(code)));
    await client.call('POST /api/admin/logout');
    expect(await closed).toBe(4001);
    await expect(client.call('GET /api/admin/me')).rejects.toMatchObject({ status: 401 });
    expect(await other.request({ type: 'ping' })).toMatchObject({ type: 'pong' });
    other.close();
  });

  it('validates sessions: unknown preset, bad base, present above summoned, edits only while draft', async () => {
    const base = { title: 'T', organisation: 'O', place: 'Hà Nội', heldOn: '2026-11-27', summoned: 10, present: 9 };
    await expect(server.admin.call('POST /api/admin/sessions', { body: { ...base, presetId: 'nope' } })).rejects.toMatchObject({ code: 'unknown-preset' });
    await expect(server.admin.call('POST /api/admin/sessions', { body: { ...base, presetId: 'qd96-2023', base: 'summoned' } })).rejects.toMatchObject({ code: 'bad-base' });
    await expect(server.admin.call('POST /api/admin/sessions', { body: { ...base, presetId: 'qd96-2023', present: 11 } })).rejects.toMatchObject({ code: 'bad-request' });
    await expect(server.admin.call('POST /api/admin/sessions', { body: { ...base, presetId: 'qd96-2023', title: '' } })).rejects.toMatchObject({ code: 'bad-request' });
    const nq = await server.admin.call('POST /api/admin/sessions', { body: { ...base, presetId: 'nq96-2023-lay-phieu', base: 'summoned' } });
    expect(nq.base).toBe('summoned');

    const { session } = await prepareSession(server.admin, { summoned: 30, present: 19 });
    await expect(server.admin.call('POST /api/admin/sessions/:id/open', { params: { id: session.id }, body: {} })).rejects.toMatchObject({
      code: 'quorum-not-met',
      text: { vi: expect.stringContaining('Chưa đủ 2/3 số người được triệu tập có mặt'), en: expect.stringContaining('Fewer than 2/3') },
    });
    await server.admin.call('PATCH /api/admin/sessions/:id', { params: { id: session.id }, body: { present: 20 } });
    const opened = await server.admin.call('POST /api/admin/sessions/:id/open', { params: { id: session.id }, body: {} });
    expect(opened).toMatchObject({ state: 'open', quorumMet: true, quorumOverride: false });
    await expect(server.admin.call('PATCH /api/admin/sessions/:id', { params: { id: session.id }, body: { title: 'x' } })).rejects.toMatchObject({ code: 'session-not-draft' });
    await expect(server.admin.call('PUT /api/admin/sessions/:id/persons', { params: { id: session.id }, body: { persons: [] } })).rejects.toMatchObject({ code: 'session-not-draft' });
  });

  it('opens below quorum only with an explicit override, and records it', async () => {
    const { session } = await prepareSession(server.admin, { summoned: 30, present: 10 });
    const opened = await server.admin.call('POST /api/admin/sessions/:id/open', { params: { id: session.id }, body: { overrideQuorum: true } });
    expect(opened).toMatchObject({ state: 'open', quorumOverride: true, quorumMet: false });
    const { events } = await server.admin.call('GET /api/admin/sessions/:id/audit', { params: { id: session.id } });
    expect(events.map((e: { event: string }) => e.event)).toEqual(['session.created', 'persons.changed', 'slips.issued', 'committee.changed', 'box.sealed', 'quorum.override', 'session.opened']);
  });

  it('keeps names in NFC and person ids across reorder', async () => {
    const { session, persons } = await prepareSession(server.admin, { persons: 2 });
    const nfd = 'Nguyễn Thị Ánh'.normalize('NFD');
    const { persons: saved } = await server.admin.call('PUT /api/admin/sessions/:id/persons', { params: { id: session.id }, body: {
      persons: [{ id: persons[1]!.id, fullName: `  ${nfd}  `, position: 'Phó Bí thư' }, { id: persons[0]!.id, fullName: 'Lê Văn Cường', position: 'Ủy viên' }],
    } });
    expect(saved.map((p: { id: string }) => p.id)).toEqual([persons[1]!.id, persons[0]!.id]);
    expect(saved[0]!.fullName).toBe('Nguyễn Thị Ánh'.normalize('NFC'));
    expect(saved[0]!.order).toBe(1);
  });

  it('voids an unused slip by its typed code, refuses to void a used one, and voids the rest before opening', async () => {
    const { session, slips } = await prepareSession(server.admin, { slips: 5 });
    const code = slips[0]!.code.toLowerCase();
    expect(await server.admin.call('POST /api/admin/sessions/:id/slips/void', { params: { id: session.id }, body: { code } })).toEqual({ voided: [slips[0]!.id] });
    await expect(server.admin.call('POST /api/admin/sessions/:id/slips/void', { params: { id: session.id }, body: { code } })).rejects.toMatchObject({ code: 'slip-void' });
    await expect(server.admin.call('POST /api/admin/sessions/:id/slips/void', { params: { id: session.id }, body: { code: 'ZZZZ-ZZZZZZZ' } })).rejects.toMatchObject({ code: 'slip-unknown' });
    expect((await server.admin.call('GET /api/admin/sessions/:id/turnout', { params: { id: session.id } })).issued).toBe(4);
    expect(await server.admin.call('POST /api/admin/sessions/:id/slips/void-unused', { params: { id: session.id } })).toEqual({ count: 4 });
    const { slips: listed } = await server.admin.call('GET /api/admin/sessions/:id/slips', { params: { id: session.id }, query: { state: 'void' } });
    expect(listed).toHaveLength(5);
    await expect(server.admin.call('POST /api/admin/sessions/:id/open', { params: { id: session.id }, body: {} })).rejects.toMatchObject({ code: 'no-slips' });
  });
});
