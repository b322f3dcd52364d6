/**
 * Live results, enforced by the server: while a session with live results is open, its
 * per-person counts are pushed at most every `minIntervalMs` and only once `minBallots`
 * new ballots have come in since the last push, so no single ballot can be read off the
 * difference between two screens. A display that subscribes later gets the last snapshot
 * pushed, never a fresh count (that could differ from the last one by a single ballot).
 *
 * The ballot count of the last push is kept in the settings table, so the rule survives a
 * restart: the snapshot itself is gone then, and a fresh one may be taken (and shown) only
 * once `minBallots` ballots have come in since the count that was last on screen.
 */
import type { Kysely } from 'kysely';
import type { ServerMessage } from '../../shared/protocol';
import type { TallyResult } from '../../shared/tally';
import type { Database } from '../db/schema';
import { computeResults } from './lifecycle';
import { findSession, getTurnout } from './sessions';

export interface LiveResultsOptions {
  /** New ballots needed since the last push. */
  minBallots?: number;
  /** Least time between two pushes. */
  minIntervalMs?: number;
  /** The clock; tests may pass their own. */
  now?: () => number;
  /** Run `fn` once, `ms` from now by that clock; returns a cancel. Tests pass one they fire by hand. */
  schedule?: (fn: () => void, ms: number) => () => void;
}

function realTimer(fn: () => void, ms: number): () => void {
  const timer = setTimeout(fn, ms);
  timer.unref?.();
  return () => clearTimeout(timer);
}

interface SessionState {
  /** Ballots collected when counts were last pushed (0 before the first push). */
  lastCollected: number;
  lastPushAt: number;
  /** The counts last pushed; null after a restart until the next push. */
  snapshot: TallyResult | null;
  /** Cancels the pending re-check, if one is scheduled. */
  timer: (() => void) | null;
}

export const LIVE_MIN_BALLOTS = 5;
export const LIVE_MIN_INTERVAL_MS = 5000;

/** Settings key holding the ballot count of a session's last live push. */
export const liveSettingKey = (sessionId: string) => `live-results.last-collected.${sessionId}`;

export class LiveResultsGate {
  private readonly sessions = new Map<string, SessionState>();
  private readonly minBallots: number;
  private readonly minIntervalMs: number;
  private readonly now: () => number;
  private readonly scheduleAt: (fn: () => void, ms: number) => () => void;
  private readonly busy = new Set<string>();
  /** Sessions whose ballots changed during a check: checked again when it ends. */
  private readonly again = new Set<string>();

  constructor(
    private readonly db: Kysely<Database>,
    /** Sends a message to the displays and consoles of a session. */
    private readonly push: (sessionId: string, msg: ServerMessage) => void,
    options: LiveResultsOptions = {},
  ) {
    this.minBallots = options.minBallots ?? LIVE_MIN_BALLOTS;
    this.minIntervalMs = options.minIntervalMs ?? LIVE_MIN_INTERVAL_MS;
    this.now = options.now ?? Date.now;
    this.scheduleAt = options.schedule ?? realTimer;
  }

  /** The session's gate state; the first time after a start, the last pushed count is read back. */
  private async state(sessionId: string): Promise<SessionState> {
    const known = this.sessions.get(sessionId);
    if (known) return known;
    const row = await this.db.selectFrom('settings').select('value').where('key', '=', liveSettingKey(sessionId)).executeTakeFirst();
    const saved = row ? Number(row.value) : 0;
    // The time of the last push is not kept: spacing starts again from the restart, the safe side.
    const fresh: SessionState = {
      lastCollected: Number.isFinite(saved) ? saved : 0,
      lastPushAt: row ? this.now() : Number.NEGATIVE_INFINITY,
      snapshot: null,
      timer: null,
    };
    // Another call may have loaded it while this one waited.
    const raced = this.sessions.get(sessionId);
    if (raced) return raced;
    this.sessions.set(sessionId, fresh);
    return fresh;
  }

  /** Called after every turnout broadcast; pushes when the rules allow, or schedules a check. */
  async onTurnout(turnout: { sessionId: string; state: string; collected: number }): Promise<void> {
    const s = await this.state(turnout.sessionId);
    if (turnout.state !== 'open') {
      this.clearTimer(s);
      return;
    }
    if (turnout.collected - s.lastCollected < this.minBallots) return;
    await this.check(turnout.sessionId);
  }

  /**
   * Re-read the session and push if every rule holds now; when only the spacing is missing,
   * check again once it has passed. Resolves true when counts were pushed.
   */
  async check(sessionId: string): Promise<boolean> {
    // One check at a time per session, so two racing checks cannot both push; a ballot that
    // arrives meanwhile is not lost, the session is checked again afterwards.
    if (this.busy.has(sessionId)) {
      this.again.add(sessionId);
      return false;
    }
    this.busy.add(sessionId);
    try {
      const s = await this.state(sessionId);
      const session = await findSession(this.db, sessionId);
      if (!session || session.state !== 'open' || !session.liveResults) return false;
      const { collected } = await getTurnout(this.db, sessionId);
      if (collected - s.lastCollected < this.minBallots) return false;
      const wait = s.lastPushAt + this.minIntervalMs - this.now();
      if (wait > 0) {
        this.schedule(sessionId, s, wait);
        return false;
      }
      const results = await computeResults(this.db, sessionId);
      // Written before anything is shown: a crash in between errs on the safe side.
      const value = String(results.collected.total);
      await this.db
        .insertInto('settings')
        .values({ key: liveSettingKey(sessionId), value })
        .onConflict((oc) => oc.column('key').doUpdateSet({ value }))
        .execute();
      s.lastCollected = results.collected.total;
      s.lastPushAt = this.now();
      s.snapshot = results;
      this.push(sessionId, { type: 'results', sessionId, live: true, results });
      return true;
    } finally {
      this.busy.delete(sessionId);
      if (this.again.delete(sessionId)) this.check(sessionId).catch(() => undefined);
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

  /**
   * What a display (or console) that has just subscribed should get: after a restart there is
   * no snapshot in memory, so a fresh one is taken if the rules allow it (it is then pushed to
   * every subscriber, this one included, and null is returned); otherwise the last snapshot.
   */
  async forSubscriber(sessionId: string): Promise<TallyResult | null> {
    if (!this.sessions.get(sessionId)?.snapshot && (await this.check(sessionId))) return null;
    return this.lastSnapshot(sessionId);
  }

  /** Live results were switched on: push fresh counts if allowed, else show the last ones again. */
  async enabled(sessionId: string): Promise<void> {
    if (await this.check(sessionId)) return;
    const snapshot = await this.lastSnapshot(sessionId);
    // The same counts as were already on screen: nothing new can be read off them.
    if (snapshot) this.push(sessionId, { type: 'results', sessionId, live: true, results: snapshot });
  }

  /**
   * Live results were switched off: every screen drops its live counts now. The count of the
   * last push is kept, so switching on again still needs 5 new ballots for fresh counts.
   */
  withdraw(sessionId: string): void {
    const s = this.sessions.get(sessionId);
    if (s) this.clearTimer(s);
    this.push(sessionId, { type: 'results-withdrawn', sessionId });
  }

  private schedule(sessionId: string, s: SessionState, wait: number): void {
    if (s.timer) return;
    s.timer = this.scheduleAt(() => {
      s.timer = null;
      this.check(sessionId).catch(() => undefined);
    }, wait);
  }

  private clearTimer(s: SessionState): void {
    s.timer?.();
    s.timer = null;
  }

  /** Stop every pending timer (the app is closing). */
  close(): void {
    for (const s of this.sessions.values()) this.clearTimer(s);
  }
}
