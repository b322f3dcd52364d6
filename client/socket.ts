/**
 * Every face's link to the server: one WebSocket at /ws, typed by shared/protocol.ts.
 *
 * - Reconnects with growing delays (0.5, 1, 2, 4, 8 s, ±25% jitter so a hall of phones does
 *   not reconnect in step), at once when the network or the screen comes back. A close with
 *   1013 (too many connections) or 1008 (rate-limited) backs off further instead of
 *   reconnecting at once; 4001 (the console's login ended) stops for good.
 * - On each connect it pings: a server speaking another protocol version ends the socket as
 *   `outdated`, so a page cached from an older release asks to be reloaded instead of failing
 *   silently. So does any `protocol-outdated` reply.
 * - `request` adds an 8-character `rid` (fixed width: every cast frame keeps one length) and
 *   resolves with the reply; a reply not in time, or a drop, rejects with `NetworkError`, and
 *   the caller decides whether to resend. Messages nobody asked for go to `onPush`.
 * - With `httpAfter`, requests go over `POST /api/message` after that many WebSocket attempts
 *   in a row never opened (a proxy blocking it); the WebSocket is still retried meanwhile.
 *
 * `status` is written on every change. The display and the console pass a @preact/signals
 * `signal` and render from it; the ballot page passes its controller's field instead, since
 * the signals library would cost it 1.7 KB gzip of its 35 KB budget.
 */
import { PROTOCOL_VERSION, type ClientMessage, type ServerMessage } from '../shared/protocol';
import { NetworkError, type Link, type SocketEnd, type SocketEvents, type SocketStatus } from './link';

export { NetworkError } from './link';
export type { Link, SocketEnd, SocketEvents, SocketStatus } from './link';

type SocketLike = Pick<WebSocket, 'send' | 'close'> & {
  onopen: ((ev: unknown) => void) | null;
  onclose: ((ev: { code?: number }) => void) | null;
  onerror: ((ev: unknown) => void) | null;
  onmessage: ((ev: { data: unknown }) => void) | null;
};

export interface SocketOptions extends SocketEvents {
  /** The page's origin, e.g. `http://192.168.1.10:8080`. */
  origin: string;
  /** Injected in Node tests (the `ws` package); the browser's by default. */
  WebSocket?: new (url: string) => SocketLike;
  fetch?: typeof fetch;
  /** Failed WebSocket attempts in a row before requests go over HTTP; never without it. */
  httpAfter?: number;
  requestTimeoutMs?: number;
  /** Reconnect delays in ms; the last repeats. */
  backoffMs?: number[];
}

const noop = (): void => {};

