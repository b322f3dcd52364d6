/**
 * client/socket.ts against the REAL server (SQLite file in a temp dir, real WebSockets; the
 * `ws` package stands in for the browser's): the version ping on every connect, rid
 * matching, reconnecting after the server drops the socket, a page older than the server
 * ending as "outdated", the console's logout (4001) and a full server (1013) backing off.
 */
import { signal } from '@preact/signals-core';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { PROTOCOL_VERSION, type ClientMessage, type ServerMessage } from '../shared/protocol';
import { AdminClient, WsClient } from '../scripts/lib/client';
import { prepareSession, startTestServer, TEST_PASSWORD, type TestServer } from '../test/server';
import { createSocket, NetworkError, type Link, type SocketEnd, type SocketOptions, type SocketStatus } from './socket';

let server: TestServer;
const links: Link[] = [];
afterEach(async () => {
  for (const l of links.splice(0)) l.close();
  await server.close();
});

type SocketClass = NonNullable<SocketOptions['WebSocket']>;

/** What a test socket saw, and a way to wait until it has seen something. */
interface Log {
  frames: string[];
  /** When each connection was made (performance.now()). */
  connects: number[];
  statuses: SocketStatus[];
  opens: number;
  pushed: ServerMessage[];
  ends: SocketEnd[];
  /** Resolves once `cond` holds, checked after each thing the socket does: no polling. */
  when(cond: () => boolean): Promise<void>;
  changed(): void;
}

function newLog(): Log {
  const checks = new Set<() => void>();
  return {
    frames: [],
    connects: [],
    statuses: [],
    opens: 0,
    pushed: [],
    ends: [],
    when(cond) {
      return new Promise((resolve) => {
        const check = () => {
          if (!cond()) return;
          checks.delete(check);
          resolve();
        };
        checks.add(check);
        check();
      });
    },
    changed() {
      for (const check of [...checks]) check();
    },
  };
}

/** The `ws` WebSocket with the given headers, recording each frame sent and each connection made. */
function recording(log: Log, headers: Record<string, string> = {}, rewrite?: (data: string) => string): SocketClass {
  return class extends WebSocket {
    constructor(url: string) {
      super(url, { headers });
      log.connects.push(performance.now());
      log.changed();
      // What reaches the page, changed on the way when the test plays a newer server.
      if (rewrite) {
        const handler = Object.getOwnPropertyDescriptor(WebSocket.prototype, 'onmessage')!;
        Object.defineProperty(this, 'onmessage', {
          set: (fn: ((ev: { data: unknown }) => void) | null) => handler.set!.call(this, fn && ((ev: { data: unknown }) => fn({ data: rewrite(String(ev.data)) }))),
        });
      }
    }
    override send(data: string): void {
      log.frames.push(data);
      super.send(data);
    }
  } as unknown as SocketClass;
}

/** A socket to the test server, with a real signal for its status. */
function open(options: Partial<SocketOptions> & { headers?: Record<string, string>; rewrite?: (data: string) => string } = {}) {
  const status = signal<SocketStatus>('connecting');
  const log = newLog();
  status.subscribe((s) => {
    log.statuses.push(s);
    log.changed();
  });
  const link = createSocket({
    origin: server.url,
    WebSocket: recording(log, options.headers, options.rewrite),
    backoffMs: [20, 40, 80],
    status,
    onOpen: () => (log.opens++, log.changed()),
    onPush: (msg) => (log.pushed.push(msg), log.changed()),
    onEnd: (end) => (log.ends.push(end), log.changed()),
    ...options,
  });
  links.push(link);
  link.start();
  /** Resolves once the status is `want`, now or at a later change. */
  const until = (want: SocketStatus) => log.when(() => status.value === want);
  return { link, status, log, until };
}

const sentTypes = (frames: string[]) => frames.map((f) => (JSON.parse(f) as { type: string }).type);

