/**
 * Floods and probes meet limits sized to the hall (server/domain/flood.ts), through real
 * sockets: too many sockets from one address or in all get a clear error and a clean close;
 * failures past the address's allowance are answered `rate-limited` (the socket closed, or 429
 * over HTTP) while a message that proves its slip is still served from the same address.
 * The allowances are made small here and the clock is moved by hand, never waited on.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import { castMessage, sealBallot, slipFromPath, WsClient } from '../scripts/lib/client';
import { DEFAULT_FLOOD_LIMITS, FloodGuard } from './domain/flood';
import { prepareSession, startTestServer, type TestServer } from '../test/server';

let server: TestServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

interface Opened {
  socket: WebSocket;
  first: Promise<{ type: string; code?: string } | null>;
  closed: Promise<number>;
}

/** A raw socket, with its first message (or null) and its close code. */
function openSocket(url: string): Promise<Opened> {
  const socket = new WebSocket(`${url.replace(/^http/, 'ws')}/ws`);
  const first = new Promise<{ type: string; code?: string } | null>((resolve) => {
    socket.once('message', (data) => resolve(JSON.parse(String(data)) as { type: string; code?: string }));
    socket.once('close', () => resolve(null));
  });
  const closed = new Promise<number>((resolve) => socket.once('close', (code) => resolve(code)));
  return new Promise((resolve, reject) => {
    socket.once('open', () => resolve({ socket, first, closed }));
    socket.once('error', reject);
  });
}

/** Resolves once the server counts `n` open sockets (it admits and releases them asynchronously). */
async function serverCounts(s: TestServer, n: number): Promise<void> {
  while (s.app.flood.sockets !== n) await new Promise((r) => setImmediate(r));
}

const small = { socketsBase: 5, socketsPerSlip: 2, connectsPerSecondBase: 1000, failureBurstBase: 10, failureBurstPerSlip: 0, failuresPerSecondBase: 1, failuresPerSecondPerSlip: 0 };

describe('sockets', () => {
  it('refuses the address past its allowance with too-many-connections and close 1013, and grows the allowance with the slips printed', async () => {
    server = await startTestServer({ floodLimits: small });
    const held: Opened[] = [];
    for (let i = 0; i < 5; i++) held.push(await openSocket(server.url));
    const sixth = await openSocket(server.url);
    expect(await sixth.first).toEqual({ type: 'error', code: 'too-many-connections' });
    expect(await sixth.closed).toBe(1013);
    // A socket that leaves frees its place.
    held.pop()!.socket.close();
    await serverCounts(server, 4);
    held.push(await openSocket(server.url));
    await serverCounts(server, 5);
    // Three slips printed: 5 + 2 × 3 = 11 sockets for this address.
    await prepareSession(server.admin, { persons: 1, slips: 3, sealed: false });
    for (let i = 0; i < 6; i++) held.push(await openSocket(server.url));
    const twelfth = await openSocket(server.url);
    expect(await twelfth.first).toEqual({ type: 'error', code: 'too-many-connections' });
    for (const h of held) h.socket.close();
  });

  it('caps the server\'s sockets in all, whatever the address', async () => {
    server = await startTestServer({ floodLimits: { ...small, socketsBase: 100, maxSockets: 3 } });
    const held = [await openSocket(server.url), await openSocket(server.url), await openSocket(server.url)];
    const fourth = await openSocket(server.url);
    expect(await fourth.first).toEqual({ type: 'error', code: 'too-many-connections' });
    expect(await fourth.closed).toBe(1013);
    for (const h of held) h.socket.close();
  });
});

