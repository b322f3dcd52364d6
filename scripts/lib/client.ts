/**
 * A small client of tinnhiem's public API, for scripts (simulate, demo, bench) and tests:
 * the secretariat's HTTP calls with the login cookie, and a delegate's cast over a real
 * WebSocket, sealed exactly as the ballot page seals it.
 */
import WebSocket from 'ws';
import type { JsonRoute, RouteAnswer, RouteInput, RouteInputArgs } from '../../shared/api-contract';
import { routeRequest } from '../../shared/api-path';
import { sealCast, sealPlaintext, type BallotBox } from '../../shared/box';
import type { ReceiptsFile } from '../../shared/api-types';
import type { ServerMessage } from '../../shared/protocol';
import { deriveSlipKey, slipProof } from '../../shared/seal';
import { parseSlipCode } from '../../shared/slip-code';
import { deriveSlipKeyNative } from '../../server/domain/slip-keys';

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    /** What a person reads (the server's `message`), when the answer carried one. */
    readonly text?: { vi: string; en: string },
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

  /**
   * Call a route of the HTTP contract, typed by it (shared/api-contract.ts):
   * `call('POST /api/admin/sessions/:id/open', { params: { id }, body: {} })`.
   */
  call<K extends JsonRoute>(route: K, ...[input]: RouteInputArgs<K>): Promise<RouteAnswer<K>> {
    const request = routeRequest(route, input);
    return this.send(request.method, request.path, request.body) as Promise<RouteAnswer<K>>;
  }

  /**
   * A request outside the contract, by method and path, for the tests that probe the API with
   * what the contract forbids (a wrong id, a body it refuses, a route that does not exist).
   * Its answer is `unknown` unless the caller names what it expects.
   */
  raw<T = unknown>(method: string, path: string, body?: unknown): Promise<T> {
    return this.send(method, path, body) as Promise<T>;
  }

  private async send(method: string, path: string, body?: unknown): Promise<unknown> {
    const res = await fetch(`${this.baseUrl}${path}`, {
      method,
      headers: { cookie: this.cookie, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await res.text();
    const json = text ? JSON.parse(text) : undefined;
    if (!res.ok) {
      const answer = json as { error?: string; message?: { vi: string; en: string } } | undefined;
      throw new ApiError(res.status, answer?.error ?? 'unknown', answer?.message);
    }
    return json;
  }

  /** Enter the tally committee (ban kiểm phiếu): the first named is its head (Trưởng ban). */
  async enterCommittee(sessionId: string, names: string[]): Promise<void> {
    await this.call('PUT /api/admin/sessions/:id/committee', {
      params: { id: sessionId },
      body: { members: names.map((fullName, i) => ({ fullName, role: i === 0 ? 'Trưởng ban' : 'Ủy viên' })) },
    });
  }

  /**
   * The sealing ceremony (niêm phong) as the console runs it: enter the committee (unless
   * it is already there), seal the box k-of-n, and return each member's share code.
   */
  async sealBox(sessionId: string, opts: { committee?: string[]; threshold?: number } = {}): Promise<string[]> {
    if (opts.committee) await this.enterCommittee(sessionId, opts.committee);
    const sealed = await this.call('POST /api/admin/sessions/:id/box/seal', { params: { id: sessionId }, body: opts.threshold ? { threshold: opts.threshold } : {} });
    return sealed.shares.map((s) => s.code);
  }

  /**
   * Opening the box (mở hòm phiếu): present share codes one by one, stopping once the box
   * opens (a share after that is refused); returns the last answer.
   */
  async openBox(sessionId: string, codes: string[]): Promise<{ opened: boolean; presented: number[]; threshold: number }> {
    let last = { opened: false, presented: [] as number[], threshold: 0 };
    for (const code of codes) {
      if (last.opened) break;
      last = await this.call('POST /api/admin/sessions/:id/box/shares', { params: { id: sessionId }, body: { code } });
    }
    return last;
  }

  /** What a phone learns from `slip.open` to seal its ballot, read from the console's view of the session. */
  async ballotBox(sessionId: string): Promise<BallotBox> {
    const detail = await this.call('GET /api/admin/sessions/:id', { params: { id: sessionId } });
    return { id: detail.id, box: detail.state === 'draft' ? null : detail.box.publicKey, persons: detail.persons, levels: detail.preset.levels };
  }
}

/** The published list of tracking codes of an opened box (public, no login), or null while there is none. */
/** The first keying of a paper sheet, waiting for its second: its entry id (throws if the sheet was recorded instead). */
export function entryOf(answer: RouteAnswer<'POST /api/admin/sessions/:id/paper/entries'>): string {
  if (answer.status !== 'pending') throw new Error(`expected a pending entry, got ${answer.status}`);
  return answer.entryId;
}

export async function fetchReceipts(baseUrl: string, sessionId: string): Promise<ReceiptsFile | null> {
  const res = await fetch(`${baseUrl}/api/receipts/${sessionId}`);
  if (res.status === 404) return null;
  if (!res.ok) throw new ApiError(res.status, ((await res.json()) as { error?: string }).error ?? 'unknown');
  return (await res.json()) as ReceiptsFile;
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
  /** Every frame this client sent: its message type and its length in bytes, as it crossed the socket. */
  readonly sent: { type: string; bytes: number }[] = [];
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
    // Eight characters, as the ballot page's: every cast frame then has the same length.
    const rid = `r${(++this.next).toString(36).padStart(7, '0')}`;
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.waiting.delete(rid);
        reject(new Error(`no reply to ${String(msg.type)}`));
      }, timeoutMs);
      this.waiting.set(rid, (m) => {
        clearTimeout(timer);
        resolve(m);
      });
      const frame = JSON.stringify({ ...msg, rid });
      this.sent.push({ type: String(msg.type), bytes: Buffer.byteLength(frame) });
      this.socket.send(frame);
    });
  }

  /** Wait for a pushed message matching `match` (taken out of `pushed`): woken by each message, not polled. */
  waitFor<T extends ServerMessage>(match: (m: ServerMessage) => m is T, timeoutMs = 10_000): Promise<T> {
    const take = (): T | undefined => {
      const i = this.pushed.findIndex(match);
      return i >= 0 ? (this.pushed.splice(i, 1)[0] as T) : undefined;
    };
    const now = take();
    if (now) return Promise.resolve(now);
    return new Promise<T>((resolve, reject) => {
      const onMessage = () => {
        // Runs after the constructor's handler has filed the message under `pushed`.
        const found = take();
        if (!found) return;
        cleanup();
        resolve(found);
      };
      const timer = setTimeout(() => {
        cleanup();
        reject(new Error('timed out waiting for a pushed message'));
      }, timeoutMs);
      const cleanup = () => {
        clearTimeout(timer);
        this.socket.off('message', onMessage);
      };
      this.socket.on('message', onMessage);
    });
  }

  /** Open a slip as the ballot page does; returns what the page seals its ballot with. */
  async openSlip(slip: SlipHandle, opts: SlipKeyOptions = {}): Promise<Extract<ServerMessage, { type: 'slip' }>['session']> {
    const key = opts.key ?? (await slipKey(slip, opts.native));
    const reply = await this.request({ type: 'slip.open', slipId: slip.id, proof: slipProof(key) });
    if (reply.type !== 'slip') throw new Error(`slip.open refused: ${JSON.stringify(reply)}`);
    return reply.session;
  }

  close(): void {
    this.socket.close();
  }
}

