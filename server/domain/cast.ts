/**
 * Opening a slip, writing collected ballots, and reading them for the tally. The cast itself
 * is in cast-commit.ts (group commit on prepared statements). A ballot row keeps nothing that
 * points back to a slip.
 */
import { randomBytes, timingSafeEqual } from 'node:crypto';
import type { Kysely, Transaction } from 'kysely';
import { AppError } from '../../shared/errors';
import type { BallotSessionView, SlipOpenMessage } from '../../shared/protocol';
import { slipProof } from '../../shared/seal';
import type { TallyBallot } from '../../shared/tally';
import type { Database } from '../db/schema';
import { sha256 } from './cast-commit';
import { secretsEqual } from './ids';
import { ballotView, getSession, listPersons } from './sessions';

export { sha256 };

async function findSlip(db: Kysely<Database>, slipId: string) {
  return db
    .selectFrom('slips')
    .select(['id', 'session_id', 'seal_key', 'state', 'nonce_hash', 'proof_hash'])
    .where('id', '=', slipId)
    .executeTakeFirst();
}

export interface OpenedSlip {
  slipId: string;
  state: 'unused' | 'used';
  session: BallotSessionView;
}

/**
 * Open a slip for its ballot page. The proof shows the secret is known; an unknown slip and
 * a wrong proof give the same answer, so slip ids cannot be probed.
 */
export async function openSlip(db: Kysely<Database>, msg: Pick<SlipOpenMessage, 'slipId' | 'proof'>): Promise<OpenedSlip> {
  const slip = await findSlip(db, msg.slipId);
  if (!slip) throw new AppError('slip-unknown');
  const proven = slip.proof_hash ? timingSafeEqual(sha256(msg.proof), slip.proof_hash) : secretsEqual(msg.proof, slipProof(slip.seal_key));
  if (!proven) throw new AppError('slip-unknown');
  if (slip.state === 'void') throw new AppError('slip-void');
  const session = await getSession(db, slip.session_id);
  return { slipId: slip.id, state: slip.state, session: await ballotView(db, session) };
}

/** Insert one collected ballot with a mark row per person (null: no valid mark). */
export async function insertBallot(
  trx: Transaction<Database>,
  sessionId: string,
  source: 'phone' | 'paper',
  marks: Record<string, string | null>,
): Promise<void> {
  const id = randomBytes(16);
  await trx.insertInto('ballots').values({ id, session_id: sessionId, source }).execute();
  const rows = Object.entries(marks).map(([person_id, level]) => ({ ballot_id: id, person_id, level }));
  if (rows.length > 0) await trx.insertInto('marks').values(rows).execute();
}

/** Every collected ballot of a session, for the tally. Order is the random key order. */
export async function loadBallots(db: Kysely<Database>, sessionId: string): Promise<TallyBallot[]> {
  const rows = await db
    .selectFrom('ballots')
    .leftJoin('marks', 'marks.ballot_id', 'ballots.id')
    .select(['ballots.id as id', 'ballots.source as source', 'marks.person_id as personId', 'marks.level as level'])
    .where('ballots.session_id', '=', sessionId)
    .orderBy('ballots.id')
    .execute();
  const byId = new Map<string, TallyBallot>();
  for (const row of rows) {
    const key = row.id.toString('hex');
    let ballot = byId.get(key);
    if (!ballot) {
      ballot = { source: row.source, marks: {} };
      byId.set(key, ballot);
    }
    if (row.personId !== null) ballot.marks[row.personId] = row.level;
  }
  return [...byId.values()];
}

/**
 * When voting closes, a used slip's secret and key are no longer needed: a retry is
 * recognised by its nonce, and the page that opens the slip again by its proof. Keeping
 * them would let whoever holds the database file open sealed ballots captured on the
 * Wi-Fi; so each used slip keeps sha256(proof) instead. Call inside the closing transaction.
 */
export async function forgetUsedSlipKeys(trx: Transaction<Database>, sessionId: string): Promise<void> {
  const used = await trx
    .selectFrom('slips')
    .select(['id', 'seal_key'])
    .where('session_id', '=', sessionId)
    .where('state', '=', 'used')
    .where('proof_hash', 'is', null)
    .execute();
  for (const slip of used) {
    await trx
      .updateTable('slips')
      .set({ secret: '', seal_key: Buffer.alloc(0), proof_hash: sha256(slipProof(slip.seal_key)) })
      .where('id', '=', slip.id)
      .execute();
  }
}
