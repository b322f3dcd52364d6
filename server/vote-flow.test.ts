import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { boxKeyPair, toBase64Url } from '../shared/box';
import { castMessage, sealBallot, slipFromPath, WsClient } from '../scripts/lib/client';
import { prepareSession, startTestServer, type TestServer } from '../test/server';

let server: TestServer;
beforeEach(async () => {
  server = await startTestServer();
});
afterEach(async () => {
  await server.close();
});

describe('a small vote, end to end over real WebSockets', () => {
  it('opens a slip, casts once, refuses a second use, and tallies after close', async () => {
    const { session, persons, slips, shares } = await prepareSession(server.admin, { persons: 2, slips: 3 });
    const slip = slipFromPath(slips[0]!.path);
    const ws = await WsClient.connect(server.url);

    // In a draft the phone is told no box key yet; a cast sealed to any key is refused as not open.
    const draft = await ws.openSlip(slip);
    expect(draft).toMatchObject({ id: session.id, state: 'draft', box: null });
    const stray = await sealBallot(slip, { ...draft, box: toBase64Url(boxKeyPair().publicKey) }, {});
    const early = await ws.request(castMessage(stray));
    expect(early).toMatchObject({ type: 'error', code: 'session-not-open' });

    await server.admin.call('POST /api/admin/sessions/:id/open', { params: { id: session.id }, body: {} });
    expect(await ws.waitFor((m): m is any => m.type === 'state')).toMatchObject({ state: 'open' });
    // The page reads the session again when voting opens, and seals to the box it names.
    const box = await ws.openSlip(slip);
    expect(box.box).toBe((await server.admin.call('GET /api/admin/sessions/:id', { params: { id: session.id } })).box.publicKey);
    const cast = await sealBallot(slip, box, { [persons[0]!.id]: 'low', [persons[1]!.id]: null });

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

    await expect(server.admin.call('GET /api/admin/sessions/:id/results', { params: { id: session.id } })).rejects.toMatchObject({ code: 'session-not-closed' });
    await server.admin.call('POST /api/admin/sessions/:id/close', { params: { id: session.id } });
    await expect(server.admin.call('GET /api/admin/sessions/:id/results', { params: { id: session.id } })).rejects.toMatchObject({ code: 'box-locked' });
    await server.admin.openBox(session.id, shares.slice(1, 3));
    const results = await server.admin.call('GET /api/admin/sessions/:id/results', { params: { id: session.id } });
    expect(results.collected).toEqual({ phone: 1, paper: 0, total: 1 });
    expect(results.issued.total).toBe(3);
    expect(results.persons[0]).toMatchObject({ counts: { high: 0, medium: 0, low: 1 }, invalid: 0, valid: 1, base: 1 });
    expect(results.persons[1]).toMatchObject({ counts: { high: 0, medium: 0, low: 0 }, invalid: 1, valid: 0 });
    expect(results.persons[0]!.thresholds.map((t: { id: string }) => t.id)).toEqual(['low-two-thirds']);
    ws.close();
  });
});
