/**
 * Writing many collected ballots at once (a sealed box as it is opened), on a real SQLite
 * file: every ballot and every mark arrives, across the statements a large box is split into.
 * And the page cache both connections keep, which bounds what counting a large box holds.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, type OpenedDatabase } from '../db/open';
import { insertBallots, loadBallots } from './ballots';
import { sharedPragmas } from './cast-thread';
import { createSession, listPersons, replacePersons } from './sessions';

let dir: string;
let opened: OpenedDatabase;
beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'tinnhiem-ballots-'));
  opened = await openDatabase(join(dir, 'data', 'tinnhiem.db'));
});
afterAll(async () => {
  await opened.db.destroy();
  rmSync(dir, { recursive: true, force: true });
});

const LEVELS = ['high', 'medium', 'low', null] as const;

describe('insertBallots', () => {
  it('writes every ballot and every mark of a box larger than one statement holds', async () => {
    const db = opened.db;
    const sessionId = await createSession(db, { title: 'Hội nghị', organisation: 'Sở', place: 'Hội trường', heldOn: '2026-12-02', presetId: 'qd96-2023', summoned: 800, present: 800 });
    await replacePersons(db, sessionId, Array.from({ length: 15 }, (_, i) => ({ fullName: `Người ${i + 1}`, position: 'Ủy viên' })));
    const ids = (await listPersons(db, sessionId)).map((p) => p.id);
    // 700 ballots (two statements of ballots), 10,500 marks (about 21 statements), one ballot empty.
    const ballots = Array.from({ length: 700 }, (_, b) => Object.fromEntries(ids.map((id, k) => [id, LEVELS[(b >> (k % 9)) % 4]!])));
    ballots[5] = {};
    await db.transaction().execute((trx) => insertBallots(trx, sessionId, 'phone', ballots));
    const stored = await loadBallots(db, sessionId);
    expect(stored).toHaveLength(700);
    const key = (m: Record<string, string | null>) => ids.map((id) => m[id] ?? '-').join(',');
    expect(stored.map((b) => key(b.marks)).sort()).toEqual(ballots.map(key).sort());
    expect(stored.every((b) => b.source === 'phone')).toBe(true);
  });
});

describe('the connections', () => {
  it('keep a 2 MiB page cache, the main one and the cast worker\'s alike', () => {
    expect(opened.sqlite.pragma('cache_size', { simple: true })).toBe(-2000);
    // What the worker's connection runs on opening (cast-worker.ts), read off the main one.
    expect(sharedPragmas(opened.sqlite)).toContain('cache_size = -2000');
  });
});
