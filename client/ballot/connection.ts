/**
 * The ballot page's link to the server: one WebSocket at /ws that reconnects with backoff,
 * and `POST /api/message` as a fallback when the WebSocket cannot connect (some Wi-Fi
 * proxies block it). Requests carry a `rid` and resolve with the reply; a request whose
 * connection drops rejects with `NetworkError`, and the caller decides whether to resend.
 */
import type { ClientMessage, ServerMessage } from '../../shared/protocol';

/** What the page shows about the link: quiet when online, a notice while reconnecting. */
export type LinkStatus = 'connecting' | 'online' | 'reconnecting';

export class NetworkError extends Error {
  constructor() {
    super('network');
    this.name = 'NetworkError';
  }
}

/** A message to send; the link adds the `rid`. */
export type Outgoing = ClientMessage extends infer M ? (M extends { rid?: string } ? Omit<M, 'rid'> : never) : never;

/** The link as the ballot controller sees it (a test can give a scripted one). */
export interface Link {
  start(): void;
  close(): void;
  request(msg: Outgoing): Promise<ServerMessage>;
  /** Resolves when the link is (again) usable, or after `maxWaitMs`. */
  ready(maxWaitMs: number): Promise<void>;
  /** True while the server can push to this page (an open WebSocket). */
  readonly pushing: boolean;
}

export interface LinkEvents {
  /** Each time the link becomes usable: first connect, reconnect, or switch to HTTP. */
  onReady(): void;
  /** Messages the server sends unasked, e.g. `{ type: 'state' }`. */
  onPush(msg: ServerMessage): void;
  onStatus(status: LinkStatus): void;
}

type SocketLike = Pick<WebSocket, 'send' | 'close' | 'readyState'> & {
  onopen: ((ev: unknown) => void) | null;
  onclose: ((ev: unknown) => void) | null;
  onerror: ((ev: unknown) => void) | null;
  onmessage: ((ev: { data: unknown }) => void) | null;
};

export interface SocketLinkOptions {
  /** The page's origin, e.g. `http://192.168.1.10:8080`. */
  baseUrl: string;
  /** Injected in Node tests (the `ws` package); the browser's by default. */
  WebSocket?: new (url: string) => SocketLike;
  fetch?: typeof fetch;
  /** Failed WebSocket attempts in a row before requests go over HTTP. */
  failuresBeforeHttp?: number;
  requestTimeoutMs?: number;
  /** Reconnect delays in ms; the last repeats. */
  backoffMs?: number[];
}

const OPEN = 1;

export class SocketLink implements Link {
  private socket: SocketLike | null = null;
  private opened = false;
  private failures = 0;
  private http = false;
  private closed = false;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private nextRid = 0;
  private waiting = new Map<string, { resolve(m: ServerMessage): void; reject(e: Error): void }>();
  private readyWaiters: (() => void)[] = [];
  private status: LinkStatus = 'connecting';
  private readonly opts: Required<SocketLinkOptions>;

  constructor(
    options: SocketLinkOptions,
    private readonly events: LinkEvents,
  ) {
    this.opts = {
      WebSocket: options.WebSocket ?? (globalThis.WebSocket as unknown as new (url: string) => SocketLike),
      fetch: options.fetch ?? ((...args) => globalThis.fetch(...args)),
      failuresBeforeHttp: 3,
      requestTimeoutMs: 15_000,
      backoffMs: [500, 1000, 2000, 4000, 8000],
      ...options,
    };
  }

  get pushing(): boolean {
    return this.socket !== null && this.opened && this.socket.readyState === OPEN;
  }

  start(): void {
    this.connect();
    // Back from a locked screen or a lost Wi-Fi: retry now rather than at the end of a backoff.
    if (typeof globalThis.addEventListener === 'function') {
      globalThis.addEventListener('online', this.nudge);
      globalThis.document?.addEventListener('visibilitychange', this.nudge);
    }
  }

  close(): void {
    this.closed = true;
    if (typeof globalThis.removeEventListener === 'function') {
      globalThis.removeEventListener('online', this.nudge);
      globalThis.document?.removeEventListener('visibilitychange', this.nudge);
    }
    clearTimeout(this.timer);
    this.socket?.close();
    this.failAll();
  }

  private readonly nudge = (): void => {
    if (this.closed || this.socket !== null || globalThis.document?.visibilityState === 'hidden') return;
    clearTimeout(this.timer);
    this.connect();
  };

  request(msg: Outgoing): Promise<ServerMessage> {
    if (this.pushing) return this.viaSocket(msg);
    if (this.http) return this.viaHttp(msg);
    return Promise.reject(new NetworkError());
  }

