/**
 * Limits against floods and probes, sized to the hall. Every phone of a laptop hotspot or of a
 * NAT'd venue network may reach the server from one address, so a per-address limit that
 * served one honest phone would lock out a hall of 2,000. The limits therefore grow with the
 * slips printed for votes not yet closed (`hall`): what 2,000 honest phones behind one
 * address do — one or two sockets each, a reconnect storm when the Wi-Fi blinks, a few
 * mistyped codes — stays inside them, while a stranger on a network with no vote prepared
 * gets a few dozen. docs/security.md "Limits" gives the numbers and the reasoning.
 *
 * Only failures are limited (unknown slips, wrong proofs, bad seals, bad messages): a message
 * that proves its slip is always served, so someone flooding from the hall's own address
 * cannot stop an honest ballot — at most their own failures are answered `rate-limited` and
 * their socket is closed.
 */

export interface FloodLimits {
  /** Open sockets for the whole server, whatever their address. */
  maxSockets: number;
  /** Per address: sockets allowed = base + perSlip × hall. */
  socketsBase: number;
  socketsPerSlip: number;
  /** Per address: new sockets per second (refill), with a burst of the socket allowance. */
  connectsPerSecondBase: number;
  connectsPerSecondPerSlip: number;
  /** Per address: failed slip.open / cast / subscribe messages, burst and refill per second. */
  failureBurstBase: number;
  failureBurstPerSlip: number;
  failuresPerSecondBase: number;
  failuresPerSecondPerSlip: number;
  /** Per address: HTTP requests to the ballot routes per minute (@fastify/rate-limit). */
  httpPerMinuteBase: number;
  httpPerMinutePerSlip: number;
}

export const DEFAULT_FLOOD_LIMITS: FloodLimits = {
  maxSockets: 20_000,
  socketsBase: 64,
  socketsPerSlip: 2,
  connectsPerSecondBase: 10,
  connectsPerSecondPerSlip: 0.1,
  failureBurstBase: 50,
  failureBurstPerSlip: 0.25,
  failuresPerSecondBase: 5,
  failuresPerSecondPerSlip: 0.01,
  httpPerMinuteBase: 300,
  httpPerMinutePerSlip: 5,
};

export type SocketRefusal = 'too-many-connections' | 'rate-limited';

/** A token bucket: `take` spends one token if there is one. */
class Bucket {
  private tokens: number;
  private at: number;
  constructor(capacity: number, now: number) {
    this.tokens = capacity;
    this.at = now;
  }
  take(capacity: number, perSecond: number, now: number): boolean {
    this.tokens = Math.min(capacity, this.tokens + ((now - this.at) / 1000) * perSecond);
    this.at = now;
    if (this.tokens < 1) return false;
    this.tokens -= 1;
    return true;
  }
  full(capacity: number, perSecond: number, now: number): boolean {
    return Math.min(capacity, this.tokens + ((now - this.at) / 1000) * perSecond) >= capacity;
  }
}

interface AddressState {
  sockets: number;
  connects: Bucket;
  failures: Bucket;
}

export class FloodGuard {
  private readonly addresses = new Map<string, AddressState>();
  private open = 0;
  private hall: number;
  private hallAt: number;

  /**
   * @param countHall the number of slips of votes not yet closed (read from the database)
   * @param now milliseconds; tests pass a clock they move by hand
   */
  constructor(
    private readonly countHall: () => number,
    readonly limits: FloodLimits = DEFAULT_FLOOD_LIMITS,
    private readonly now: () => number = Date.now,
  ) {
    this.hall = countHall();
    // Counted as if a second ago, so the first refusal recounts (slips issued since start).
    this.hallAt = now() - 1000;
  }

  /** Open sockets now, in all. */
  get sockets(): number {
    return this.open;
  }

  /** The hall as last counted. Recounted when a limit is about to refuse, at most once a second. */
  private hallSize(refusing: boolean): number {
    const now = this.now();
    if (refusing && now - this.hallAt >= 1000) {
      this.hall = this.countHall();
      this.hallAt = now;
    }
    return this.hall;
  }

  /** Slips of votes not yet closed, as last counted: what the allowances are sized by. */
  get hallSlips(): number {
    return this.hallSize(false);
  }

  /** Call when slips are issued or a vote closes, so the limits follow at once. */
  recountHall(): void {
    this.hall = this.countHall();
    this.hallAt = this.now();
  }

  private state(address: string): AddressState {
    let state = this.addresses.get(address);
    if (!state) {
      const now = this.now();
      state = { sockets: 0, connects: new Bucket(Number.MAX_SAFE_INTEGER, now), failures: new Bucket(Number.MAX_SAFE_INTEGER, now) };
      this.addresses.set(address, state);
    }
    return state;
  }

  private socketAllowance(hall: number): number {
    return Math.floor(this.limits.socketsBase + this.limits.socketsPerSlip * hall);
  }

  /** A new socket from `address`: admitted (and counted until `releaseSocket`), or why not. */
  admitSocket(address: string): SocketRefusal | null {
    if (this.open >= this.limits.maxSockets) return 'too-many-connections';
    const state = this.state(address);
    const l = this.limits;
    const check = (hall: number) => {
      const allowance = this.socketAllowance(hall);
      if (state.sockets >= allowance) return 'too-many-connections' as const;
      if (!state.connects.take(allowance, l.connectsPerSecondBase + l.connectsPerSecondPerSlip * hall, this.now())) return 'rate-limited' as const;
      return null;
    };
    let refusal = check(this.hallSize(false));
    if (refusal) refusal = check(this.hallSize(true));
    if (refusal) {
      this.forgetIfIdle(address, state);
      return refusal;
    }
    state.sockets++;
    this.open++;
    return null;
  }

  releaseSocket(address: string): void {
    const state = this.addresses.get(address);
    if (!state || state.sockets === 0) return;
    state.sockets--;
    this.open--;
    this.forgetIfIdle(address, state);
  }

  /** A failed message from `address`: true while within its allowance, false once over it. */
  failure(address: string): boolean {
    const state = this.state(address);
    const l = this.limits;
    const take = (hall: number) =>
      state.failures.take(Math.floor(l.failureBurstBase + l.failureBurstPerSlip * hall), l.failuresPerSecondBase + l.failuresPerSecondPerSlip * hall, this.now());
    return take(this.hallSize(false)) || take(this.hallSize(true));
  }

  /** Addresses with no socket and full buckets are forgotten, so the map stays small. */
  private forgetIfIdle(address: string, state: AddressState): void {
    if (state.sockets > 0) return;
    const hall = this.hall;
    const l = this.limits;
    const now = this.now();
    const allowance = this.socketAllowance(hall);
    if (
      state.connects.full(allowance, l.connectsPerSecondBase + l.connectsPerSecondPerSlip * hall, now) &&
      state.failures.full(Math.floor(l.failureBurstBase + l.failureBurstPerSlip * hall), l.failuresPerSecondBase + l.failuresPerSecondPerSlip * hall, now)
    ) {
      this.addresses.delete(address);
    }
  }
}
