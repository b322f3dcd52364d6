/**
 * The display's link to the server: one WebSocket at /ws that subscribes with the display
 * key, reconnects by itself with growing delays, and catches up on every reconnect (the
 * server answers a subscription with the current turnout and, when allowed, the results).
 * A ping every few seconds notices a dead network the browser has not noticed yet.
 */
import type { ServerMessage } from '../../shared/protocol';

export type DisplayLinkStatus = 'connecting' | 'online' | 'reconnecting' | 'refused';

export interface DisplayLinkEvents {
  onMessage(msg: ServerMessage): void;
  onStatus(status: DisplayLinkStatus): void;
}

export interface DisplayLinkOptions {
  url: string;
  sessionId: string;
  displayKey: string;
  /** Reconnect delays in ms; the last repeats (with a little jitter so displays spread out). */
  backoffMs?: number[];
  pingMs?: number;
  /** No message at all for this long: the link is taken as dead and reopened. */
  silenceMs?: number;
}

export class DisplayLink {
  private socket: WebSocket | null = null;
  private attempt = 0;
  private stopped = false;
  private retryTimer: ReturnType<typeof setTimeout> | undefined;
  private pingTimer: ReturnType<typeof setInterval> | undefined;
  private lastHeard = 0;
  private readonly backoff: number[];

  constructor(
    private readonly opts: DisplayLinkOptions,
    private readonly events: DisplayLinkEvents,
  ) {
    this.backoff = opts.backoffMs ?? [500, 1000, 2000, 4000, 8000];
  }

  start(): void {
    this.stopped = false;
    this.open();
  }

  stop(): void {
    this.stopped = true;
    clearTimeout(this.retryTimer);
    clearInterval(this.pingTimer);
    this.socket?.close();
  }

  private open(): void {
    this.events.onStatus(this.attempt === 0 ? 'connecting' : 'reconnecting');
    const socket = new WebSocket(this.opts.url);
    this.socket = socket;
    socket.onopen = () => {
      this.lastHeard = Date.now();
      socket.send(JSON.stringify({ type: 'subscribe', rid: 'sub', sessionId: this.opts.sessionId, displayKey: this.opts.displayKey }));
      clearInterval(this.pingTimer);
      this.pingTimer = setInterval(() => this.keepAlive(socket), this.opts.pingMs ?? 10_000);
    };
    socket.onmessage = (ev) => {
      this.lastHeard = Date.now();
      let msg: ServerMessage;
      try {
        msg = JSON.parse(String(ev.data)) as ServerMessage;
      } catch {
        return;
      }
      if (msg.type === 'subscribed') {
        this.attempt = 0;
        this.events.onStatus('online');
      } else if (msg.type === 'error' && msg.rid === 'sub') {
        // A wrong key will not become right by retrying.
        if (msg.code === 'bad-display-key') {
          this.stopped = true;
          this.events.onStatus('refused');
          socket.close();
          return;
        }
      }
      this.events.onMessage(msg);
    };
    socket.onclose = () => this.reconnectAfter(socket);
    socket.onerror = () => socket.close();
  }

  private reconnectAfter(socket: WebSocket): void {
    clearInterval(this.pingTimer);
    if (this.socket !== socket) return;
    this.socket = null;
    if (this.stopped) return;
    this.events.onStatus('reconnecting');
    const base = this.backoff[Math.min(this.attempt, this.backoff.length - 1)]!;
    this.attempt += 1;
    this.retryTimer = setTimeout(() => this.open(), base + Math.random() * base * 0.3);
  }

  private keepAlive(socket: WebSocket): void {
    if (Date.now() - this.lastHeard > (this.opts.silenceMs ?? 25_000)) {
      // A dead network may take minutes to fire onclose: give up on this socket now.
      socket.onclose = null;
      socket.close();
      this.reconnectAfter(socket);
      return;
    }
    if (socket.readyState === WebSocket.OPEN) socket.send(JSON.stringify({ type: 'ping' }));
  }
}
