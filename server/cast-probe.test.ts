/**
 * Slip ids are short (4 symbols) and printed in clear on the slip. Without the slip's
 * secret, a cast must not tell whether an id exists, nor whether a slip has been used,
 * voided, or belongs to a closed vote: someone on the Wi-Fi could otherwise scan the ids
 * and poll them to learn when each slip was used. `slip.open` answers a wrong proof like an
 * unknown slip; a cast whose authenticator does not verify answers `bad-seal`, for every id.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { castMessage, sealBallot, slipFromPath, WsClient } from '../scripts/lib/client';
import { prepareSession, startTestServer, type TestServer } from '../test/server';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(async () => {
  await server.close();
});

describe('a cast without the secret', () => {
  it('answers the same for an unused, used, void slip and a slip of a closed vote', async () => {
    const open = await prepareSession(server.admin, { persons: 1, slips: 3 });
    const closed = await prepareSession(server.admin, { persons: 1, slips: 2 });
    for (const p of [open, closed]) await server.admin.call('POST /api/admin/sessions/:id/open', { params: { id: p.session.id }, body: {} });
    // A slip used in the closed vote: its key is wiped at close.
    const usedBeforeClose = slipFromPath(closed.slips[1]!.path);
    const phone = await WsClient.connect(server.url);
    const closedBox = await server.admin.ballotBox(closed.session.id);
    expect(await phone.request(castMessage(await sealBallot(usedBeforeClose, closedBox, {}, { native: true })))).toMatchObject({ type: 'recorded' });
    phone.close();
    await server.admin.call('POST /api/admin/sessions/:id/close', { params: { id: closed.session.id } });
    const [unused, used, voided] = open.slips.map((s) => slipFromPath(s.path)) as [ReturnType<typeof slipFromPath>, ReturnType<typeof slipFromPath>, ReturnType<typeof slipFromPath>];
    const late = slipFromPath(closed.slips[0]!.path);

    const ws = await WsClient.connect(server.url);
    const box = await server.admin.ballotBox(open.session.id);
    const content = { [open.persons[0]!.id]: 'high' };
    const real = await sealBallot(used, box, content, { native: true });
    expect(await ws.request({ type: 'cast', slipId: used.id, nonce: real.nonce, sealed: real.sealed, auth: real.auth })).toMatchObject({ type: 'recorded' });
    await server.admin.call('POST /api/admin/sessions/:id/slips/void', { params: { id: open.session.id }, body: { code: voided.id } });

    const answers: Record<string, unknown> = {};
    const unknown = { id: ['ZZZZ', 'YYYY', 'XXXX'].find((id) => ![...open.slips, ...closed.slips].some((s) => s.path.includes(`/b/${id}#`)))!, secret: 'ZZZZZZZ' };
    const names = new Map([[unused, 'unused'], [used, 'used'], [voided, 'void'], [late, 'closed'], [usedBeforeClose, 'closed-used'], [unknown, 'unknown']]);
    for (const slip of names.keys()) {
      // A guess at the secret: the cast is authenticated with a key the server does not hold for this slip.
      const guess = await sealBallot({ id: slip.id, secret: 'ZZZZZZZ' }, box, content, { native: true });
      const reply = (await ws.request({ type: 'cast', slipId: slip.id, nonce: guess.nonce, sealed: guess.sealed, auth: guess.auth })) as { code?: string };
      answers[names.get(slip)!] = reply.code;
    }
    ws.close();
    expect(answers).toEqual({ unused: 'bad-seal', used: 'bad-seal', void: 'bad-seal', closed: 'bad-seal', 'closed-used': 'bad-seal', unknown: 'bad-seal' });
    expect((await server.admin.call('GET /api/admin/sessions/:id/turnout', { params: { id: open.session.id } })).collected).toBe(1);
  });
});
