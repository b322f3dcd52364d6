/**
 * Paper ballots keyed twice. Operator A keys a sheet: it waits as a pending entry. Operator
 * B, a different person, keys the same sheet blind (the pending content is never sent back)
 * against that entry. Identical entries record one ballot exactly like a phone ballot and
 * delete the pending entry; different entries discard both, because neither can be trusted
 * over the other: the committee re-reads the sheet and both key it again.
 *
 * Keying is allowed while voting is open and after close until results are published:
 * in the hall, paper ballots are counted after the box is closed.
 */
import type { Kysely, Transaction } from 'kysely';
import { AppError } from '../../shared/errors';
import type { Database } from '../db/schema';
import { audit } from './audit';
import { insertBallot } from './ballots';
import { randomSymbols } from '../../shared/slip-code';
import { countBallots, getSession, listPersons, type SessionRecord } from './sessions';

export interface PaperSheet {
  /** The whole sheet is invalid (e.g. not issued by the committee, names struck out). */
  invalidSheet: boolean;
  /** For each person, a level id, or null: no valid mark for this person. */
  marks: Record<string, string | null>;
}

export interface PendingEntry {
  id: string;
  operator: string;
}

export interface PaperStatus {
  issued: number;
  collected: number;
  pending: PendingEntry[];
}

export type KeyOutcome = { status: 'pending'; entryId: string } | { status: 'recorded'; collected: number };

function assertKeyable(session: SessionRecord): void {
  if (session.publishedAt !== null) throw new AppError('session-published');
  if (session.state === 'draft') throw new AppError('session-not-open');
}

function paperCollected(db: Kysely<Database>, sessionId: string): Promise<number> {
  return countBallots(db, sessionId, 'paper');
}

/** Counts and pending entries (who keyed them, never what). Ordered by random id. */
export async function paperStatus(db: Kysely<Database>, sessionId: string): Promise<PaperStatus> {
  const session = await getSession(db, sessionId);
  const pending = await db
    .selectFrom('paper_entries')
    .select(['id', 'operator'])
    .where('session_id', '=', sessionId)
    .orderBy('id')
    .execute();
  return { issued: session.paperIssued, collected: await paperCollected(db, sessionId), pending };
}

/** Check the sheet against the session and return it in one canonical form for comparison. */
export function canonicalSheet(sheet: PaperSheet, personIds: readonly string[], levelIds: readonly string[]): PaperSheet {
  const levels = new Set(levelIds);
  const marks: Record<string, string | null> = {};
  const given = Object.keys(sheet.marks);
  if (given.some((id) => !personIds.includes(id))) throw new AppError('paper-bad-marks');
  for (const id of personIds) {
    if (sheet.invalidSheet) {
      marks[id] = null;
      continue;
    }
    if (!(id in sheet.marks)) throw new AppError('paper-bad-marks');
    const level = sheet.marks[id] ?? null;
    if (level !== null && !levels.has(level)) throw new AppError('paper-bad-marks');
    marks[id] = level;
  }
  return { invalidSheet: sheet.invalidSheet, marks };
}

function sameSheet(a: PaperSheet, b: PaperSheet): boolean {
  if (a.invalidSheet !== b.invalidSheet) return false;
  const keys = Object.keys(a.marks);
  return keys.length === Object.keys(b.marks).length && keys.every((k) => a.marks[k] === b.marks[k]);
}

async function assertRoom(trx: Transaction<Database>, session: SessionRecord, extraPending: number): Promise<void> {
  const collected = await paperCollected(trx, session.id);
  if (collected + extraPending + 1 > session.paperIssued) throw new AppError('paper-limit');
}

/**
 * Key one sheet. Without `pendingId` it is a first entry; with it, the second entry of that
 * sheet. Throws paper-mismatch (both entries discarded) when they differ.
 */
export async function keyPaperSheet(
  db: Kysely<Database>,
  sessionId: string,
  operator: string,
  sheet: PaperSheet,
  pendingId?: string,
): Promise<KeyOutcome> {
  const outcome = await db.transaction().execute(async (trx): Promise<KeyOutcome | 'mismatch'> => {
    const session = await getSession(trx, sessionId);
    assertKeyable(session);
    const persons = await listPersons(trx, sessionId);
    const clean = canonicalSheet(
      sheet,
      persons.map((p) => p.id),
      session.preset.levels.map((l) => l.id),
    );
    if (pendingId === undefined) {
      const pending = await trx
        .selectFrom('paper_entries')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('session_id', '=', sessionId)
        .executeTakeFirstOrThrow();
      await assertRoom(trx, session, Number(pending.n));
      // Short, unambiguous symbols: the committee pencils this id on the sheet for the second entry.
      let entryId = randomSymbols(5);
      while (await trx.selectFrom('paper_entries').select('id').where('id', '=', entryId).executeTakeFirst()) entryId = randomSymbols(5);
      await trx.insertInto('paper_entries').values({ id: entryId, session_id: sessionId, operator, content: JSON.stringify(clean) }).execute();
      return { status: 'pending', entryId };
    }
    const first = await trx
      .selectFrom('paper_entries')
      .select(['id', 'operator', 'content'])
      .where('id', '=', pendingId)
      .where('session_id', '=', sessionId)
      .executeTakeFirst();
    if (!first) throw new AppError('paper-entry-gone');
    if (first.operator === operator) throw new AppError('paper-same-operator');
    await trx.deleteFrom('paper_entries').where('id', '=', first.id).execute();
    // The operator who keys the second entry is the one the log names, in the same transaction.
    if (!sameSheet(JSON.parse(first.content) as PaperSheet, clean)) {
      await audit(trx, { sessionId, actor: operator, event: 'paper.discarded', detail: { count: 2, reason: 'mismatch' } });
      return 'mismatch';
    }
    await assertRoom(trx, session, 0);
    await insertBallot(trx, sessionId, 'paper', clean.marks);
    const collected = await paperCollected(trx, sessionId);
    await audit(trx, { sessionId, actor: operator, event: 'paper.keyed', detail: { count: 1, paperCollected: collected } });
    return { status: 'recorded', collected };
  });
  // The discard is committed before the error goes back, so neither entry survives.
  if (outcome === 'mismatch') throw new AppError('paper-mismatch');
  return outcome;
}

/** Withdraw a pending first entry (keyed by mistake); given `actor`, audited in the same transaction. */
export async function discardPending(db: Kysely<Database>, sessionId: string, entryId: string, actor?: string): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const result = await trx.deleteFrom('paper_entries').where('id', '=', entryId).where('session_id', '=', sessionId).executeTakeFirst();
    if (Number(result.numDeletedRows) !== 1) throw new AppError('paper-entry-gone');
    if (actor !== undefined) await audit(trx, { sessionId, actor, event: 'paper.discarded', detail: { count: 1, reason: 'withdrawn' } });
  });
}

/** Set the number of paper ballots handed out; never below those already collected. Given `actor`, audited in the same transaction. */
export async function setPaperIssued(db: Kysely<Database>, sessionId: string, count: number, actor?: string): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const session = await getSession(trx, sessionId);
    // Like keying, until results are published: the count of sheets handed out is often
    // confirmed only when the box is opened.
    if (session.publishedAt !== null) throw new AppError('session-published');
    if (count < (await paperCollected(trx, sessionId))) throw new AppError('paper-issued-too-low');
    await trx.updateTable('vote_sessions').set({ paper_issued: count }).where('id', '=', sessionId).execute();
    if (actor !== undefined) await audit(trx, { sessionId, actor, event: 'session.updated', detail: { fields: ['paperIssued'], paperIssued: count } });
  });
}
