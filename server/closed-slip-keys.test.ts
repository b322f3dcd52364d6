/**
 * A slip's key authenticates its cast; it opens nothing (ballots are sealed to the box).
 * Once voting closes it is not needed either: a used slip keeps only what recognises its
 * phone — a hash of its proof (to say "used" when the page is opened again) and the hash
 * of its nonce — so a copied file holds no secret printed on any used slip.
 */
import Sqlite from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fromBase64Url, openFromBox } from '../shared/box';
import { sealBallot, slipFromPath, WsClient } from '../scripts/lib/client';
import { prepareSession, startTestServer, type TestServer } from '../test/server';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(async () => {
  await server.close();
});

describe('keys of used slips after close', () => {
  it('are gone from the file: no key in it opens a captured ballot; the phone is still recognised', async () => {
    const { session, persons, slips, shares } = await prepareSession(server.admin, { persons: 2, slips: 4 });
    await server.admin.call('POST /api/admin/sessions/:id/open', { params: { id: session.id }, body: {} });
    const box = await server.admin.ballotBox(session.id);
    const ws = await WsClient.connect(server.url);
    const captured: { slipId: string; nonce: string; sealed: string; auth: string; proof: string; secret: string }[] = [];
    for (const s of slips.slice(0, 3)) {
      const slip = slipFromPath(s.path);
      const cast = await sealBallot(slip, box, { [persons[0]!.id]: 'low', [persons[1]!.id]: 'high' }, { native: true });
      expect(await ws.request({ type: 'cast', slipId: slip.id, nonce: cast.nonce, sealed: cast.sealed, auth: cast.auth })).toMatchObject({ type: 'recorded' });
      captured.push({ ...cast, secret: slip.secret });
    }
    // While voting is open the key is needed; closing removes it.
    await server.admin.call('POST /api/admin/sessions/:id/close', { params: { id: session.id } });

    const file = new Sqlite(server.dbFile, { readonly: true });
    const rows = file.prepare('select id, secret, seal_key, state from slips where session_id = ?').all(session.id) as { id: string; secret: string; seal_key: Buffer; state: string }[];
    const bytes = file.prepare('select * from slips').raw().all().flat().map((v) => (Buffer.isBuffer(v) ? v.toString('hex') : String(v))).join(' ');
    file.close();
    for (const c of captured) {
      for (const row of rows) if (row.seal_key.length === 32) expect(openFromBox(session.id, row.seal_key, fromBase64Url(c.sealed))).toBeNull();
      expect(bytes).not.toContain(c.secret);
    }
    for (const row of rows.filter((r) => r.state === 'used')) expect(row).toMatchObject({ secret: '', seal_key: Buffer.alloc(0) });

    // The phone that voted still opens its slip and sees "used"; a retry is still recognised.
    const c = captured[0]!;
    expect(await ws.request({ type: 'slip.open', slipId: c.slipId, proof: c.proof })).toMatchObject({ type: 'slip', state: 'used' });
    expect(await ws.request({ type: 'slip.open', slipId: c.slipId, proof: captured[1]!.proof })).toMatchObject({ type: 'error', code: 'slip-unknown' });
    expect(await ws.request({ type: 'cast', slipId: c.slipId, nonce: c.nonce, sealed: c.sealed, auth: c.auth })).toMatchObject({ type: 'recorded', already: true });
    const again = await sealBallot(slipFromPath(slips[0]!.path), box, {}, { native: true });
    // Another cast on it proves nothing any more (its key is gone): refused like any unproven cast.
    expect(await ws.request({ type: 'cast', slipId: again.slipId, nonce: again.nonce, sealed: again.sealed, auth: again.auth })).toMatchObject({ type: 'error', code: 'bad-seal' });
    ws.close();

    // The console lists used slips without a code to reprint; results (once the box is opened) are untouched.
    await server.admin.openBox(session.id, shares.slice(0, 2));
    const used = (await server.admin.call('GET /api/admin/sessions/:id/slips', { params: { id: session.id }, query: { state: 'used' } })).slips as { id: string; code: string; path: string }[];
    expect(used).toHaveLength(3);
    for (const u of used) expect(u).toMatchObject({ code: u.id, path: `/b/${u.id}` });
    const results = await server.admin.call('GET /api/admin/sessions/:id/results', { params: { id: session.id } });
    expect(results.persons[0]!.counts.low).toBe(3);
  });
});
