/**
 * The committer's hold on Kysely's connection, on a real SQLite file with the worker thread:
 * in a long burst, another request's query runs between batches, not after the whole burst.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, type OpenedDatabase } from '../db/open';
import { CastCommitter, MAX_BATCH } from './cast-committer';

let dir: string;
let opened: OpenedDatabase;
beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'tinnhiem-committer-'));
  opened = await openDatabase(join(dir, 'data', 'tinnhiem.db'));
});
afterAll(async () => {
  await opened.db.destroy();
  rmSync(dir, { recursive: true, force: true });
});

describe('the cast committer', () => {
  it('lets another query in between batches of a long burst, and answers every cast', async () => {
    const committer = new CastCommitter(opened.db, opened.sqlite);
    const n = 8 * MAX_BATCH;
    let answered = 0;
    // Slips that do not exist: each is refused (bad-seal) in its batch, as a probe would be.
    const casts = Array.from({ length: n }, (_, i) =>
      committer.cast({ slipId: `Z${String(i).padStart(3, '0')}`, nonce: `n${i}`, sealed: 'x', auth: 'y' }).then(
        () => 'recorded',
        (err: { code?: string }) => err.code,
      ).finally(() => answered++),
    );
    // Once the first batch is answered, the committer holds the connection for the next ones.
    await casts[0];
    const seenAt = await opened.db
      .selectFrom('vote_sessions')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow()
      .then(() => answered);
    expect(seenAt).toBeGreaterThanOrEqual(MAX_BATCH);
    expect(seenAt).toBeLessThan(n);
    expect(new Set(await Promise.all(casts))).toEqual(new Set(['bad-seal']));
    expect(answered).toBe(n);
    await committer.close();
  });
});
