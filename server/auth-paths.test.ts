/**
 * The admin lock must hold for every spelling of an admin path the router accepts: the
 * router decodes percent escapes (`/api/%61dmin/…` is `/api/admin/…`), so the lock decides
 * by the route matched, not by the raw request line.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AdminClient } from '../scripts/lib/client';
import { prepareSession, startTestServer, TEST_PASSWORD, type TestServer } from '../test/server';

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
    await server.admin.call('POST /api/admin/sessions/:id/open', { params: { id: session.id }, body: {} });

    const list = await fetch(`${server.url}/api/%61dmin/sessions/${session.id}/slips`);
    expect(list.status).toBe(401);
    expect(await list.text()).not.toContain(slips[0]!.code);

    const close = await fetch(`${server.url}/api/adm%69n/sessions/${session.id}/close`, { method: 'POST' });
    expect(close.status).toBe(401);
    expect((await server.admin.call('GET /api/admin/sessions/:id', { params: { id: session.id } })).state).toBe('open');
  });

  it('refuses a change from another site on an escaped path, even with the cookie', async () => {
    const { session } = await prepareSession(server.admin);
    const res = await fetch(`${server.url}/api/%61dmin/sessions/${session.id}/open`, {
      method: 'POST',
      headers: { cookie: server.admin.cookieHeader, origin: 'http://evil.example' },
    });
    expect(res.status).toBe(403);
    expect((await server.admin.call('GET /api/admin/sessions/:id', { params: { id: session.id } })).state).toBe('draft');
  });

  it('still serves the escaped path to the logged-in console', async () => {
    const res = await fetch(`${server.url}/api/%61dmin/me`, { headers: { cookie: server.admin.cookieHeader } });
    expect(res.status).toBe(200);
  });
});

/** Every route the app serves, read from Fastify's own route tree: [method, path]. */
function registeredRoutes(tree: string): [string, string][] {
  const paths: string[] = [];
  const routes: [string, string][] = [];
  for (const line of tree.split('\n')) {
    const m = /^((?:[│ ] {3})*)[├└]── (.+?)(?: \(([A-Z, ]+)\))?$/.exec(line);
    if (!m) continue;
    const depth = m[1]!.length / 4;
    const path = (depth === 0 ? '' : paths[depth - 1]!) + m[2]!;
    paths[depth] = path;
    for (const method of m[3]?.split(', ') ?? []) routes.push([method, path]);
  }
  return routes;
}

describe('every admin route', () => {
  it('answers 401 to a stranger, whatever its method, and only login is open', async () => {
    const admin = registeredRoutes(server.app.printRoutes({ commonPrefix: false })).filter(([, path]) => path.startsWith('/api/admin/'));
    // The tree is read right: the routes the console lives on are all there.
    expect(admin.length).toBeGreaterThan(40);
    expect(admin).toContainEqual(['POST', '/api/admin/sessions/:id/open']);
    expect(admin).toContainEqual(['DELETE', '/api/admin/sessions/:id/paper/entries/:entryId']);
    const { session } = await prepareSession(server.admin);
    for (const [method, path] of admin) {
      if (path === '/api/admin/login') continue;
      const url = path.replace(':id', session.id).replace(':entryId', 'entry-1');
      const res = await fetch(`${server.url}${url}`, { method, headers: { cookie: 'tinnhiem_admin=forged', 'content-type': 'application/json' }, body: method === 'GET' || method === 'HEAD' ? undefined : '{}' });
      expect(res.status, `${method} ${path}`).toBe(401);
    }
  });
});

describe('failed logins from one address', () => {
  it('are answered one at a time: parallel guesses are refused with rate-limited', async () => {
    // A long wait after the first failure, so the other guesses surely arrive while it is in flight.
    const slow = await startTestServer({ loginDelayMs: 1500 });
    try {
      await guessInParallel(slow.url);
    } finally {
      await slow.close();
    }
  });
});

/** Five wrong passwords at once from one address, then the right one. */
async function guessInParallel(url: string): Promise<void> {
  const guesses = await Promise.all(
    Array.from({ length: 5 }, (_, i) =>
      fetch(`${url}/api/admin/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ password: `guess-${i}` }),
      }).then(async (res) => ({ status: res.status, code: ((await res.json()) as { error: string }).error })),
    ),
  );
  expect(guesses.filter((g) => g.code === 'wrong-password')).toHaveLength(1);
  expect(guesses.filter((g) => g.code === 'rate-limited')).toEqual(Array(4).fill({ status: 429, code: 'rate-limited' }));
  // Once the attempt in flight is answered, the right password still works.
  const res = await fetch(`${url}/api/admin/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ password: TEST_PASSWORD }),
  });
  expect(res.status).toBe(200);
}

describe('expired logins', () => {
  it('are deleted from the database at the next login; live ones stay', async () => {
    const past = new Date(Date.now() - 3600_000).toISOString();
    server.app.sqlite
      .prepare('insert into admin_sessions (token_hash, operator, created_at, expires_at) values (?, ?, ?, ?)')
      .run('expired-token-hash', 'Thư ký cũ', past, past);
    const before = server.app.sqlite.prepare('select count(*) as n from admin_sessions').get() as { n: number };
    const desk = new AdminClient(server.url);
    await desk.login(TEST_PASSWORD, 'Thư ký mới');
    const rows = server.app.sqlite.prepare('select token_hash, operator from admin_sessions').all() as { token_hash: string; operator: string }[];
    expect(rows.find((r) => r.token_hash === 'expired-token-hash')).toBeUndefined();
    expect(rows).toHaveLength(before.n);
    // The console that logged in earlier is still logged in.
    expect(await server.admin.call('GET /api/admin/me')).toMatchObject({ operator: expect.any(String) });
  });
});
