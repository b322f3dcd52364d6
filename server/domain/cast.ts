/**
 * Opening a slip for its ballot page, and forgetting used slips' keys at close. The cast itself
 * is in cast-commit.ts (group commit on prepared statements); collected ballots are written and
 * read in ballots.ts.
 */
import { timingSafeEqual } from 'node:crypto';
import type { Kysely, Transaction } from 'kysely';
import { AppError } from '../../shared/errors';
import type { BallotSessionView, SlipOpenMessage } from '../../shared/protocol';
import { slipProof } from '../../shared/seal';
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
