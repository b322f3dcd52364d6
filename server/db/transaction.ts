/**
 * Run `work` in a transaction: a new one on a Kysely instance, or the caller's own when `db`
 * already is a transaction (Kysely has no nested transactions). So a domain step that is
 * one transaction on its own can also be one part of a larger one (duplicating a vote).
 */
import type { Kysely, Transaction } from 'kysely';
import type { Database } from './schema';

export function inTransaction<T>(db: Kysely<Database>, work: (trx: Transaction<Database>) => Promise<T>): Promise<T> {
  return db.isTransaction ? work(db as Transaction<Database>) : db.transaction().execute(work);
}