/** A closure rather than a class: its names minify, which the ballot page's budget needs. */
export function createSocket(options: SocketOptions): Link {
  // Defaults rather than `?.` calls: the ballot page is built for ES2019, where each `?.` grows.
  const {
    origin,
    status,
    onOpen = noop,
    onPush = noop,
    onEnd = noop,
    WebSocket: Connect = WebSocket as unknown as new (url: string) => SocketLike,
    fetch: post = fetch,
    httpAfter = Infinity,
    requestTimeoutMs = 15_000,
    backoffMs = [500, 1000, 2000, 4000, 8000],
  } = options;
  let ws: SocketLike | null = null;
  /** The current WebSocket answered the version ping: requests and pushes use it. */
  let live = false;
  /** Attempts since the last good connect, for the delay. */
  let tries = 0;
  /** Attempts in a row that never opened, for the HTTP fallback. */
  let blocked = 0;
  let http = false;
  let closed = false;
  let current: SocketStatus = 'connecting';
  let timer: ReturnType<typeof setTimeout> | undefined;
  let rid = 0;
  /** Each request waiting for its reply, by rid: called with the reply, or with nothing when it is lost. */
  const waiting = new Map<string, (reply?: ServerMessage) => void>();
  const readyWaiters: (() => void)[] = [];

  function setStatus(next: SocketStatus): void {
    if (next === current) return;
    current = status.value = next;
    if (next === 'open') for (const w of readyWaiters.splice(0)) w();
  }

  function stop(end: SocketEnd): void {
    close();
    onEnd(end);
  }

  /** The ping's answer on a new connection (WebSocket or HTTP): the same protocol, or the page is outdated. */
  function greeted(pong: ServerMessage): void {
    if (pong.type !== 'pong') throw new NetworkError();
    if (pong.version !== PROTOCOL_VERSION) return stop('outdated');
    setStatus('open');
    onOpen();
  }

  /** Every reply and push passes here: a server that says this page is too old ends it. */
  function heard(msg: ServerMessage): void {
    if (msg.type === 'error' && msg.code === 'protocol-outdated') stop('outdated');
  }

  function connect(): void {
    if (closed) return;
    let socket: SocketLike;
    try {
      socket = new Connect(`${origin.replace(/^http/, 'ws')}/ws`);
    } catch {
      tries++;
      return gone(false);
    }
    ws = socket;
    let opened = false;
    socket.onopen = () => {
      opened = true;
      viaSocket(socket, { type: 'ping' })
        .then((pong) => {
          if (ws !== socket) return;
          live = true;
          tries = blocked = 0;
          greeted(pong);
        })
        // No answer, or not a pong: close it (if the timeout has not), and onclose reconnects.
        .catch(() => socket.close());
    };
    socket.onmessage = (ev) => {
      if (ws !== socket) return;
      let msg: ServerMessage;
      try {
        // The server sends only text; anything else fails to parse and is dropped.
        msg = JSON.parse(ev.data as string) as ServerMessage;
      } catch {
        return;
      }
      // A reply settles its request; anything else (no rid, or one no longer awaited) is a push.
      const settle = waiting.get((msg as { rid?: string }).rid!);
      if (settle) settle(msg);
      else onPush(msg);
      heard(msg);
    };
    // Browsers fire error then close; the close handler does the work once.
    socket.onerror = () => {};
    socket.onclose = (ev) => {
      if (ws !== socket) return;
      const wasLive = live;
      ws = null;
      drop();
      if (ev.code === 4001) return stop('logged-out');
      // Refused for load (1013) or for flooding (1008): wait longer each time, even after an open.
      tries = wasLive && ev.code !== 1013 && ev.code !== 1008 ? 0 : tries + 1;
      gone(opened);
    };
  }

  /** The WebSocket is down: fall back to HTTP if it never opens, and try it again after a delay. */
  function gone(opened: boolean): void {
    if (closed) return;
    if (!opened) blocked++;
    const delay = backoffMs[Math.min(Math.max(tries, 1), backoffMs.length) - 1]!;
    // The WebSocket seems blocked: carry on over HTTP once it answers, and keep trying the socket.
    if (blocked >= httpAfter) http = true;
    if (!http || current !== 'open') {
      setStatus('offline');
      if (http)
        viaHttp({ type: 'ping' })
          .then(greeted)
          .catch(() => {});
    }
    timer = setTimeout(connect, delay * (0.75 + Math.random() * 0.5));
  }

  /** The current WebSocket is gone or going: nothing it was asked will be answered. */
  function drop(): void {
    live = false;
    for (const settle of [...waiting.values()]) settle();
  }

  function viaSocket(socket: SocketLike, msg: ClientMessage): Promise<ServerMessage> {
    // Fixed width, so a frame's length never varies with how many requests came before.
    const id = `r${(++rid).toString(36).padStart(7, '0')}`;
    return new Promise((resolve, reject) => {
      const settle = (reply?: ServerMessage) => {
        clearTimeout(timeout);
        waiting.delete(id);
        if (reply) resolve(reply);
        else reject(new NetworkError());
      };
      const timeout = setTimeout(() => {
        settle();
        // No reply in time: treat the socket as dead so everything reconnects cleanly.
        if (ws === socket) socket.close();
      }, requestTimeoutMs);
      waiting.set(id, settle);
      try {
        socket.send(JSON.stringify({ ...msg, rid: id }));
      } catch {
        settle();
      }
    });
  }

  async function viaHttp(msg: ClientMessage): Promise<ServerMessage> {
    // Every browser that runs this ES2019 page has AbortController (Chrome 66, Safari 12.1).
    const abort = new AbortController();
    const timeout = setTimeout(() => abort.abort(), requestTimeoutMs);
    let reply: ServerMessage;
    try {
      const res = await post(`${origin}/api/message`, {
        method: 'POST',
        // text/plain keeps it a "simple" request: no preflight through picky proxies.
        headers: { 'content-type': 'text/plain;charset=UTF-8' },
        body: JSON.stringify(msg),
        cache: 'no-store',
        signal: abort.signal,
      });
      reply = (await res.json()) as ServerMessage;
      if (typeof reply.type !== 'string') throw new NetworkError();
    } catch {
      if (!closed && !live) setStatus('offline');
      throw new NetworkError();
    } finally {
      clearTimeout(timeout);
    }
    if (!live) setStatus('open');
    heard(reply);
    return reply;
  }

  // Back from a locked screen or a lost Wi-Fi: retry now rather than at the end of a backoff.
  const nudge = (): void => {
    if (closed || ws || document.visibilityState === 'hidden') return;
    clearTimeout(timer);
    connect();
  };

  /** Only in a browser (Node tests have no document): the network and the screen coming back. */
  function watch(method: 'addEventListener' | 'removeEventListener'): void {
    if (typeof document === 'undefined') return;
    window[method]('online', nudge);
    document[method]('visibilitychange', nudge);
  }

  function close(): void {
    closed = true;
    watch('removeEventListener');
    clearTimeout(timer);
    drop();
    ws?.close();
    ws = null;
    setStatus('closed');
  }

  return {
    get pushing() {
      return live;
    },
    start() {
      connect();
      watch('addEventListener');
    },
    close,
    request(msg) {
      if (live) return viaSocket(ws!, msg);
      if (http && !closed) return viaHttp(msg);
      return Promise.reject(new NetworkError());
    },
    ready(maxWaitMs) {
      return new Promise((resolve) => {
        if (current === 'open') return resolve();
        // Whichever comes first; the other then resolves nothing.
        readyWaiters.push(resolve);
        setTimeout(resolve, maxWaitMs);
      });
    },
  };
}
