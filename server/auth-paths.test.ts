/**
 * The admin lock must hold for every spelling of an admin path the router accepts: the
 * router decodes percent escapes (`/api/%61dmin/…` is `/api/admin/…`), so the lock decides
 * by the route matched, not by the raw request line.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { prepareSession, startTestServer, type TestServer } from './test-helpers';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(async () => {
  await server.close();
});

describe('admin routes behind percent-escaped paths', () => {
  it('answers 401 and changes nothing without the cookie', async () => {
    const { session, slips } = await prepareSession(server.admin, { slips: 3 });
    await server.admin.call('POST', `/api/admin/sessions/${session.id}/open`, {});

    const list = await fetch(`${server.url}/api/%61dmin/sessions/${session.id}/slips`);
    expect(list.status).toBe(401);
    expect(await list.text()).not.toContain(slips[0]!.code);

    const close = await fetch(`${server.url}/api/adm%69n/sessions/${session.id}/close`, { method: 'POST' });
    expect(close.status).toBe(401);
    expect((await server.admin.call('GET', `/api/admin/sessions/${session.id}`)).state).toBe('open');
  });

  it('refuses a change from another site on an escaped path, even with the cookie', async () => {
    const { session } = await prepareSession(server.admin);
    const res = await fetch(`${server.url}/api/%61dmin/sessions/${session.id}/open`, {
      method: 'POST',
      headers: { cookie: server.admin.cookieHeader, origin: 'http://evil.example' },
    });
    expect(res.status).toBe(403);
    expect((await server.admin.call('GET', `/api/admin/sessions/${session.id}`)).state).toBe('draft');
  });

  it('still serves the escaped path to the logged-in console', async () => {
    const res = await fetch(`${server.url}/api/%61dmin/me`, { headers: { cookie: server.admin.cookieHeader } });
    expect(res.status).toBe(200);
  });
});
