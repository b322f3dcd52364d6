/**
 * A small client of tinnhiem's public API, for scripts (simulate, demo, bench) and tests:
 * the secretariat's HTTP calls with the login cookie, and a delegate's cast over a real
 * WebSocket, sealed exactly as the ballot page seals it.
 */
import WebSocket from 'ws';
import type { BallotContent, ServerMessage } from '../../shared/protocol';
import { deriveSlipKey, randomNonce, seal, slipProof } from '../../shared/seal';
import { parseSlipCode } from '../../shared/slip-code';
import { deriveSlipKeyNative } from '../../server/domain/slip-keys';

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
  ) {
    super(`${status} ${code}`);
  }
}

export class AdminClient {
  private cookie = '';
  constructor(readonly baseUrl: string) {}

  async login(password: string, operator?: string): Promise<void> {
    const res = await fetch(`${this.baseUrl}/api/admin/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ password, ...(operator ? { operator } : {}) }),
    });
    if (!res.ok) throw new ApiError(res.status, ((await res.json()) as { error: string }).error);
    const set = res.headers.get('set-cookie') ?? '';
    this.cookie = set.split(';')[0]!;
  }

  get cookieHeader(): string {
    return this.cookie;
  }

  async call<T = any>(method: string, path: string, body?: unknown): Promise<T> {
    const res = await fetch(`${this.baseUrl}${path}`, {
      method,
      headers: { cookie: this.cookie, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await res.text();
    const json = text ? JSON.parse(text) : undefined;
    if (!res.ok) throw new ApiError(res.status, (json as { error?: string } | undefined)?.error ?? 'unknown');
    return json as T;
  }
}

export interface SlipHandle {
  id: string;
  secret: string;
}

/** The slip a printed code or URL stands for. */
export function slipFromPath(path: string): SlipHandle {
  const m = /\/b\/([^#]+)#(.+)$/.exec(path);
  if (!m) throw new Error(`not a slip path: ${path}`);
  const parsed = parseSlipCode(`${m[1]}${m[2]}`);
  if (!parsed) throw new Error(`not a slip path: ${path}`);
  return parsed;
}

/** A WebSocket that answers requests by `rid` and keeps pushed messages. */
export class WsClient {
  readonly pushed: ServerMessage[] = [];
  private waiting = new Map<string, (m: ServerMessage) => void>();
  private next = 0;
  private constructor(readonly socket: WebSocket) {
    socket.on('message', (data) => {
      const msg = JSON.parse(data.toString()) as ServerMessage;
      const rid = 'rid' in msg ? msg.rid : undefined;
      const resolve = rid === undefined ? undefined : this.waiting.get(rid);
      if (rid !== undefined && resolve) {
        this.waiting.delete(rid);
        resolve(msg);
      } else this.pushed.push(msg);
    });
  }

  static connect(baseUrl: string, headers: Record<string, string> = {}): Promise<WsClient> {
    const socket = new WebSocket(`${baseUrl.replace(/^http/, 'ws')}/ws`, { headers });
    return new Promise((resolve, reject) => {
      socket.once('open', () => resolve(new WsClient(socket)));
      socket.once('error', reject);
    });
  }

  request(msg: Record<string, unknown>, timeoutMs = 20_000): Promise<ServerMessage> {
    const rid = `r${++this.next}`;
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.waiting.delete(rid);
        reject(new Error(`no reply to ${String(msg.type)}`));
      }, timeoutMs);
      this.waiting.set(rid, (m) => {
        clearTimeout(timer);
        resolve(m);
      });
      this.socket.send(JSON.stringify({ ...msg, rid }));
    });
  }

  /** Wait for a pushed message matching `match`. */
  async waitFor<T extends ServerMessage>(match: (m: ServerMessage) => m is T, timeoutMs = 10_000): Promise<T> {
    const start = Date.now();
    for (;;) {
      const i = this.pushed.findIndex(match);
      if (i >= 0) return this.pushed.splice(i, 1)[0] as T;
      if (Date.now() - start > timeoutMs) throw new Error('timed out waiting for a pushed message');
      await new Promise((r) => setTimeout(r, 10));
    }
  }

  close(): void {
    this.socket.close();
  }
}

export interface SealedCast {
  slipId: string;
  nonce: string;
  sealed: string;
  proof: string;
}

/**
 * Seal a ballot for a slip. `native` derives the key with node:crypto (fast, for bulk
 * simulations); otherwise with @noble/hashes, exactly as the phone does.
 */
export async function sealBallot(
  slip: SlipHandle,
  content: BallotContent,
  opts: { native?: boolean } = {},
): Promise<SealedCast> {
  const key = opts.native ? new Uint8Array(await deriveSlipKeyNative(slip.id, slip.secret)) : await deriveSlipKey(slip.id, slip.secret);
  return { slipId: slip.id, nonce: randomNonce(), sealed: seal(key, slip.id, JSON.stringify(content)), proof: slipProof(key) };
}
