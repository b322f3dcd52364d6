import { sql, type Kysely } from 'kysely';

// Frozen in time: never edit a migration that has shipped; add a new one.
// Set when closing could not fold the WAL into the file (another program held it open):
// the console says so, and the cleanup is tried again.
export async function up(db: Kysely<any>): Promise<void> {
  await sql`alter table vote_sessions add column traces_pending integer not null default 0`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`alter table vote_sessions drop column traces_pending`.execute(db);
}
