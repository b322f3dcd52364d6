/**
 * Collected ballots: writing one (a paper ballot keyed at the desk) or many (the phone
 * ballots, as the box is opened) and reading a session's for the tally. A ballot row keeps nothing that points
 * back to a slip. The phone cast itself is in cast-commit.ts (group commit on prepared statements).
 */
import { randomBytes } from 'node:crypto';
import type { Kysely, Transaction } from 'kysely';
import type { TallyBallot } from '../../shared/tally';
import type { Database } from '../db/schema';

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

/** Rows a multi-row insert carries at most (three values each, far under SQLite's 32,766). */
const ROWS_PER_INSERT = 500;

/**
 * Insert many collected ballots (a sealed box's, as it is opened), in the order given (shuffled
 * by the caller, under random ids), a few hundred rows a statement instead of two statements
 * a ballot.
 */
export async function insertBallots(
  trx: Transaction<Database>,
  sessionId: string,
  source: 'phone' | 'paper',
  ballots: readonly Record<string, string | null>[],
): Promise<void> {
  const ids = ballots.map(() => randomBytes(16));
  for (let i = 0; i < ids.length; i += ROWS_PER_INSERT) {
    await trx
      .insertInto('ballots')
      .values(ids.slice(i, i + ROWS_PER_INSERT).map((id) => ({ id, session_id: sessionId, source })))
      .execute();
  }
  const marks = ballots.flatMap((m, i) => Object.entries(m).map(([person_id, level]) => ({ ballot_id: ids[i]!, person_id, level })));
  for (let i = 0; i < marks.length; i += ROWS_PER_INSERT) {
    await trx.insertInto('marks').values(marks.slice(i, i + ROWS_PER_INSERT)).execute();
  }
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
