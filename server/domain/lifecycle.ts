/** Opening and closing voting, and the tally of a session. */
import { sql, type Kysely } from 'kysely';
import { AppError } from '../../shared/errors';
import { quorumMet } from '../../shared/presets';
import { tally, type TallyResult } from '../../shared/tally';
import type { Database } from '../db/schema';
import { boxFingerprint } from '../../shared/box';
import { listReceipts, prepareUnsealedBox } from './box';
import { loadBallots } from './ballots';
import { forgetUsedSlipKeys } from './cast';
import { audit } from './audit';
import { nowIso } from './ids';
import { countIssuedSlips, getSession, getTurnout, listPersons, type SessionRecord } from './sessions';

/**
 * Open voting. Below quorum it refuses unless `overrideQuorum` is set. Given `actor`, the
 * override and the opening are audited in the opening's own transaction.
 */
export async function openSession(
  db: Kysely<Database>,
  sessionId: string,
  overrideQuorum: boolean,
  actor?: string,
): Promise<{ quorumMet: boolean }> {
  return db.transaction().execute(async (trx) => {
    const session = await getSession(trx, sessionId);
    if (session.state !== 'draft') throw new AppError(session.state === 'closed' ? 'session-already-closed' : 'session-not-draft');
    if ((await listPersons(trx, sessionId)).length === 0) throw new AppError('no-persons');
    const slips = await trx
      .selectFrom('slips')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('session_id', '=', sessionId)
      .where('state', '=', 'unused')
      .executeTakeFirstOrThrow();
    if (Number(slips.n) === 0 && session.paperIssued === 0) throw new AppError('no-slips');
    const met = quorumMet(session.preset, session.present, session.summoned);
    if (!met && !overrideQuorum) throw new AppError('quorum-not-met', { quorum: `${session.preset.quorum.num}/${session.preset.quorum.den}` });
    // A sealed box must have been sealed to the committee; an unsealed one gets its key now.
    if (session.sealed && session.box.publicKey === null) throw new AppError('box-not-sealed');
    if (!session.sealed) await prepareUnsealedBox(trx, sessionId);
    await trx
      .updateTable('vote_sessions')
      .set({ state: 'open', opened_at: nowIso(), quorum_override: met ? 0 : 1 })
      .where('id', '=', sessionId)
      .execute();
    if (actor !== undefined) {
      if (!met) await audit(trx, { sessionId, actor, event: 'quorum.override', detail: { summoned: session.summoned, present: session.present } });
      await audit(trx, { sessionId, actor, event: 'session.opened' });
    }
    return { quorumMet: met };
  });
}

/**
 * Close voting for good, forgetting the keys of used slips. Then fold the WAL into the main file and rebuild it, so the file
 * keeps no trace of the order in which ballots arrived.
 */
export async function closeSession(db: Kysely<Database>, sessionId: string, actor: string): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const session = await getSession(trx, sessionId);
    if (session.state === 'closed') throw new AppError('session-already-closed');
    if (session.state !== 'open') throw new AppError('session-not-open');
    // An unsealed box's key is needed only while casts arrive: every ballot it took is already plaintext.
    await trx.updateTable('vote_sessions').set({ state: 'closed', closed_at: nowIso(), box_secret: null }).where('id', '=', sessionId).execute();
    await forgetUsedSlipKeys(trx, sessionId);
    // An unsealed box is complete at close: its fingerprint covers the codes it took.
    if (!session.sealed && session.box.publicKey) {
      const codes = await listReceipts(trx, sessionId);
      const fingerprint = boxFingerprint(Buffer.from(session.box.publicKey, 'base64url'), codes);
      await trx.updateTable('vote_sessions').set({ box_fingerprint: fingerprint }).where('id', '=', sessionId).execute();
    }
    // Recorded in the closing transaction, so that the cleanup below leaves the WAL empty.
    const turnout = await getTurnout(trx, sessionId);
    await audit(trx, { sessionId, actor, event: 'session.closed', detail: { collected: turnout.collected, issued: turnout.issued } });
  });
  await scrubOrderTraces(db, sessionId, actor);
}

/** How long a checkpoint waits for a reader to let go, per attempt. */
const CHECKPOINT_WAIT_MS = 200;

async function checkpointTruncated(db: Kysely<Database>): Promise<boolean> {
  const { rows } = await sql<{ busy: number; log: number; checkpointed: number }>`pragma wal_checkpoint(TRUNCATE)`.execute(db);
  return rows[0]?.busy === 0;
}

/**
 * Checkpoint and truncate the WAL, VACUUM (rows rewritten in key order), and truncate again;
 * and prove it: when another program holds the file open (a backup tool, a SQLite browser)
 * the checkpoint cannot finish. Tried three times; if it still cannot, the session is marked
 * (`traces_pending`, shown in the console, audited) and the cleanup is tried again at the next
 * step (opening the box, publishing, or the console's "clean again"). Returns whether it is clean.
 */
export async function scrubOrderTraces(db: Kysely<Database>, sessionId: string, actor = 'Hệ thống'): Promise<boolean> {
  let clean = false;
  await sql.raw(`pragma busy_timeout = ${CHECKPOINT_WAIT_MS}`).execute(db);
  try {
    for (let attempt = 0; attempt < 3 && !clean; attempt++) {
      if (!(await checkpointTruncated(db))) continue;
      try {
        await sql`vacuum`.execute(db);
      } catch {
        continue;
      }
      clean = await checkpointTruncated(db);
    }
  } finally {
    await sql`pragma busy_timeout = 5000`.execute(db);
  }
  const session = await getSession(db, sessionId);
  if (clean !== !session.tracesPending) {
    await db.transaction().execute(async (trx) => {
      await trx.updateTable('vote_sessions').set({ traces_pending: clean ? 0 : 1 }).where('id', '=', sessionId).execute();
      await audit(trx, { sessionId, actor, event: clean ? 'traces.scrubbed' : 'traces.pending' });
    });
    // The note itself went through the WAL: fold it in too, if the way is clear now.
    if (clean) await checkpointTruncated(db);
  }
  return clean;
}

/** Results of a sealed session exist only once the committee has opened its box. */
export function assertBoxReadable(session: SessionRecord): void {
  if (session.sealed && session.box.openedAt === null) throw new AppError('box-locked');
}

/** The tally of a session under its own copy of the preset. */
export async function computeResults(db: Kysely<Database>, sessionId: string): Promise<TallyResult> {
  const session = await getSession(db, sessionId);
  assertBoxReadable(session);
  const persons = await listPersons(db, sessionId);
  const ballots = await loadBallots(db, sessionId);
  return tally(
    {
      summoned: session.summoned,
      present: session.present,
      issued: { phone: await countIssuedSlips(db, sessionId), paper: session.paperIssued },
      base: session.base,
      persons: persons.map((p) => ({ id: p.id, fullName: p.fullName, position: p.position })),
    },
    ballots,
    session.preset,
  );
}
