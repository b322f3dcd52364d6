/**
 * Publishing results and switching live results: the two decisions that let per-person
 * counts leave the secretariat's console. Plain functions taking `db` first; given `actor`
 * each records itself in the audit log in its own transaction; the routes tell the hub.
 */
import type { Kysely } from 'kysely';
import { AppError } from '../../shared/errors';
import type { Database } from '../db/schema';
import { nowIso } from './ids';
import { audit } from './audit';
import { assertBoxReadable, computeResults, scrubOrderTraces } from './lifecycle';
import { getSession } from './sessions';

/**
 * Publish a closed session's results; refused while a paper sheet waits for its second
 * entry (`paper-pending`). Publishing twice keeps the first time and reports
 * `already`, so a double click or a retry after a lost reply is harmless.
 */
export async function publishResults(
  db: Kysely<Database>,
  sessionId: string,
  actor?: string,
): Promise<{ publishedAt: string; already: boolean }> {
  const outcome = await db.transaction().execute(async (trx) => {
    const session = await getSession(trx, sessionId);
    if (session.state !== 'closed') throw new AppError('session-not-closed');
    if (session.publishedAt !== null) return { publishedAt: session.publishedAt, already: true };
    assertBoxReadable(session);
    // Publishing ends paper keying: a sheet keyed only once would be left out of the results.
    const pending = await trx.selectFrom('paper_entries').select('id').where('session_id', '=', sessionId).executeTakeFirst();
    if (pending) throw new AppError('paper-pending');
    const publishedAt = nowIso();
    await trx.updateTable('vote_sessions').set({ published_at: publishedAt }).where('id', '=', sessionId).execute();
    if (actor !== undefined) {
      const results = await computeResults(trx, sessionId);
      await audit(trx, { sessionId, actor, event: 'results.published', detail: { collected: results.collected.total, issued: results.issued.total } });
    }
    return { publishedAt, already: false };
  });
  // Paper ballots may have been keyed after close (and a cleanup may be pending): scrub again.
  if (!outcome.already) await scrubOrderTraces(db, sessionId);
  return outcome;
}

/**
 * Turn live results on or off. Sensitive presets (Party, army) refuse unless the
 * secretariat overrides explicitly. Given `actor`, a change is audited in the same
 * transaction, with whether the override was what allowed it; that is also returned.
 */
export async function setLiveResults(
  db: Kysely<Database>,
  sessionId: string,
  enabled: boolean,
  override: boolean,
  actor?: string,
): Promise<{ overridden: boolean; changed: boolean }> {
  return db.transaction().execute(async (trx) => {
    const session = await getSession(trx, sessionId);
    if (enabled && session.state === 'closed') throw new AppError('session-already-closed');
    // Live results need a box the server can read.
    if (enabled && session.sealed) throw new AppError('box-live-results');
    const overridden = enabled && session.preset.sensitive;
    if (overridden && !override) throw new AppError('live-results-refused');
    const changed = session.liveResults !== enabled;
    if (changed) await trx.updateTable('vote_sessions').set({ live_results: enabled ? 1 : 0 }).where('id', '=', sessionId).execute();
    if (changed && actor !== undefined) {
      await audit(trx, { sessionId, actor, event: 'live-results.changed', detail: { enabled, override: overridden } });
    }
    return { overridden, changed };
  });
}
