import Sqlite from 'better-sqlite3';
import { existsSync, readFileSync, rmSync, statSync } from 'node:fs';
import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { sealBallot, slipFromPath, WsClient } from '../scripts/lib/client';
import { closeAndOpenBox, prepareSession, startTestServer } from '../test/server';

const LEVELS = ['high', 'medium', 'low', null] as const;

/** Ballot i marks person k with digit k of i in base 4: every ballot is told apart by its content. */
function patternMarks(i: number, personIds: string[]): Record<string, string | null> {
  const marks: Record<string, string | null> = {};
  personIds.forEach((id, k) => (marks[id] = LEVELS[Math.floor(i / 4 ** k) % 4]!));
  return marks;
}

function spearman(seq: number[]): number {
  const n = seq.length;
  const d2 = seq.reduce((s, v, i) => s + (v - i) ** 2, 0);
  return 1 - (6 * d2) / (n * (n * n - 1));
}

describe('secrecy', () => {
  it('the database file links no ballot to a slip, holds no ballot time, and does not keep casting order', async () => {
    const server = await startTestServer();
    const n = 60;
    const { session, persons, slips, shares } = await prepareSession(server.admin, { persons: 4, slips: n });
    const personIds = persons.map((p) => p.id);
    await server.admin.call('POST /api/admin/sessions/:id/open', { params: { id: session.id }, body: {} });
    const box = await server.admin.ballotBox(session.id);
    const ws = await WsClient.connect(server.url);
    const sent: { nonce: string; sealed: string; secret: string }[] = [];
    for (let i = 0; i < n; i++) {
      const slip = slipFromPath(slips[i]!.path);
      const cast = await sealBallot(slip, box, patternMarks(i, personIds), { native: true });
      expect(await ws.request({ type: 'cast', slipId: slip.id, nonce: cast.nonce, sealed: cast.sealed, auth: cast.auth })).toMatchObject({ type: 'recorded' });
      sent.push({ nonce: cast.nonce, sealed: cast.sealed, secret: slip.secret });
    }
    ws.close();
    await closeAndOpenBox(server.admin, session.id, shares);
    const { dbFile } = server;
    await server.app.close();

    // Opening the box folded the WAL into the file: no frame log of recent transactions remains.
    if (existsSync(`${dbFile}-wal`)) expect(statSync(`${dbFile}-wal`).size).toBe(0);

    const db = new Sqlite(dbFile, { readonly: true });
    // The opened box keeps no ciphertext beside its plaintexts.
    expect(db.prepare('select count(*) as n from sealed_ballots').get()).toEqual({ n: 0 });
    expect(db.prepare('select count(*) as n from receipts').get()).toEqual({ n: n });
    for (const table of ['sealed_ballots', 'receipts', 'box_holders']) expect(() => db.prepare(`select rowid from ${table}`).all()).toThrow();
    const columns = (table: string) => (db.pragma(`table_info(${table})`) as { name: string }[]).map((c) => c.name).sort();
    expect(columns('ballots')).toEqual(['id', 'session_id', 'source']);
    expect(columns('marks')).toEqual(['ballot_id', 'level', 'person_id']);
    for (const table of ['ballots', 'marks']) {
      const fks = (db.pragma(`foreign_key_list(${table})`) as { table: string }[]).map((f) => f.table);
      expect(fks).not.toContain('slips');
      // WITHOUT ROWID: there is no hidden insertion counter.
      expect(() => db.prepare(`select rowid from ${table}`).all()).toThrow();
    }
    // Nothing the phone sent is stored: not the nonce (only its hash, on the slip), not the
    // sealed bytes (deleted with secure_delete, then the file rebuilt by VACUUM).
    const bytes = readFileSync(dbFile);
    const text = bytes.toString('latin1');
    for (const s of sent) {
      expect(text.includes(s.nonce)).toBe(false);
      expect(text.includes(s.sealed.slice(0, 40))).toBe(false);
      expect(bytes.includes(Buffer.from(s.sealed, 'base64url').subarray(0, 32))).toBe(false);
    }

    // Read the ballots in storage order and recover each one's casting index from its content.
    const rows = db
      .prepare(`select b.id as id, m.person_id as person, m.level as level from ballots b join marks m on m.ballot_id = b.id`)
      .all() as { id: Buffer; person: string; level: string | null }[];
    const byBallot = new Map<string, Record<string, string | null>>();
    for (const r of rows) {
      const key = r.id.toString('hex');
      byBallot.set(key, { ...(byBallot.get(key) ?? {}), [r.person]: r.level });
    }
    const order = [...byBallot.values()].map((marks) =>
      personIds.reduce((i, id, k) => i + LEVELS.indexOf(marks[id] as (typeof LEVELS)[number]) * 4 ** k, 0),
    );
    expect(new Set(order).size).toBe(n);
    expect(order).not.toEqual([...order].sort((a, b) => a - b));
    // A random order: far from the casting order and from its reverse.
    expect(Math.abs(spearman(order))).toBeLessThan(0.6);
    db.close();
    rmSync(server.dir, { recursive: true, force: true });
  });

  it('the logs carry no slip id, secret, nonce, sealed ballot, ballot content or token', async () => {
    const lines: string[] = [];
    const stream = new Writable({
      write(chunk, _enc, done) {
        lines.push(chunk.toString());
        done();
      },
    });
    const server = await startTestServer({ logger: { level: 'trace', stream } });
    const { session, persons, slips, shares } = await prepareSession(server.admin, { persons: 2, slips: 4 });
    await server.admin.call('POST /api/admin/sessions/:id/open', { params: { id: session.id }, body: {} });
    const box = await server.admin.ballotBox(session.id);
    // The committee's shares never reach a log.
    const secrets: string[] = shares.flatMap((code) => code.split('-'));
    for (const [i, s] of slips.entries()) {
      const slip = slipFromPath(s.path);
      // A phone loads the page (the URL carries the slip id), then casts over HTTP or WebSocket.
      await fetch(`${server.url}/b/${slip.id}`);
      const cast = await sealBallot(slip, box, { [persons[0]!.id]: 'low', [persons[1]!.id]: 'high' }, { native: true });
      secrets.push(slip.id, slip.secret, cast.nonce, cast.sealed.slice(0, 24), cast.auth, cast.proof, cast.receipt);
      if (i % 2 === 0) {
        await fetch(`${server.url}/api/message`, { method: 'POST', body: JSON.stringify({ type: 'cast', slipId: slip.id, nonce: cast.nonce, sealed: cast.sealed, auth: cast.auth }), headers: { 'content-type': 'application/json' } });
      } else {
        const ws = await WsClient.connect(server.url);
        await ws.request({ type: 'slip.open', slipId: slip.id, proof: cast.proof });
        await ws.request({ type: 'cast', slipId: slip.id, nonce: cast.nonce, sealed: cast.sealed, auth: cast.auth });
        ws.close();
      }
    }
    await closeAndOpenBox(server.admin, session.id, shares);
    await server.close();
    const log = lines.join('');
    expect(log).toContain('/b/[slip]'); // the request was logged, redacted
    // An all-digit id or secret could collide with a logged number (a response time), so
    // those are checked only where they would appear as a path.
    for (const s of secrets) {
      expect(log).not.toContain(`/b/${s}`);
      if (/[A-Z]/.test(s)) expect(log).not.toMatch(new RegExp(`\\b${s.replace(/[-]/g, '\\-')}\\b`));
    }
    expect(log).not.toContain(server.admin.cookieHeader.split('=')[1]!);
    expect(log).not.toMatch(/"marks"|"sealed"|"nonce"|"proof"|"auth"|"code"|"shares"|test-password/);
    expect(log).not.toContain(box.box!);
  });
});
