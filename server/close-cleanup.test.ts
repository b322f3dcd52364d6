/**
 * Closing folds the WAL into the file and rebuilds it, so the file keeps no order of casting.
 * When another program holds the file open for reading (a backup tool, a SQLite browser) the
 * checkpoint cannot finish: the server must say so, never report a clean close that did not
 * happen, and clean up once the way is clear.
 */
import Sqlite from 'better-sqlite3';
import { existsSync, statSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { castBallots } from '../test/results';
import { prepareSession, startTestServer, type TestServer } from '../test/server';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(async () => {
  await server.close();
});

const walSize = () => (existsSync(`${server.dbFile}-wal`) ? statSync(`${server.dbFile}-wal`).size : 0);

async function votedAndOpen() {
  const prepared = await prepareSession(server.admin, { persons: 2, slips: 6 });
  await server.admin.call('POST /api/admin/sessions/:id/open', { params: { id: prepared.session.id }, body: {} });
  await castBallots(server.url, prepared.session.id, prepared.slips, prepared.slips.map(() => ({ [prepared.persons[0]!.id]: 'low' })));
  return prepared;
}

describe('cleaning the data file after close', () => {
  it('after a normal close the WAL is empty', async () => {
    const { session } = await votedAndOpen();
    const closed = await server.admin.call('POST /api/admin/sessions/:id/close', { params: { id: session.id } });
    expect(closed.tracesPending).toBe(false);
    expect(walSize()).toBe(0);
  });

  it('while a reader holds the file, the close says the cleanup is pending, and a later try after it lets go is clean', async () => {
    const { session, shares } = await votedAndOpen();
    const reader = new Sqlite(server.dbFile, { readonly: true });
    reader.prepare('begin').run();
    reader.prepare('select count(*) from sealed_ballots').get();
    try {
      const closed = await server.admin.call('POST /api/admin/sessions/:id/close', { params: { id: session.id } });
      expect(closed).toMatchObject({ state: 'closed', tracesPending: true });
      expect(walSize()).toBeGreaterThan(0);
      // Opening the box tries again; the reader is still there, so it is still pending.
      await server.admin.openBox(session.id, shares.slice(0, 2));
      expect((await server.admin.call('GET /api/admin/sessions/:id', { params: { id: session.id } })).tracesPending).toBe(true);
    } finally {
      reader.prepare('commit').run();
      reader.close();
    }
    const cleaned = await server.admin.call('POST /api/admin/sessions/:id/scrub', { params: { id: session.id } });
    expect(cleaned.tracesPending).toBe(false);
    expect(walSize()).toBe(0);
    const { events } = await server.admin.call('GET /api/admin/sessions/:id/audit', { params: { id: session.id } });
    expect(events.map((e: { event: string }) => e.event).filter((e: string) => e.startsWith('traces.'))).toEqual(['traces.pending', 'traces.scrubbed']);
  });
});
