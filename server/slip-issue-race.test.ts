/**
 * Slip ids are unique across the database. Issuing picks fresh ids, derives their keys
 * (scrypt, off the main thread) and only then inserts them: two issues at once (a double
 * click, two operators preparing two votes) must not pick the same id and fail with an
 * internal error. The id space is narrowed here to 64 ids so that two batches of 20 picked
 * independently would surely overlap; secrets stay fully random.
 */
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';

vi.mock('../shared/slip-code', async (importOriginal) => {
  const real = await importOriginal<typeof import('../shared/slip-code')>();
  const few = '0123456789ABCDEF'.slice(0, 8);
  return {
    ...real,
    randomSymbols: (n: number) =>
      n === real.SLIP_ID_LENGTH ? `00${few[Math.floor(Math.random() * 8)]}${few[Math.floor(Math.random() * 8)]}` : real.randomSymbols(n),
  };
});

const { prepareSession, startTestServer } = await import('../test/server');
type TestServer = Awaited<ReturnType<typeof startTestServer>>;

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(async () => {
  await server.close();
});

describe('issuing slips at the same time', () => {
  it('gives every slip its own id and answers both requests', async () => {
    const a = await prepareSession(server.admin, { slips: 1 });
    const b = await prepareSession(server.admin, { slips: 1 });
    const [fromA, fromB] = await Promise.all([
      server.admin.call('POST /api/admin/sessions/:id/slips', { params: { id: a.session.id }, body: { count: 20 } }),
      server.admin.call('POST /api/admin/sessions/:id/slips', { params: { id: b.session.id }, body: { count: 20 } }),
    ]);
    const ids = [...a.slips, ...b.slips, ...fromA.slips, ...fromB.slips].map((s: { id: string }) => s.id);
    expect(new Set(ids).size).toBe(42);
    expect((await server.admin.call('GET /api/admin/sessions/:id/slips', { params: { id: a.session.id } })).slips).toHaveLength(21);
    expect((await server.admin.call('GET /api/admin/sessions/:id/slips', { params: { id: b.session.id } })).slips).toHaveLength(21);
  });
});
