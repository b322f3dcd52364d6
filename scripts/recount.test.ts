/**
 * Recount equals results: random votes (phone and paper) through a real server, the
 * ballots exported, and `scripts/recount.ts` run as the committee would run it.
 */
import { execFile } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import fc from 'fast-check';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { PRESETS } from '../shared/presets';
import { BALLOTS_FORMAT, recountBallotsFile, type BallotsFile, type ResultsFile } from '../shared/results-file';
import { tally } from '../shared/tally';
import { insertBallot } from '../server/domain/ballots';
import { castBallots, randomMarks, seeded } from '../test/results';
import { closeAndOpenBox, prepareSession, startTestServer, type TestServer } from '../test/server';
import { sealRawBallot, slipFromPath, WsClient } from './lib/client';

const run = promisify(execFile);
const ROOT = join(import.meta.dirname, '..');

let server: TestServer;
beforeEach(async () => {
  server = await startTestServer();
});
afterEach(async () => {
  await server.close();
});

async function download<T>(sessionId: string, name: string): Promise<T> {
  const res = await fetch(`${server.url}/api/admin/sessions/${sessionId}/${name}`, { headers: { cookie: server.admin.cookieHeader } });
  expect(res.status).toBe(200);
  return (await res.json()) as T;
}

/**
 * A random vote: random preset, people, phone ballots, a few paper ballots; its box sealed
 * (and opened by the committee after close) unless `sealed: false`.
 */
async function randomVote(seed: number, sealed = true) {
  const random = seeded(seed);
  const preset = PRESETS[Math.floor(random() * PRESETS.length)]!;
  const personCount = 1 + Math.floor(random() * 6);
  const phone = Math.floor(random() * 14);
  const paper = Math.floor(random() * 3);
  const { session, persons, slips, shares } = await prepareSession(server.admin, { presetId: preset.id, persons: personCount, slips: phone + 1, sealed });
  const ids = persons.map((p) => p.id);
  const levels = preset.levels.map((l) => l.id);
  await server.app.db.updateTable('vote_sessions').set({ paper_issued: paper + 1 }).where('id', '=', session.id).execute();
  await server.admin.call('POST /api/admin/sessions/:id/open', { params: { id: session.id }, body: {} });
  await castBallots(server.url, session.id, slips, Array.from({ length: phone }, () => randomMarks(random, ids, levels, 0.15)));
  await server.app.db.transaction().execute(async (trx) => {
    for (let i = 0; i < paper; i++) await insertBallot(trx, session.id, 'paper', randomMarks(random, ids, levels, 0.3));
  });
  await closeAndOpenBox(server.admin, session.id, shares);
  return session.id as string;
}

describe('npm run recount', () => {
  it('prints one JSON line equal to results.json, from ballots.json alone', async () => {
    const id = await randomVote(2026);
    const results = await download<ResultsFile>(id, 'results.json');
    const ballots = await download<BallotsFile>(id, 'ballots.json');
    const file = join(server.dir, 'ballots.json');
    writeFileSync(file, JSON.stringify(ballots));
    const { stdout } = await run(process.execPath, ['--import', 'tsx', join(ROOT, 'scripts/recount.ts'), file], { cwd: ROOT });
    const lines = stdout.trimEnd().split('\n');
    expect(lines).toHaveLength(1);
    expect(JSON.parse(lines[0]!)).toEqual(results);
  });

  it('fails clearly on a file that does not add up', async () => {
    const file = join(server.dir, 'bad.json');
    writeFileSync(file, JSON.stringify({ format: BALLOTS_FORMAT, persons: [], ballots: [[]], collected: { phone: 0, paper: 0 }, preset: PRESETS[0] }));
    const failed = await run(process.execPath, ['--import', 'tsx', join(ROOT, 'scripts/recount.ts'), file], { cwd: ROOT }).catch((e: { code: number; stderr: string }) => e);
    expect(failed).toMatchObject({ code: 1, stderr: expect.stringContaining('differs from 1 ballots') });
  });

  it('equals the server results for several random votes of every preset, sealed or not', async () => {
    for (const seed of [1, 2, 3, 4, 5, 6]) {
      const id = await randomVote(seed, seed % 3 !== 0);
      const results = await download<ResultsFile>(id, 'results.json');
      expect(recountBallotsFile(await download<BallotsFile>(id, 'ballots.json'))).toEqual(results);
    }
  });
});

