import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findPreset } from '../shared/presets';
import { tally, type TallyBallot } from '../shared/tally';
import { sealBallot, slipFromPath, WsClient } from '../scripts/lib/client';
import { closeAndOpenBox, prepareSession, startTestServer, type TestServer } from '../test/server';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(async () => {
  await server.close();
});

/** A seeded generator, so a failure can be replayed. */
function mulberry32(seed: number) {
  return () => {
    seed |= 0;
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

describe('a full vote of 300 delegates', () => {
  it('records every ballot from concurrent phones and tallies exactly what was sent', async () => {
    const voters = 300;
    const { session, persons, slips, shares } = await prepareSession(server.admin, { persons: 15, slips: 320, summoned: 340, present: 310 });
    const personIds = persons.map((p) => p.id);
    await server.admin.call('POST /api/admin/sessions/:id/slips/void', { params: { id: session.id }, body: { code: slips[319]!.code } });

    const consoleWs = await WsClient.connect(server.url, { cookie: server.admin.cookieHeader });
    expect(await consoleWs.request({ type: 'subscribe', sessionId: session.id })).toMatchObject({ type: 'subscribed' });
    await server.admin.call('POST /api/admin/sessions/:id/open', { params: { id: session.id }, body: {} });
    const box = await server.admin.ballotBox(session.id);

    const random = mulberry32(96);
    const levels = ['high', 'medium', 'low'];
    const sent: TallyBallot[] = [];
    const casts = await Promise.all(
      slips.slice(0, voters).map(async (s, i) => {
        const marks: Record<string, string | null> = {};
        for (const id of personIds) {
          const r = random();
          // Most mark every person; about 3% leave one unmarked; person 0 draws many "low".
          marks[id] = r < 0.03 ? null : id === personIds[0] && r < 0.72 ? 'low' : levels[Math.floor(random() * 3)]!;
        }
        sent.push({ source: 'phone', marks });
        return sealBallot(slipFromPath(s.path), box, marks, { native: i % 50 !== 0 });
      }),
    );
    // 300 phones, each on its own connection, all at once.
    const phones = await Promise.all(casts.map(() => WsClient.connect(server.url)));
    const replies = await Promise.all(phones.map((p, i) => p.request({ type: 'cast', slipId: casts[i]!.slipId, nonce: casts[i]!.nonce, sealed: casts[i]!.sealed, auth: casts[i]!.auth })));
    phones.forEach((p) => p.close());
    expect(replies.filter((r) => r.type === 'recorded' && !r.already)).toHaveLength(voters);

    // The console saw turnout rise to 300 / 319 issued, and never a per-person count.
    for (;;) {
      const t = await consoleWs.waitFor((m): m is Extract<typeof m, { type: 'turnout' }> => m.type === 'turnout');
      if (t.turnout.collected === voters) {
        expect(t.turnout).toMatchObject({ issued: 319, present: 310, summoned: 340, state: 'open' });
        break;
      }
    }
    expect(consoleWs.pushed.some((m) => m.type === 'results')).toBe(false);
    consoleWs.close();

    await closeAndOpenBox(server.admin, session.id, shares);
    const results = await server.admin.call('GET /api/admin/sessions/:id/results', { params: { id: session.id } });
    const expected = tally(
      { summoned: 340, present: 310, issued: { phone: 319, paper: 0 }, base: 'collected', persons: persons.map((p: any) => ({ id: p.id, fullName: p.fullName, position: p.position })) },
      sent,
      findPreset('qd96-2023')!,
    );
    expect(results).toEqual(expected);
    expect(results.collected.total).toBe(300);
    expect(results.persons[0]!.thresholds.length).toBeGreaterThan(0);
    for (const p of results.persons) expect(p.valid + p.invalid).toBe(300);
  });
});
