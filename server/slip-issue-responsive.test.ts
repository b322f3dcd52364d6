/**
 * Issuing slips runs scrypt in libuv's thread pool, which logins (scrypt of the password)
 * and static files also need. With every job handed over at once, a login during printing
 * waited for all of them. Checked by order of events, not by time: a login started just
 * after a 400-slip issue finishes before the issue does.
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

describe('issuing slips', () => {
  it('leaves room in the thread pool: a login during a large issue is answered first', async () => {
    const { session } = await prepareSession(server.admin, { persons: 1, slips: 1, sealed: false });
    const order: string[] = [];
    const issue = server.admin.call('POST /api/admin/sessions/:id/slips', { params: { id: session.id }, body: { count: 400 } }).then(() => order.push('issue'));
    // Let the issue reach its key derivation before the login arrives.
    await new Promise((r) => setImmediate(r));
    const desk = new AdminClient(server.url);
    const login = desk.login(TEST_PASSWORD, 'Bàn thư ký 2').then(() => order.push('login'));
    await Promise.all([issue, login]);
    expect(order).toEqual(['login', 'issue']);
  });
});
