/**
 * Live results, enforced by the server: while a session with live results is open, its
 * per-person counts are pushed at most every `minIntervalMs` and only once `minBallots`
 * new ballots have come in since the last push, so no single ballot can be read off the
 * difference between two screens. A display that subscribes later gets the last snapshot
 * pushed, never a fresh count (that could differ from the last one by a single ballot).
 */
import type { Kysely } from 'kysely';
import type { ServerMessage, Turnout } from '../../shared/protocol';
import type { TallyResult } from '../../shared/tally';
import type { Database } from '../db/schema';
import { computeResults } from './lifecycle';
import { findSession } from './sessions';

export interface LiveResultsOptions {
  /** New ballots needed since the last push. */
  minBallots?: number;
  /** Least time between two pushes. */
  minIntervalMs?: number;
  /** The clock; tests may pass their own. */
  now?: () => number;
}

interface SessionState {
  lastCollected: number;
  lastPushAt: number;
  snapshot: TallyResult | null;
  timer: ReturnType<typeof setTimeout> | null;
}

export const LIVE_MIN_BALLOTS = 5;
export const LIVE_MIN_INTERVAL_MS = 5000;

export class LiveResultsGate {
  private readonly sessions = new Map<string, SessionState>();
  private readonly minBallots: number;
  private readonly minIntervalMs: number;
  private readonly now: () => number;
  private busy = new Set<string>();

  constructor(
    private readonly db: Kysely<Database>,
    /** Sends a results message to the displays and consoles of a session. */
    private readonly push: (sessionId: string, msg: ServerMessage) => void,
    options: LiveResultsOptions = {},
  ) {
    this.minBallots = options.minBallots ?? LIVE_MIN_BALLOTS;
    this.minIntervalMs = options.minIntervalMs ?? LIVE_MIN_INTERVAL_MS;
    this.now = options.now ?? Date.now;
  }

  private state(sessionId: string): SessionState {
    let s = this.sessions.get(sessionId);
    if (!s) this.sessions.set(sessionId, (s = { lastCollected: 0, lastPushAt: Number.NEGATIVE_INFINITY, snapshot: null, timer: null }));
    return s;
  }

  /** Called after every turnout broadcast; pushes when the rules allow, or schedules a check. */
  async onTurnout(turnout: Turnout): Promise<void> {
    const s = this.state(turnout.sessionId);
    if (turnout.state !== 'open') {
      this.clearTimer(s);
      return;
    }
    if (turnout.collected - s.lastCollected < this.minBallots) return;
    const wait = s.lastPushAt + this.minIntervalMs - this.now();
    if (wait > 0) {
      if (!s.timer) {
        s.timer = setTimeout(() => {
          s.timer = null;
          void this.check(turnout.sessionId);
        }, wait);
        s.timer.unref?.();
      }
      return;
    }
    await this.check(turnout.sessionId);
  }

  /** Re-read the session and push if every rule holds now. */
  async check(sessionId: string): Promise<void> {
    // One check at a time per session, so two racing checks cannot both push.
    if (this.busy.has(sessionId)) return;
    this.busy.add(sessionId);
    try {
      const s = this.state(sessionId);
      const session = await findSession(this.db, sessionId);
      if (!session || session.state !== 'open' || !session.liveResults) return;
      if (s.lastPushAt + this.minIntervalMs > this.now()) return;
      const results = await computeResults(this.db, sessionId);
      if (results.collected.total - s.lastCollected < this.minBallots) return;
      s.lastCollected = results.collected.total;
      s.lastPushAt = this.now();
      s.snapshot = results;
      this.push(sessionId, { type: 'results', sessionId, live: true, results });
    } finally {
      this.busy.delete(sessionId);
    }
  }

  /** The last snapshot pushed, for a display that subscribes later; null when none may be shown. */
  async lastSnapshot(sessionId: string): Promise<TallyResult | null> {
    const snapshot = this.sessions.get(sessionId)?.snapshot ?? null;
    if (!snapshot) return null;
    const session = await findSession(this.db, sessionId);
    if (!session || session.state !== 'open' || !session.liveResults) return null;
    return snapshot;
  }

  private clearTimer(s: SessionState): void {
    if (s.timer) clearTimeout(s.timer);
    s.timer = null;
  }

  /** Stop every pending timer (the app is closing). */
  close(): void {
    for (const s of this.sessions.values()) this.clearTimer(s);
  }
}