  ready(maxWaitMs: number): Promise<void> {
    if (this.pushing || (this.http && this.status === 'online')) return Promise.resolve();
    return new Promise((resolve) => {
      const timer = setTimeout(done, maxWaitMs);
      function done() {
        clearTimeout(timer);
        resolve();
      }
      this.readyWaiters.push(done);
    });
  }

  private setStatus(status: LinkStatus): void {
    if (status === this.status) return;
    this.status = status;
    if (status === 'online') for (const w of this.readyWaiters.splice(0)) w();
    this.events.onStatus(status);
  }

  private becameReady(): void {
    this.setStatus('online');
    for (const w of this.readyWaiters.splice(0)) w();
    this.events.onReady();
  }

  private connect(): void {
    if (this.closed) return;
    let socket: SocketLike;
    try {
      socket = new this.opts.WebSocket(`${this.opts.baseUrl.replace(/^http/, 'ws')}/ws`);
    } catch {
      this.onSocketGone(false);
      return;
    }
    this.socket = socket;
    this.opened = false;
    socket.onopen = () => {
      if (this.socket !== socket) return;
      this.opened = true;
      this.failures = 0;
      this.becameReady();
    };
    socket.onmessage = (ev) => {
      if (this.socket !== socket || typeof ev.data !== 'string') return;
      let msg: ServerMessage;
      try {
        msg = JSON.parse(ev.data) as ServerMessage;
      } catch {
        return;
      }
      const rid = 'rid' in msg ? msg.rid : undefined;
      const pending = rid === undefined ? undefined : this.waiting.get(rid);
      if (rid !== undefined && pending) {
        this.waiting.delete(rid);
        pending.resolve(msg);
      } else this.events.onPush(msg);
    };
    // Browsers fire error then close; the close handler does the work once.
    socket.onerror = () => {};
    socket.onclose = () => {
      if (this.socket !== socket) return;
      const wasOpen = this.opened;
      this.socket = null;
      this.opened = false;
      this.failAll();
      this.onSocketGone(wasOpen);
    };
  }

  private onSocketGone(wasOpen: boolean): void {
    if (this.closed) return;
    if (!wasOpen) this.failures++;
    const backoff = this.opts.backoffMs;
    const delay = wasOpen ? backoff[0]! : backoff[Math.min(this.failures - 1, backoff.length - 1)]!;
    if (!this.http && this.failures >= this.opts.failuresBeforeHttp) {
      // The WebSocket seems blocked: carry on over HTTP, and keep trying the socket slowly.
      this.http = true;
      this.becameReady();
    } else if (!this.http || this.status !== 'online') {
      this.setStatus('reconnecting');
    }
    // Jitter spreads a hall full of phones reconnecting after the same Wi-Fi hiccup.
    this.timer = setTimeout(() => this.connect(), delay * (0.75 + Math.random() * 0.5));
  }

  private failAll(): void {
    const pending = [...this.waiting.values()];
    this.waiting.clear();
    for (const p of pending) p.reject(new NetworkError());
  }

  private viaSocket(msg: Outgoing): Promise<ServerMessage> {
    // Fixed width, so a frame's length never varies with how many requests came before.
    const rid = `r${(++this.nextRid).toString(36).padStart(7, '0')}`;
    const socket = this.socket!;
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        // No reply in time: treat the socket as dead so everything reconnects cleanly.
        if (this.waiting.delete(rid)) reject(new NetworkError());
        if (this.socket === socket) socket.close();
      }, this.opts.requestTimeoutMs);
      this.waiting.set(rid, {
        resolve: (m) => {
          clearTimeout(timer);
          resolve(m);
        },
        reject: (e) => {
          clearTimeout(timer);
          reject(e);
        },
      });
      try {
        socket.send(JSON.stringify({ ...msg, rid }));
      } catch {
        this.waiting.delete(rid);
        clearTimeout(timer);
        reject(new NetworkError());
      }
    });
  }

  private async viaHttp(msg: Outgoing): Promise<ServerMessage> {
    const controller = typeof AbortController === 'function' ? new AbortController() : undefined;
    const timer = setTimeout(() => controller?.abort(), this.opts.requestTimeoutMs);
    try {
      const res = await this.opts.fetch(`${this.opts.baseUrl}/api/message`, {
        method: 'POST',
        // text/plain keeps it a "simple" request: no preflight through picky proxies.
        headers: { 'content-type': 'text/plain;charset=UTF-8' },
        body: JSON.stringify(msg),
        cache: 'no-store',
        signal: controller?.signal,
      });
      const reply = (await res.json()) as ServerMessage;
      if (typeof reply !== 'object' || reply === null || typeof reply.type !== 'string') throw new NetworkError();
      this.setStatus('online');
      return reply;
    } catch {
      this.setStatus('reconnecting');
      throw new NetworkError();
    } finally {
      clearTimeout(timer);
    }
  }
}
