/**
 * Collected ballots: writing one (a paper ballot keyed at the desk) or many (the phone
 * ballots, as the box is opened) and reading a session's for the tally. A ballot row keeps
 * nothing that points back to a slip. The phone cast itself is in cast-commit.ts (group
 * commit on prepared statements).
 */
import { randomBytes } from 'node:crypto';
import { sql, type Kysely, type Transaction } from 'kysely';
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
  // The marks a statement at a time, never all of a large box's rows at once.
  let rows: { ballot_id: Buffer; person_id: string; level: string | null }[] = [];
  for (let i = 0; i < ballots.length; i++) {
    for (const [person_id, level] of Object.entries(ballots[i]!)) rows.push({ ballot_id: ids[i]!, person_id, level });
    if (rows.length >= ROWS_PER_INSERT || (i === ballots.length - 1 && rows.length > 0)) {
      await trx.insertInto('marks').values(rows).execute();
      rows = [];
    }
  }
}

/** Between a mark's person and level, and between marks, in `loadBallots`' rows: never in an id. */
const UNIT = '\x1f';
const RECORD = '\x1e';

/**
 * Every collected ballot of a session, for the tally. Order is the random key order. One row
 * a ballot, its marks folded into one text by SQLite: a row (and an id buffer) a mark held
 * 30 MB more while a 5,000-ballot, 15-person box was counted.
 */
export async function loadBallots(db: Kysely<Database>, sessionId: string): Promise<TallyBallot[]> {
  const { rows } = await sql<{ source: 'phone' | 'paper'; marks: string | null }>`
    select b.source as source,
           group_concat(m.person_id || char(31) || coalesce(m.level, ''), char(30)) as marks
      from ballots b left join marks m on m.ballot_id = b.id
     where b.session_id = ${sessionId}
     group by b.id
     order by b.id`.execute(db);
  return rows.map((row) => {
    const marks: Record<string, string | null> = {};
    if (row.marks !== null) {
      for (const mark of row.marks.split(RECORD)) {
        const at = mark.indexOf(UNIT);
        const level = mark.slice(at + 1);
        marks[mark.slice(0, at)] = level === '' ? null : level;
      }
    }
    return { source: row.source, marks };
  });
}