describe('client/socket against the real server', () => {
  beforeEach(async () => {
    server = await startTestServer();
  });

  it('pings first, then each reply reaches the request that carried its 8-character rid', async () => {
    const { session, slips } = await prepareSession(server.admin, { persons: 1, slips: 2 });
    const { link, log, until } = open();
    expect(link.pushing).toBe(false);
    await expect(link.request({ type: 'ping' })).rejects.toBeInstanceOf(NetworkError);
    await until('open');
    expect(log.opens).toBe(1);
    expect(sentTypes(log.frames)).toEqual(['ping']);
    // Three requests at once, answered in arrival order: each promise gets its own reply.
    const [unknown, pong, wrong] = await Promise.all([
      link.request({ type: 'slip.open', slipId: 'ZZZZ', proof: 'x'.repeat(43) }),
      link.request({ type: 'ping' }),
      link.request({ type: 'subscribe', sessionId: session.id, displayKey: 'not-the-key' }),
    ]);
    expect(unknown).toMatchObject({ type: 'error', code: 'slip-unknown' });
    expect(pong).toMatchObject({ type: 'pong', version: PROTOCOL_VERSION });
    expect(wrong).toMatchObject({ type: 'error', code: 'bad-display-key' });
    const rids = log.frames.map((f) => (JSON.parse(f) as { rid: string }).rid);
    expect(new Set(rids).size).toBe(4);
    for (const rid of rids) expect(rid).toMatch(/^r[0-9a-z]{7}$/);
    // A subscription's catch-up arrives unasked: a push, not a reply.
    const sub = await link.request({ type: 'subscribe', sessionId: session.id, displayKey: session.displayKey });
    expect(sub).toMatchObject({ type: 'subscribed', sessionId: session.id });
    await log.when(() => log.pushed.some((m) => m.type === 'turnout'));
    expect(log.pushed.find((m) => m.type === 'turnout')).toMatchObject({ turnout: { sessionId: session.id, issued: slips.length } });
  });

  it('reconnects after the server drops the socket: offline, then open again with a new ping, and requests work', async () => {
    const { link, status, log, until } = open();
    await until('open');
    const offline = until('offline');
    const pending = link.request({ type: 'slip.open', slipId: 'ZZZZ', proof: 'x'.repeat(43) });
    for (const client of server.app.websocketServer.clients) client.terminate();
    await expect(pending).rejects.toBeInstanceOf(NetworkError);
    await offline;
    expect(link.pushing).toBe(false);
    await until('open');
    expect(status.value).toBe('open');
    expect(log.opens).toBe(2);
    expect(log.connects).toHaveLength(2);
    expect(sentTypes(log.frames).filter((t) => t === 'ping')).toHaveLength(2);
    expect(await link.request({ type: 'ping' })).toMatchObject({ type: 'pong' });
    expect(log.statuses).toEqual(['connecting', 'open', 'offline', 'open']);
  });

  it('a server of another protocol version ends the socket as "outdated": closed, not reconnecting, nothing else sent', async () => {
    // The real server's pong, as a server one version newer would send it.
    const newer = (data: string) => data.replace(`"version":${PROTOCOL_VERSION}`, `"version":${PROTOCOL_VERSION + 1}`);
    const { link, status, log, until } = open({ rewrite: newer });
    await until('closed');
    expect(log.ends).toEqual(['outdated']);
    expect(log.opens).toBe(0);
    expect(status.value).toBe('closed');
    expect(sentTypes(log.frames)).toEqual(['ping']);
    await expect(link.request({ type: 'ping' })).rejects.toBeInstanceOf(NetworkError);
    expect(log.connects).toHaveLength(1);
  });

  it('a reply of protocol-outdated (a cast as a page from before the sealed box sent it) ends the socket too', async () => {
    const { link, log, until } = open();
    await until('open');
    const old = { type: 'cast', slipId: 'AB12', nonce: 'x', sealed: 'y' } as unknown as ClientMessage;
    const closed = until('closed');
    expect(await link.request(old)).toEqual({ type: 'error', rid: expect.stringMatching(/^r[0-9a-z]{7}$/), code: 'protocol-outdated' });
    await closed;
    expect(log.ends).toEqual(['outdated']);
    expect(log.connects).toHaveLength(1);
  });

  it('the console feed of a login that ends closes with 4001: "logged-out", and no reconnect', async () => {
    const { session } = await prepareSession(server.admin);
    const operator = new AdminClient(server.url);
    await operator.login(TEST_PASSWORD, 'Trần Thị Bình');
    const { link, status, log, until } = open({ headers: { cookie: operator.cookieHeader } });
    await until('open');
    expect(await link.request({ type: 'subscribe', sessionId: session.id })).toMatchObject({ type: 'subscribed' });
    const closed = until('closed');
    await operator.call('POST /api/admin/logout');
    await closed;
    expect(log.ends).toEqual(['logged-out']);
    expect(status.value).toBe('closed');
    expect(log.connects).toHaveLength(1);
  });
});

describe('a full server (close 1013)', () => {
  beforeEach(async () => {
    server = await startTestServer({ floodLimits: { maxSockets: 1 } });
  });

  it('backs off further on each refusal instead of reconnecting at once, never falls back to HTTP, and opens once there is room', async () => {
    const occupant = await WsClient.connect(server.url);
    const { link, log, until } = open({ backoffMs: [40, 80, 160, 320], httpAfter: 1 });
    await log.when(() => log.connects.length >= 4);
    // Each wait at least the next step of the backoff (less its 25% jitter): 40, 80, 160 ms.
    const gaps = log.connects.slice(1, 4).map((t, i) => t - log.connects[i]!);
    gaps.forEach((gap, i) => expect(gap, `gap ${i}`).toBeGreaterThanOrEqual([40, 80, 160][i]! * 0.75 - 1));
    // The socket opened each time (it was refused, not blocked): requests do not go over HTTP.
    await expect(link.request({ type: 'ping' })).rejects.toBeInstanceOf(NetworkError);
    occupant.close();
    await until('open');
    expect(await link.request({ type: 'ping' })).toMatchObject({ type: 'pong' });
  });
});