describe('ballots.json of a sealed box', () => {
  it('is refused with box-locked until the box is opened, then recounts exactly, spoilt phone ballots included', async () => {
    const { session, persons, slips, shares } = await prepareSession(server.admin, { persons: 3, slips: 4 });
    await server.admin.call('POST /api/admin/sessions/:id/open', { params: { id: session.id }, body: {} });
    const ids = persons.map((p) => p.id);
    await castBallots(server.url, session.id, slips.slice(0, 3), [
      { [ids[0]!]: 'high', [ids[1]!]: 'low', [ids[2]!]: null },
      { [ids[0]!]: 'medium', [ids[1]!]: 'low', [ids[2]!]: 'high' },
      { [ids[0]!]: 'high', [ids[1]!]: 'high', [ids[2]!]: 'high' },
    ]);
    // A phone that seals a malformed plaintext: the box opens it as a spoilt ballot.
    const phone = await WsClient.connect(server.url);
    const slip = slipFromPath(slips[3]!.path);
    const box = await phone.openSlip(slip, { native: true });
    const bad = await sealRawBallot(slip, box, new Uint8Array(512).fill(7), { native: true });
    expect((await phone.request({ type: 'cast', slipId: bad.slipId, nonce: bad.nonce, sealed: bad.sealed, auth: bad.auth })).type).toBe('recorded');
    phone.close();
    await server.admin.call('POST /api/admin/sessions/:id/close', { params: { id: session.id } });

    for (const name of ['ballots.json', 'results.json', 'results.csv']) {
      const res = await fetch(`${server.url}/api/admin/sessions/${session.id}/${name}`, { headers: { cookie: server.admin.cookieHeader } });
      expect([name, res.status, ((await res.json()) as { error: string }).error]).toEqual([name, 409, 'box-locked']);
    }
    await server.admin.openBox(session.id, shares.slice(1, 3));
    const results = await download<ResultsFile>(session.id, 'results.json');
    const ballots = await download<BallotsFile>(session.id, 'ballots.json');
    expect(ballots.ballots).toHaveLength(4);
    expect(ballots.ballots).toContainEqual([null, null, null]);
    expect(results.results.collected).toEqual({ phone: 4, paper: 0, total: 4 });
    expect(recountBallotsFile(ballots)).toEqual(results);
  });
});

describe('recountBallotsFile', () => {
  it('equals the tally whatever the ballots and their order (property)', () => {
    const preset = PRESETS[0]!;
    const persons = [0, 1, 2].map((i) => ({ id: `p${i}`, order: i + 1, fullName: `Người ${i}`, position: 'Ủy viên' }));
    const mark = fc.constantFrom<string | null>(null, ...preset.levels.map((l) => l.id));
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.boolean(), fc.array(mark, { minLength: 3, maxLength: 3 })), { maxLength: 40 }), (rows) => {
        const ballots = rows.map(([paper, marks]) => ({ source: paper ? ('paper' as const) : ('phone' as const), marks: Object.fromEntries(persons.map((p, i) => [p.id, marks[i]!])) }));
        const session = { summoned: 50, present: 45, issued: { phone: 40, paper: 5 }, base: 'collected' as const, persons };
        const expected = tally(session, ballots, preset);
        const paperCount = rows.filter(([paper]) => paper).length;
        const file: BallotsFile = {
          format: BALLOTS_FORMAT,
          session: { id: 's', title: 't', organisation: 'o', place: 'p', heldOn: '2026-11-27', presetId: preset.id, presetName: preset.name, kind: preset.kind, state: 'closed', openedAt: null, closedAt: null, publishedAt: null },
          preset,
          base: 'collected',
          summoned: 50,
          present: 45,
          issued: session.issued,
          collected: { phone: rows.length - paperCount, paper: paperCount },
          persons,
          ballots: [...rows].reverse().map(([, marks]) => marks),
        };
        expect(recountBallotsFile(file).results).toEqual(expected);
      }),
    );
  });
});
