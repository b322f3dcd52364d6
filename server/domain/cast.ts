/**
 * Opening a slip and casting its one ballot. `castBallot` runs inside one transaction:
 * check, mark the slip used, insert the ballot and its marks, commit — and only then may
 * the caller acknowledge. The ballot row keeps nothing that points back to the slip.
 */
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import type { Kysely, Transaction } from 'kysely';
import { AppError } from '../../shared/errors';
import { castAuth, decodeBallot, fromBase64Url, openFromBox, SEALED_TEXT_LENGTH } from '../../shared/box';
import type { BallotSessionView, CastMessage, SlipOpenMessage } from '../../shared/protocol';
import { slipProof } from '../../shared/seal';
import type { TallyBallot } from '../../shared/tally';
import type { Database } from '../db/schema';
import { insertSealedBallot } from './box';
import { secretsEqual } from './ids';
import { ballotView, getSession, listPersons } from './sessions';

export function sha256(text: string): Buffer {
  return createHash('sha256').update(text).digest();
}

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
  if (!slip) throw new AppError('slip-unknown', 404);
  const proven = slip.proof_hash ? timingSafeEqual(sha256(msg.proof), slip.proof_hash) : secretsEqual(msg.proof, slipProof(slip.seal_key));
  if (!proven) throw new AppError('slip-unknown', 404);
  if (slip.state === 'void') throw new AppError('slip-void', 410);
  const session = await getSession(db, slip.session_id);
  return { slipId: slip.id, state: slip.state, session: await ballotView(db, session) };
}

export type CastOutcome = { sessionId: string; already: boolean };

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

/** An unsealed box's private key (null for a sealed box, whose key is never stored). */
async function unsealedBoxKey(trx: Transaction<Database>, sessionId: string): Promise<Buffer | null> {
  const row = await trx.selectFrom('vote_sessions').select('box_secret').where('id', '=', sessionId).executeTakeFirstOrThrow();
  return row.box_secret;
}

/**
 * Cast a sealed ballot: call inside a transaction. The slip's key authenticates the cast;
 * a sealed box stores the ciphertext it cannot read, an unsealed box decrypts it now. A
 * retry with the same nonce after a lost acknowledgement is "already recorded"; any other
 * second use of the slip is refused.
 */
export async function castBallot(trx: Transaction<Database>, msg: Pick<CastMessage, 'slipId' | 'nonce' | 'sealed' | 'auth'>): Promise<CastOutcome> {
  const slip = await findSlip(trx, msg.slipId);
  if (!slip) throw new AppError('slip-unknown', 404);
  const nonceHash = sha256(msg.nonce);
  // A retry of the accepted cast: the nonce, known only to that phone, is its proof.
  if (slip.state === 'used' && slip.nonce_hash && timingSafeEqual(slip.nonce_hash, nonceHash)) return { sessionId: slip.session_id, already: true };
  // A used slip of a closed vote has no key left (see forgetUsedSlipKeys): it stays used.
  if (slip.proof_hash) throw new AppError('slip-used', 409);
  // The authenticator proves the secret is known; until then nothing is said about the
  // slip's state, so that polling short slip ids cannot tell when a slip was used.
  if (!secretsEqual(msg.auth, castAuth(slip.seal_key, slip.session_id, slip.id, msg.nonce, msg.sealed))) throw new AppError('bad-seal');
  if (slip.state === 'void') throw new AppError('slip-void', 410);
  if (slip.state === 'used') throw new AppError('slip-used', 409);
  const session = await getSession(trx, slip.session_id);
  if (session.state !== 'open') throw new AppError('session-not-open', 409);
  if (msg.sealed.length !== SEALED_TEXT_LENGTH) throw new AppError('bad-ballot');
  const sealed = fromBase64Url(msg.sealed);
  let marks: Record<string, string | null> | null = null;
  if (!session.sealed) {
    const key = await unsealedBoxKey(trx, session.id);
    const plain = key && openFromBox(session.id, key, sealed);
    const persons = await listPersons(trx, session.id);
    marks = plain && decodeBallot(plain, persons.map((p) => p.id), session.preset.levels.map((l) => l.id));
    if (!marks) throw new AppError('bad-ballot');
  }
  const updated = await trx
    .updateTable('slips')
    .set({ state: 'used', nonce_hash: nonceHash })
    .where('id', '=', slip.id)
    .where('state', '=', 'unused')
    .executeTakeFirst();
  if (Number(updated.numUpdatedRows) !== 1) throw new AppError('slip-used', 409);
  if (marks) await insertBallot(trx, session.id, 'phone', marks);
  else await insertSealedBallot(trx, session.id, sealed);
  return { sessionId: session.id, already: false };
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