describe('failures', () => {
  it('answers rate-limited past the allowance and closes the socket, serves a proven slip from the same address, and refills with time', async () => {
    let now = 1_000_000;
    server = await startTestServer({ floodLimits: small, clock: () => now });
    const { session, slips } = await prepareSession(server.admin, { persons: 1, slips: 2, sealed: false });
    await server.admin.call('POST /api/admin/sessions/:id/open', { params: { id: session.id }, body: {} });
    const honest = slipFromPath(slips[0]!.path);
    const wrong = { type: 'slip.open', slipId: honest.id, proof: 'A'.repeat(43) };

    const prober = await WsClient.connect(server.url);
    const closedCode = new Promise<number>((resolve) => prober.socket.once('close', (code) => resolve(code)));
    for (let i = 0; i < 10; i++) expect(await prober.request(wrong)).toMatchObject({ type: 'error', code: 'slip-unknown' });
    expect(await prober.request(wrong)).toMatchObject({ type: 'error', code: 'rate-limited' });
    expect(await closedCode).toBe(1008);

    // The honest phone behind the same address still opens its slip and casts.
    const phone = await WsClient.connect(server.url);
    await phone.openSlip(honest, { native: true });
    const box = await server.admin.ballotBox(session.id);
    const cast = await sealBallot(honest, box, {}, { native: true });
    expect(await phone.request(castMessage(cast))).toMatchObject({ type: 'recorded' });
    // Its own typo now is refused as rate-limited: the allowance is the address's.
    expect(await phone.request(wrong)).toMatchObject({ type: 'error', code: 'rate-limited' });

    // Five seconds later, five more failures are answered with their own code.
    now += 5_000;
    const again = await WsClient.connect(server.url);
    for (let i = 0; i < 5; i++) expect(await again.request(wrong)).toMatchObject({ type: 'error', code: 'slip-unknown' });
    expect(await again.request(wrong)).toMatchObject({ type: 'error', code: 'rate-limited' });
    expect((await server.admin.call('GET /api/admin/sessions/:id/turnout', { params: { id: session.id } })).collected).toBe(1);
  });

  it('limits failures over POST /api/message too, with 429 and the same code, and still records a proven cast', async () => {
    const now = 1_000_000;
    server = await startTestServer({ floodLimits: small, clock: () => now });
    const { session, slips } = await prepareSession(server.admin, { persons: 1, slips: 1, sealed: false });
    await server.admin.call('POST /api/admin/sessions/:id/open', { params: { id: session.id }, body: {} });
    const post = (body: unknown) =>
      fetch(`${server!.url}/api/message`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
    const slip = slipFromPath(slips[0]!.path);
    const wrong = { type: 'slip.open', slipId: slip.id, proof: 'B'.repeat(43) };
    for (let i = 0; i < 10; i++) expect((await (await post(wrong)).json()) as unknown).toMatchObject({ code: 'slip-unknown' });
    const limited = await post(wrong);
    expect(limited.status).toBe(429);
    expect(await limited.json()).toMatchObject({ type: 'error', code: 'rate-limited' });
    const box = await server.admin.ballotBox(session.id);
    const cast = await sealBallot(slip, box, {}, { native: true });
    const res = await post(castMessage(cast));
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ type: 'recorded' });
  });
});

describe('HTTP', () => {
  it('limits requests to the ballot routes per address and minute (@fastify/rate-limit), sized by the hall', async () => {
    server = await startTestServer({ floodLimits: { ...small, httpPerMinuteBase: 4, httpPerMinutePerSlip: 1 } });
    const ping = () => fetch(`${server!.url}/api/message`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"type":"ping"}' });
    for (let i = 0; i < 4; i++) expect((await ping()).status).toBe(200);
    const limited = await ping();
    expect(limited.status).toBe(429);
    expect(await limited.json()).toMatchObject({ error: 'rate-limited', message: { vi: expect.stringContaining('Xin chờ') } });
    // Two slips printed: the allowance is now 6 this minute, of which 5 are spent (the refused one counts).
    await prepareSession(server.admin, { persons: 1, slips: 2, sealed: false });
    const sixth = await ping();
    expect(sixth.status).toBe(200);
    expect(sixth.headers.get('x-ratelimit-limit')).toBe('6');
    expect((await ping()).status).toBe(429);
  });
});

describe('a hall of 2,000 behind one address (the default allowances)', () => {
  const hall = () => 2000;
  it('admits two sockets a phone, a reconnect storm of all 2,000 within a second, and 200 typos in a minute', () => {
    let now = 0;
    const guard = new FloodGuard(hall, DEFAULT_FLOOD_LIMITS, () => now);
    const admitted = (n: number) => Array.from({ length: n }, () => guard.admitSocket('10.0.0.1')).filter((r) => r === null).length;
    // The hall opens its pages within a second; the Wi-Fi blinks and every phone reconnects
    // within the next; a minute later each phone has a second page (a reload) open.
    expect(admitted(2000)).toBe(2000);
    for (let i = 0; i < 2000; i++) guard.releaseSocket('10.0.0.1');
    now += 1000;
    expect(admitted(2000)).toBe(2000);
    now += 60_000;
    expect(admitted(2000)).toBe(2000);
    expect(guard.sockets).toBe(4000);
    for (let i = 0; i < 200; i++) {
      now += 300;
      expect(guard.failure('10.0.0.1')).toBe(true);
    }
  });

  it('cuts a flood of 1,000 wrong proofs a second to the refill rate, and a stranger with no vote prepared to a few dozen sockets', () => {
    let now = 0;
    const guard = new FloodGuard(hall, DEFAULT_FLOOD_LIMITS, () => now);
    let accepted = 0;
    for (let second = 0; second < 10; second++) {
      for (let i = 0; i < 1000; i++) {
        now += 1;
        if (guard.failure('10.0.0.9')) accepted++;
      }
    }
    // Burst 50 + 2000/4 = 550, then 5 + 2000/100 = 25 a second.
    expect(accepted).toBeLessThanOrEqual(550 + 25 * 10 + 1);
    expect(accepted).toBeGreaterThanOrEqual(550);
    const empty = new FloodGuard(() => 0, DEFAULT_FLOOD_LIMITS, () => now);
    let sockets = 0;
    for (let i = 0; i < 5000; i++) if (empty.admitSocket('10.0.0.66') === null) sockets++;
    expect(sockets).toBe(64);
  });
});
