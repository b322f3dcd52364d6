import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { MAX_MESSAGE_BYTES, PROTOCOL_VERSION } from '../shared/protocol';
import type { BallotBox } from '../shared/box';
import { sealBallot, slipFromPath, WsClient, type SlipHandle } from '../scripts/lib/client';
import { prepareSession, startTestServer, type TestServer } from '../test/server';

let server: TestServer;
let sessionId: string;
let personIds: string[];
let slips: SlipHandle[];
let ws: WsClient;
let box: BallotBox;

beforeAll(async () => {
  server = await startTestServer();
  const prepared = await prepareSession(server.admin, { persons: 3, slips: 20 });
  sessionId = prepared.session.id;
  personIds = prepared.persons.map((p) => p.id);
  slips = prepared.slips.map((s) => slipFromPath(s.path));
  await server.admin.call('POST /api/admin/sessions/:id/open', { params: { id: sessionId }, body: {} });
  box = await server.admin.ballotBox(sessionId);
  ws = await WsClient.connect(server.url);
});
afterAll(async () => {
  ws.close();
  await server.close();
});

async function collected(): Promise<number> {
  return (await server.admin.call('GET /api/admin/sessions/:id/turnout', { params: { id: sessionId } })).collected;
}

const marks = () => ({ [personIds[0]!]: 'high', [personIds[1]!]: 'low', [personIds[2]!]: null });

