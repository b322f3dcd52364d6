/**
 * The sealed ballot box (docs/security.md, section 0), through the real server, a real
 * SQLite file and real WebSockets: what a copy of the data folder taken mid-vote opens
 * (nothing), the size of every cast frame (one), the k-of-n opening, spoilt ballots, and
 * the published tracking codes.
 */
import Sqlite from 'better-sqlite3';
import { copyFileSync, existsSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { castMessage, sealBallot, sealRawBallot, slipFromPath, WsClient, type SlipCast } from '../scripts/lib/client';
import { BALLOT_BYTES, encodeBallot, fromBase64Url, openFromBox, type BallotBox } from '../shared/box';
import { parseShareCode } from '../shared/box-share';
import { deriveSlipKeyNative } from './domain/slip-keys';
import { prepareSession, startTestServer, TEST_COMMITTEE, type TestServer } from '../test/server';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(async () => {
  await server.close();
});

const LEVELS = ['high', 'medium', 'low'];

/** Every way of marking a ballot the issue names: nothing, one person, everyone, mixed. */
function shapes(personIds: string[]): Record<string, string | null>[] {
  const all = (level: string | null) => Object.fromEntries(personIds.map((id) => [id, level]));
  return [
    {},
    all(null),
    { [personIds[0]!]: 'low' },
    { [personIds[0]!]: 'high' },
    all('high'),
    all('medium'),
    all('low'),
    Object.fromEntries(personIds.map((id, i) => [id, i % 4 === 3 ? null : LEVELS[i % 3]!])),
  ];
}

/** Cast each ballot on its own slip over one phone socket, recording the exact frames sent. */
async function castAll(slips: { path: string }[], ballots: Record<string, string | null>[], frames: string[]) {
  const phone = await WsClient.connect(server.url);
  const casts: SlipCast[] = [];
  try {
    for (let i = 0; i < ballots.length; i++) {
      const slip = slipFromPath(slips[i]!.path);
      const box = await phone.openSlip(slip, { native: true });
      const cast = await sealBallot(slip, box, ballots[i]!, { native: true });
      // The frame as the page sends it: fixed-width rid, then the cast's fields.
      const frame = JSON.stringify({ ...castMessage(cast), rid: `r${String(i).padStart(7, '0')}` });
      frames.push(frame);
      expect(await phone.request(castMessage(cast))).toMatchObject({ type: 'recorded', already: false });
      casts.push(cast);
    }
  } finally {
    phone.close();
  }
  return casts;
}

describe('the sealed box while voting is open', () => {
  it('a copy of the data folder, every slip code and every frame sent open no ballot', async () => {
    const { session, persons, slips } = await prepareSession(server.admin, { persons: 15, slips: 12 });
    await server.admin.call('POST /api/admin/sessions/:id/open', { params: { id: session.id }, body: {} });
    const ids = persons.map((p) => p.id);
    const frames: string[] = [];
    const casts = await castAll(slips, shapes(ids), frames);

    // Copy the data folder while the server runs, WAL and all, as someone at the laptop could.
    const copy = mkdtempSync(join(tmpdir(), 'tinnhiem-copy-'));
    for (const suffix of ['', '-wal', '-shm']) if (existsSync(server.dbFile + suffix)) copyFileSync(server.dbFile + suffix, join(copy, `copy.db${suffix}`));
    const file = new Sqlite(join(copy, 'copy.db'));
    // No marks in clear: the phone ballots are ciphertexts only.
    expect(file.prepare('select count(*) as n from ballots').get()).toEqual({ n: 0 });
    expect(file.prepare('select count(*) as n from marks').get()).toEqual({ n: 0 });
    expect(file.prepare('select count(*) as n from sealed_ballots').get()).toEqual({ n: casts.length });
    const sessionRow = file.prepare('select box_public, box_secret from vote_sessions where id = ?').get(session.id) as { box_public: Buffer; box_secret: Buffer | null };
    expect(sessionRow.box_secret).toBeNull();

    // Every key the copy and the printed codes can give: every blob stored anywhere in the
    // file (slip keys, the box's public key, share hashes, ids…), every slip key derived
    // from the codes the console lists.
    const candidates: Uint8Array[] = [];
    const tables = (file.prepare(`select name from sqlite_master where type = 'table'`).all() as { name: string }[]).map((t) => t.name);
    for (const table of tables) {
      for (const row of file.prepare(`select * from "${table}"`).raw().all() as unknown[][]) {
        for (const v of row) if (Buffer.isBuffer(v) && v.length >= 32) for (let at = 0; at + 32 <= v.length; at += 32) candidates.push(v.subarray(at, at + 32));
      }
    }
    const listed = (await server.admin.call('GET /api/admin/sessions/:id/slips', { params: { id: session.id } })).slips as { path: string }[];
    for (const s of listed) {
      const slip = slipFromPath(s.path);
      candidates.push(new Uint8Array(await deriveSlipKeyNative(slip.id, slip.secret)));
    }
    expect(candidates.length).toBeGreaterThan(listed.length);
    const captured = [
      ...frames.map((f) => fromBase64Url((JSON.parse(f) as { sealed: string }).sealed)),
      ...(file.prepare('select sealed from sealed_ballots').all() as { sealed: Buffer }[]).map((r) => r.sealed),
    ];
    file.close();
    rmSync(copy, { recursive: true, force: true });
    let opened = 0;
    const tried = new Set<string>();
    for (const key of candidates) {
      const hex = Buffer.from(key).toString('hex');
      if (tried.has(hex)) continue;
      tried.add(hex);
      for (const sealed of captured) if (openFromBox(session.id, key, sealed) !== null) opened++;
    }
    expect(opened).toBe(0);
    // Thousands of trial openings in pure JavaScript: a fixed amount of work, given the time
    // a loaded machine needs for it (nothing here waits on a timer).
  }, 240_000);

  it('every cast frame of a session has one length, whatever was marked, for 1, 15 and 60 people', async () => {
    const lengths = new Set<number>();
    for (const n of [1, 15, 60]) {
      const { session, persons, slips } = await prepareSession(server.admin, { persons: n, slips: 8 });
      await server.admin.call('POST /api/admin/sessions/:id/open', { params: { id: session.id }, body: {} });
      const frames: string[] = [];
      await castAll(slips, shapes(persons.map((p) => p.id)), frames);
      const sizes = new Set(frames.map((f) => Buffer.byteLength(f)));
      expect(sizes.size).toBe(1);
      for (const s of sizes) lengths.add(s);
    }
    // Not only within a session: the same length for every list of people.
    expect(lengths.size).toBe(1);
  });

  it('the data folder is created for the server user alone (0700, files 0600)', async () => {
    const parent = mkdtempSync(join(tmpdir(), 'tinnhiem-mode-'));
    const dbFile = join(parent, 'data', 'tinnhiem.db');
    const fresh = await startTestServer({ dbFile });
    try {
      const { session } = await prepareSession(fresh.admin, { persons: 1, slips: 1 });
      await fresh.admin.call('POST /api/admin/sessions/:id/open', { params: { id: session.id }, body: {} });
      expect(statSync(join(parent, 'data')).mode & 0o777).toBe(0o700);
      for (const suffix of ['', '-wal', '-shm']) if (existsSync(dbFile + suffix)) expect(statSync(dbFile + suffix).mode & 0o777).toBe(0o600);
    } finally {
      await fresh.close();
      rmSync(parent, { recursive: true, force: true });
    }
  });
});

describe('sealing the box', () => {
  it('needs two committee members, a threshold from 2 to n, and a draft; the laptop itself only', async () => {
    const { session } = await prepareSession(server.admin, { persons: 1, slips: 1, sealed: false });
    await server.admin.call('POST /api/admin/sessions/:id/box/mode', { params: { id: session.id }, body: { sealed: true } });
    const seal = `/api/admin/sessions/${session.id}/box/seal`;
    await server.admin.call('PUT /api/admin/sessions/:id/committee', { params: { id: session.id }, body: { members: [{ fullName: 'Một Người', role: 'Trưởng ban' }] } });
    await expect(server.admin.call('POST /api/admin/sessions/:id/box/seal', { params: { id: session.id }, body: {} })).rejects.toMatchObject({ code: 'box-committee-too-small' });
    await expect(server.admin.call('POST /api/admin/sessions/:id/open', { params: { id: session.id }, body: {} })).rejects.toMatchObject({ code: 'box-not-sealed' });
    await expect(server.admin.sealBox(session.id, { committee: TEST_COMMITTEE, threshold: 4 })).rejects.toMatchObject({ code: 'box-bad-threshold' });
    // Over the LAN the shares would cross the Wi-Fi in clear: refused, nothing made.
    const remote = await server.app.inject({ method: 'POST', url: seal, payload: {}, remoteAddress: '192.168.1.23', headers: { cookie: server.admin.cookieHeader, host: 'laptop.local:8080', origin: 'http://laptop.local:8080' } });
    expect(remote.statusCode).toBe(403);
    // The console itself is the laptop's by default; with ADMIN_LAN=1 the box still answers box-needs-laptop (server/console-laptop.test.ts).
    expect(remote.json()).toMatchObject({ error: 'console-needs-laptop' });
    expect((await server.admin.call('GET /api/admin/sessions/:id', { params: { id: session.id } })).box.publicKey).toBeNull();

    const first = await server.admin.call('POST /api/admin/sessions/:id/box/seal', { params: { id: session.id }, body: {} });
    expect(first.threshold).toBe(2); // a majority of 3
    expect(first.shares.map((s: { fullName: string }) => s.fullName)).toEqual(TEST_COMMITTEE);
    const detail = await server.admin.call('GET /api/admin/sessions/:id', { params: { id: session.id } });
    expect(detail).toMatchObject({ sealed: true, box: { threshold: 2, openedAt: null }, boxHolders: TEST_COMMITTEE.map((fullName, i) => ({ order: i + 1, fullName })) });
    // The key is not in the database: only the public half and hashes of the shares.
    const file = new Sqlite(server.dbFile, { readonly: true });
    const bytes = Buffer.concat((file.prepare('select * from box_holders').raw().all() as unknown[][]).flat().filter(Buffer.isBuffer) as Buffer[]);
    const all = Buffer.concat((file.prepare('select * from vote_sessions').raw().all() as unknown[][]).flat().filter(Buffer.isBuffer) as Buffer[]);
    file.close();
    for (const s of first.shares as { code: string }[]) {
      const share = parseShareCode(s.code)!;
      expect(bytes.includes(Buffer.from(share.subarray(0, 16)))).toBe(false);
      expect(all.includes(Buffer.from(share.subarray(0, 16)))).toBe(false);
    }
    // Sealing again in draft makes a new key; the old shares are void.
    const second = await server.admin.call('POST /api/admin/sessions/:id/box/seal', { params: { id: session.id }, body: {} });
    expect((await server.admin.call('GET /api/admin/sessions/:id', { params: { id: session.id } })).box.publicKey).not.toBe(detail.box.publicKey);
    expect(second.shares[0]!.code).not.toBe(first.shares[0]!.code);
    const { events } = await server.admin.call('GET /api/admin/sessions/:id/audit', { params: { id: session.id } });
    expect(events.filter((e: { event: string }) => e.event.startsWith('box.')).map((e: { event: string; detail: unknown }) => [e.event, e.detail])).toEqual([
      ['box.unsealed-chosen', {}],
      ['box.sealed-chosen', {}],
      ['box.sealed', { threshold: 2, holders: 3, resealed: false }],
      ['box.sealed', { threshold: 2, holders: 3, resealed: true }],
    ]);
    expect(JSON.stringify(events)).not.toContain(first.shares[0]!.code.slice(0, 11));
  });
});

describe('opening the box', () => {
  it('k−1 shares keep it locked, a wrong share changes nothing, k shares give the exact tally and every receipt', async () => {
    const { session, persons, slips, shares } = await prepareSession(server.admin, { persons: 4, slips: 12 });
    await server.admin.call('POST /api/admin/sessions/:id/open', { params: { id: session.id }, body: {} });
    const ids = persons.map((p) => p.id);
    const ballots = shapes(ids);
    const casts = await castAll(slips, ballots, []);
    await server.admin.call('POST /api/admin/sessions/:id/close', { params: { id: session.id } });
    const sharesPath = `/api/admin/sessions/${session.id}/box/shares`;
    const resultsPath = `/api/admin/sessions/${session.id}/results`;

    // The public list does not exist yet.
    expect((await fetch(`${server.url}/api/receipts/${session.id}`)).status).toBe(404);
    // Nobody on the Wi-Fi can wipe the shares presented so far.
    const remote = await server.app.inject({ method: 'DELETE', url: sharesPath, remoteAddress: '192.168.1.23', headers: { cookie: server.admin.cookieHeader, host: 'laptop.local:8080', origin: 'http://laptop.local:8080' } });
    expect(remote.json()).toMatchObject({ error: 'console-needs-laptop' });
    // A wrong share (another box's, or garbled) is refused; nothing is counted as presented.
    const other = await prepareSession(server.admin, { persons: 1, slips: 1 });
    await expect(server.admin.call('POST /api/admin/sessions/:id/box/shares', { params: { id: session.id }, body: { code: other.shares[0]! } })).rejects.toMatchObject({ code: 'box-share-wrong' });
    await expect(server.admin.call('POST /api/admin/sessions/:id/box/shares', { params: { id: session.id }, body: { code: 'ABCDE-12345' } })).rejects.toMatchObject({ code: 'box-share-format' });
    expect((await server.admin.call('GET /api/admin/sessions/:id', { params: { id: session.id } })).boxPresented).toEqual([]);

    const first = await server.admin.call('POST /api/admin/sessions/:id/box/shares', { params: { id: session.id }, body: { code: shares[1]!.toLowerCase() } });
    expect(first).toMatchObject({ opened: false, presented: [2], threshold: 2, holder: { fullName: TEST_COMMITTEE[1] } });
    await expect(server.admin.call('POST /api/admin/sessions/:id/box/shares', { params: { id: session.id }, body: { code: shares[1]! } })).rejects.toMatchObject({ code: 'box-share-again' });
    await expect(server.admin.call('GET /api/admin/sessions/:id/results', { params: { id: session.id } })).rejects.toMatchObject({ code: 'box-locked' });
    expect((await server.admin.call('GET /api/admin/sessions/:id', { params: { id: session.id } })).boxPresented).toEqual([2]);
    // Forgetting what was presented starts over.
    await server.admin.call('DELETE /api/admin/sessions/:id/box/shares', { params: { id: session.id } });
    expect((await server.admin.call('POST /api/admin/sessions/:id/box/shares', { params: { id: session.id }, body: { code: shares[2]! } })).presented).toEqual([3]);
    const done = await server.admin.call('POST /api/admin/sessions/:id/box/shares', { params: { id: session.id }, body: { code: shares[0]! } });
    expect(done).toMatchObject({ opened: true, presented: [1, 3] });
    await expect(server.admin.call('POST /api/admin/sessions/:id/box/shares', { params: { id: session.id }, body: { code: shares[1]! } })).rejects.toMatchObject({ code: 'box-already-opened' });

    const results = await server.admin.call('GET /api/admin/sessions/:id/results', { params: { id: session.id } });
    expect(results.collected).toEqual({ phone: ballots.length, paper: 0, total: ballots.length });
    ids.forEach((id, k) => {
      const expected = { high: 0, medium: 0, low: 0 };
      let invalid = 0;
      for (const b of ballots) {
        const level = b[id];
        if (level) expected[level as keyof typeof expected]++;
        else invalid++;
      }
      expect(results.persons[k]).toMatchObject({ counts: expected, invalid });
    });

    // Every acknowledged phone's code is in the list, and the list has one code per phone ballot.
    const list = await (await fetch(`${server.url}/api/receipts/${session.id}`)).json();
    expect(list.phoneBallots).toBe(ballots.length);
    expect(list.codes).toHaveLength(ballots.length);
    expect([...list.codes].sort()).toEqual(list.codes);
    for (const c of casts) expect(list.codes).toContain(c.receipt);
    const detail = await server.admin.call('GET /api/admin/sessions/:id', { params: { id: session.id } });
    expect(detail.box).toMatchObject({ spoilt: 0, fingerprint: list.fingerprint });
    // The delegate's check page.
    const page = await (await fetch(`${server.url}/r/${session.id}?code=${casts[3]!.receipt.toLowerCase()}`)).text();
    expect(page).toContain('có trong hòm phiếu');
    const missing = await (await fetch(`${server.url}/r/${session.id}?code=0000-0000-0000`)).text();
    expect(missing).toContain('không có trong danh sách');
    const { events } = await server.admin.call('GET /api/admin/sessions/:id/audit', { params: { id: session.id } });
    expect(events.find((e: { event: string }) => e.event === 'box.opened')!.detail).toEqual({
      phoneBallots: ballots.length,
      spoilt: 0,
      holders: `${TEST_COMMITTEE[0]}, ${TEST_COMMITTEE[2]}`,
    });
  });

  it('a ballot that does not open, or is not well formed, counts as collected with no valid mark (spoilt)', async () => {
    const { session, persons, slips, shares } = await prepareSession(server.admin, { persons: 2, slips: 4 });
    const elsewhere = await prepareSession(server.admin, { persons: 2, slips: 1 });
    await server.admin.call('POST /api/admin/sessions/:id/open', { params: { id: session.id }, body: {} });
    await server.admin.call('POST /api/admin/sessions/:id/open', { params: { id: elsewhere.session.id }, body: {} });
    const [p1, p2] = persons.map((p) => p.id) as [string, string];
    const box: BallotBox = await server.admin.ballotBox(session.id);
    const otherBox: BallotBox = await server.admin.ballotBox(elsewhere.session.id);
    const slip = (i: number) => slipFromPath(slips[i]!.path);
    const badLevel = encodeBallot([p1, p2], LEVELS, { [p1]: 'low' });
    badLevel[4] = 9;
    const casts = [
      await sealBallot(slip(0), box, { [p1]: 'high', [p2]: 'low' }, { native: true }),
      // Sealed to another vote's box (as a page of the wrong vote would): the server cannot tell; it does not open.
      await sealBallot(slip(1), { ...otherBox, id: session.id }, { [p1]: 'low', [p2]: 'low' }, { native: true }),
      await sealRawBallot(slip(2), box, badLevel, { native: true }),
      await sealRawBallot(slip(3), box, new Uint8Array(BALLOT_BYTES), { native: true }),
    ];
    const ws = await WsClient.connect(server.url);
    for (const c of casts) expect(await ws.request(castMessage(c))).toMatchObject({ type: 'recorded' });
    ws.close();
    await server.admin.call('POST /api/admin/sessions/:id/close', { params: { id: session.id } });
    await server.admin.openBox(session.id, shares.slice(0, 2));
    const results = await server.admin.call('GET /api/admin/sessions/:id/results', { params: { id: session.id } });
    expect(results.collected.phone).toBe(4);
    expect(results.persons[0]).toMatchObject({ counts: { high: 1, medium: 0, low: 0 }, invalid: 3 });
    expect(results.persons[1]).toMatchObject({ counts: { high: 0, medium: 0, low: 1 }, invalid: 3 });
    expect((await server.admin.call('GET /api/admin/sessions/:id', { params: { id: session.id } })).box.spoilt).toBe(3);
  });

  it('an unsealed box is read as casts arrive, refuses a malformed one, keeps no key after close and publishes its codes', async () => {
    const { session, persons, slips } = await prepareSession(server.admin, { persons: 1, slips: 3, sealed: false });
    await expect(server.admin.call('POST /api/admin/sessions/:id/box/seal', { params: { id: session.id }, body: {} })).rejects.toMatchObject({ code: 'box-unsealed' });
    await server.admin.call('POST /api/admin/sessions/:id/open', { params: { id: session.id }, body: {} });
    const box = await server.admin.ballotBox(session.id);
    const ws = await WsClient.connect(server.url);
    const bad = await sealRawBallot(slipFromPath(slips[0]!.path), box, new Uint8Array(BALLOT_BYTES), { native: true });
    expect(await ws.request(castMessage(bad))).toMatchObject({ type: 'error', code: 'bad-ballot' });
    const good = await sealBallot(slipFromPath(slips[0]!.path), box, { [persons[0]!.id]: 'medium' }, { native: true });
    expect(await ws.request(castMessage(good))).toMatchObject({ type: 'recorded' });
    ws.close();
    const file = new Sqlite(server.dbFile, { readonly: true });
    const count = (file.prepare('select count(*) as n from marks m join ballots b on b.id = m.ballot_id where b.session_id = ?').get(session.id) as { n: number }).n;
    file.close();
    expect(count).toBe(1);
    await server.admin.call('POST /api/admin/sessions/:id/close', { params: { id: session.id } });
    const after = new Sqlite(server.dbFile, { readonly: true });
    expect(after.prepare('select box_secret from vote_sessions where id = ?').get(session.id)).toEqual({ box_secret: null });
    after.close();
    expect((await server.admin.call('GET /api/admin/sessions/:id/results', { params: { id: session.id } })).persons[0]!.counts.medium).toBe(1);
    // Its tracking codes are published at close, as a sealed box's are at opening.
    const list = await (await fetch(`${server.url}/api/receipts/${session.id}`)).json();
    expect(list).toMatchObject({ phoneBallots: 1, codes: [good.receipt] });
    expect((await server.admin.call('GET /api/admin/sessions/:id', { params: { id: session.id } })).box.fingerprint).toBe(list.fingerprint);
  });
});