export interface SlipCast {
  slipId: string;
  nonce: string;
  sealed: string;
  auth: string;
  proof: string;
  /** The tracking code the phone shows after "recorded". */
  receipt: string;
}

/**
 * How a script gets a slip's key: `native` derives it with node:crypto (fast, for bulk
 * simulations), otherwise with @noble/hashes as the phone does; `key` passes one already
 * derived, as the page derives it once for both `slip.open` and the cast.
 */
export interface SlipKeyOptions {
  native?: boolean;
  key?: Uint8Array;
}

async function slipKey(slip: SlipHandle, native: boolean | undefined): Promise<Uint8Array> {
  return native ? new Uint8Array(await deriveSlipKeyNative(slip.id, slip.secret)) : deriveSlipKey(slip.id, slip.secret);
}

/** The slip's key, derived once (see `SlipKeyOptions`). */
export function deriveKeyOf(slip: SlipHandle, opts: { native?: boolean } = {}): Promise<Uint8Array> {
  return slipKey(slip, opts.native);
}

/**
 * Seal a ballot for a slip, exactly as the ballot page does. `native` derives the slip key
 * with node:crypto (fast, for bulk simulations); otherwise with @noble/hashes, as the phone.
 */
export async function sealBallot(
  slip: SlipHandle,
  box: BallotBox,
  marks: Record<string, string | null>,
  opts: SlipKeyOptions = {},
): Promise<SlipCast> {
  const key = opts.key ?? (await slipKey(slip, opts.native));
  return { slipId: slip.id, ...sealCast(key, slip.id, box, marks), proof: slipProof(key) };
}

/** Seal arbitrary plaintext bytes (to test what the box does with a malformed ballot). */
export async function sealRawBallot(slip: SlipHandle, box: BallotBox, plaintext: Uint8Array, opts: { native?: boolean } = {}): Promise<SlipCast> {
  const key = await slipKey(slip, opts.native);
  return { slipId: slip.id, ...sealPlaintext(key, slip.id, box, plaintext), proof: slipProof(key) };
}

/** The cast message of a sealed ballot. */
export function castMessage(cast: SlipCast) {
  return { type: 'cast' as const, slipId: cast.slipId, nonce: cast.nonce, sealed: cast.sealed, auth: cast.auth };
}
