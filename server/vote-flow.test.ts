import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { sealBallot, slipFromPath, WsClient } from '../scripts/lib/client';
import { prepareSession, startTestServer, type TestServer } from './test-helpers';

let server: TestServer;
beforeEach(async () => {
  server = await startTestServer();
});
afterEach(async () => {
  await server.close();
});

describe('a small vote, end to end over real WebSockets', () => {
  it('opens a slip, casts once, refuses a second use, and tallies after close', async () => {
    const { session, persons, slips } = await prepareSession(server.admin, { persons: 2, slips: 3 });
    const slip = slipFromPath(slips[0]!.path);
    const ws = await WsClient.connect(server.url);
    const cast = await sealBallot(slip, box, { [persons[0]!.id]: 'low', [persons[1]!.id]: null });

    const opened = await ws.request({ type: 'slip.open', slipId: slip.id, proof: cast.proof });
    expect(opened).toMatchObject({ type: 'slip', state: 'unused', session: { id: session.id, state: 'draft' } });

    const early = await ws.request({ type: 'cast', slipId: cast.slipId, nonce: cast.nonce, sealed: cast.sealed, auth: cast.auth });
    expect(early).toMatchObject({ type: 'error', code: 'session-not-open' });

    await server.admin.call('POST', `/api/admin/sessions/${session.id}/open`, {});
    expect(await ws.waitFor((m): m is any => m.type === 'state')).toMatchObject({ state: 'open' });

    expect(await ws.request({ type: 'cast', slipId: cast.slipId, nonce: cast.nonce, sealed: cast.sealed, auth: cast.auth })).toMatchObject({
      type: 'recorded',
      already: false,
    });
    expect(await ws.request({ type: 'cast', slipId: cast.slipId, nonce: cast.nonce, sealed: cast.sealed, auth: cast.auth })).toMatchObject({
      type: 'recorded',
      already: true,
    });
    const other = await sealBallot(slip, box, {});
    expect(await ws.request({ type: 'cast', slipId: other.slipId, nonce: other.nonce, sealed: other.sealed, auth: other.auth })).toMatchObject({
      type: 'error',
      code: 'slip-used',
    });
    expect(await ws.request({ type: 'slip.open', slipId: slip.id, proof: cast.proof })).toMatchObject({ type: 'slip', state: 'used' });

    await expect(server.admin.call('GET', `/api/admin/sessions/${session.id}/results`)).rejects.toMatchObject({ code: 'session-not-closed' });
    await server.admin.call('POST', `/api/admin/sessions/${session.id}/close`);
    const results = await server.admin.call('GET', `/api/admin/sessions/${session.id}/results`);
    expect(results.collected).toEqual({ phone: 1, paper: 0, total: 1 });
    expect(results.issued.total).toBe(3);
    expect(results.persons[0]).toMatchObject({ counts: { high: 0, medium: 0, low: 1 }, invalid: 0, valid: 1, base: 1 });
    expect(results.persons[1]).toMatchObject({ counts: { high: 0, medium: 0, low: 0 }, invalid: 1, valid: 0 });
    expect(results.persons[0].thresholds.map((t: { id: string }) => t.id)).toEqual(['low-two-thirds']);
    ws.close();
  });
});