describe('casting', () => {
  it('50 concurrent casts of one slip, on 50 connections, record exactly one ballot', async () => {
    const slip = slips[0]!;
    const before = await collected();
    const clients = await Promise.all(Array.from({ length: 50 }, () => WsClient.connect(server.url)));
    const casts = await Promise.all(clients.map(() => sealBallot(slip, box, marks(), { native: true })));
    const replies = await Promise.all(clients.map((c, i) => c.request({ type: 'cast', slipId: slip.id, nonce: casts[i]!.nonce, sealed: casts[i]!.sealed, auth: casts[i]!.auth })));
    clients.forEach((c) => c.close());
    expect(replies.filter((r) => r.type === 'recorded')).toHaveLength(1);
    expect(replies.filter((r) => r.type === 'error' && r.code === 'slip-used')).toHaveLength(49);
    expect(await collected()).toBe(before + 1);
  });

  it('50 concurrent retries of the same cast (same nonce) record one ballot and all say recorded', async () => {
    const slip = slips[1]!;
    const before = await collected();
    const cast = await sealBallot(slip, box, marks(), { native: true });
    const replies = await Promise.all(
      Array.from({ length: 50 }, () =>
        fetch(`${server.url}/api/message`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ type: 'cast', slipId: slip.id, nonce: cast.nonce, sealed: cast.sealed, auth: cast.auth }) }).then((r) => r.json()),
      ),
    );
    expect(replies.every((r) => r.type === 'recorded')).toBe(true);
    expect(replies.filter((r) => r.already === false)).toHaveLength(1);
    expect(await collected()).toBe(before + 1);
  });

  it('refuses, with a code and nothing stored: unknown slip, void slip, wrong secret, a cast moved to another slip, a wrong size', async () => {
    const before = await collected();
    const expectError = async (msg: Record<string, unknown>, code: string) => expect(await ws.request(msg)).toMatchObject({ type: 'error', code });

    const unknown = await sealBallot({ id: 'ZZZZ', secret: 'ZZZZZZZ' }, box, {}, { native: true });
    // An unknown id answers like a known one cast without its secret: the id space cannot be scanned.
    await expectError({ type: 'cast', slipId: 'ZZZZ', nonce: unknown.nonce, sealed: unknown.sealed, auth: unknown.auth }, 'bad-seal');
    await expectError({ type: 'slip.open', slipId: 'ZZZZ', proof: unknown.proof }, 'slip-unknown');

    const voided = slips[2]!;
    await server.admin.call('POST /api/admin/sessions/:id/slips/void', { params: { id: sessionId }, body: { code: `${voided.id}-${voided.secret}` } });
    const v = await sealBallot(voided, box, marks(), { native: true });
    await expectError({ type: 'cast', slipId: voided.id, nonce: v.nonce, sealed: v.sealed, auth: v.auth }, 'slip-void');
    await expectError({ type: 'slip.open', slipId: voided.id, proof: v.proof }, 'slip-void');

    // Sealed with a wrong secret (a mistyped code): the seal does not open; a wrong proof looks unknown.
    const slip = slips[3]!;
    const wrong = await sealBallot({ id: slip.id, secret: slip.secret === 'AAAAAAA' ? 'BBBBBBB' : 'AAAAAAA' }, box, marks(), { native: true });
    await expectError({ type: 'cast', slipId: slip.id, nonce: wrong.nonce, sealed: wrong.sealed, auth: wrong.auth }, 'bad-seal');
    await expectError({ type: 'slip.open', slipId: slip.id, proof: wrong.proof }, 'slip-unknown');
    // A cast authenticated by one slip is refused on another.
    const moved = await sealBallot(slips[4]!, box, marks(), { native: true });
    await expectError({ type: 'cast', slipId: slip.id, nonce: moved.nonce, sealed: moved.sealed, auth: moved.auth }, 'bad-seal');

    // A sealed ballot of the wrong length, or without its authenticator, is refused before anything else.
    const good = await sealBallot(slip, box, marks(), { native: true });
    await expectError({ type: 'cast', slipId: slip.id, nonce: good.nonce, sealed: good.sealed.slice(1), auth: good.auth }, 'bad-message');
    await expectError({ type: 'cast', slipId: slip.id, nonce: good.nonce, sealed: `${good.sealed}A`, auth: good.auth }, 'bad-message');
    await expectError({ type: 'cast', slipId: slip.id, nonce: good.nonce, sealed: good.sealed }, 'protocol-outdated');
    // Changing any part the authenticator covers (nonce, seal) makes it fail.
    await expectError({ type: 'cast', slipId: slip.id, nonce: moved.nonce, sealed: good.sealed, auth: good.auth }, 'bad-seal');
    await expectError({ type: 'cast', slipId: slip.id, nonce: good.nonce, sealed: moved.sealed, auth: good.auth }, 'bad-seal');
    expect(await collected()).toBe(before);
    // The slip was never used by any of those: it still casts.
    const ok = await sealBallot(slip, box, marks(), { native: true });
    expect(await ws.request({ type: 'cast', slipId: slip.id, nonce: ok.nonce, sealed: ok.sealed, auth: ok.auth })).toMatchObject({ type: 'recorded', already: false });
    expect(await collected()).toBe(before + 1);
  });

  it('malformed JSON, unknown types, wrong shapes and oversize frames get error replies; the connection keeps working', async () => {
    const raw = new WebSocket(`${server.url.replace('http', 'ws')}/ws`);
    await new Promise((r) => raw.once('open', r));
    // One reply per frame, in order: each send waits for the next message, not for a timer.
    const send = (data: string | Buffer, binary = false) =>
      new Promise<unknown>((resolve) => {
        raw.once('message', (d) => resolve(JSON.parse(d.toString())));
        raw.send(data, { binary });
      });
    expect(await send('{not json')).toEqual({ type: 'error', code: 'bad-message' });
    expect(await send('[]')).toEqual({ type: 'error', code: 'bad-message' });
    expect(await send('null')).toEqual({ type: 'error', code: 'bad-message' });
    expect(await send('{"type":"vote","rid":"x"}')).toEqual({ type: 'error', rid: 'x', code: 'unknown-message' });
    expect(await send('{"type":"cast","rid":"y","slipId":"AB12"}')).toEqual({ type: 'error', rid: 'y', code: 'bad-message' });
    expect(await send('{"type":"cast","slipId":"ab12","nonce":"x","sealed":"y","auth":"z"}')).toEqual({ type: 'error', code: 'bad-message' });
    // The cast of a page cached from before the sealed box (no authenticator): reload, not a silent failure.
    expect(await send('{"type":"cast","slipId":"AB12","nonce":"x","sealed":"y"}')).toEqual({ type: 'error', code: 'protocol-outdated' });
    expect(await send('{"type":"ping","extra":1}')).toEqual({ type: 'error', code: 'bad-message' });
    expect(await send(JSON.stringify({ type: 'ping', pad: 'x'.repeat(MAX_MESSAGE_BYTES) }))).toEqual({ type: 'error', code: 'message-too-large' });
    expect(await send(Buffer.from([1, 2, 3]), true)).toEqual({ type: 'error', code: 'message-too-large' });
    expect(await send('{"type":"ping","rid":"alive"}')).toEqual({ type: 'pong', rid: 'alive', version: PROTOCOL_VERSION });
    raw.close();
    // And the server still serves everyone else.
    expect(await ws.request({ type: 'ping' })).toMatchObject({ type: 'pong' });
  });

  it('the HTTP fallback answers malformed bodies with the same error replies', async () => {
    const post = (body: string, type = 'application/json') =>
      fetch(`${server.url}/api/message`, { method: 'POST', headers: { 'content-type': type }, body }).then((r) => r.json());
    expect(await post('{oops')).toEqual({ type: 'error', code: 'bad-message' });
    expect(await post('{"type":"nope"}')).toEqual({ type: 'error', code: 'unknown-message' });
    expect(await post('{"type":"ping"}', 'text/plain')).toEqual({ type: 'pong', version: PROTOCOL_VERSION });
    expect(await post('{"type":"subscribe","sessionId":"abcdefgh12"}')).toEqual({ type: 'error', code: 'bad-message' });
  });

  it('closed voting refuses new ballots but still recognises a retry of an acknowledged one', async () => {
    const slip = slips[5]!;
    const cast = await sealBallot(slip, box, marks(), { native: true });
    const msg = { type: 'cast', slipId: slip.id, nonce: cast.nonce, sealed: cast.sealed, auth: cast.auth };
    expect(await ws.request(msg)).toMatchObject({ type: 'recorded', already: false });
    await server.admin.call('POST /api/admin/sessions/:id/close', { params: { id: sessionId } });
    expect(await ws.request(msg)).toMatchObject({ type: 'recorded', already: true });
    const late = await sealBallot(slips[6]!, box, marks(), { native: true });
    expect(await ws.request({ type: 'cast', slipId: late.slipId, nonce: late.nonce, sealed: late.sealed, auth: late.auth })).toMatchObject({ type: 'error', code: 'session-not-open' });
    await expect(server.admin.call('POST /api/admin/sessions/:id/open', { params: { id: sessionId }, body: {} })).rejects.toMatchObject({ code: 'session-already-closed' });
  });
});
