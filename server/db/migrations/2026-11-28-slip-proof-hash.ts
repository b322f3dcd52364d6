import { sql, type Kysely } from 'kysely';

// Frozen in time: never edit a migration that has shipped; add a new one.
// A used slip of a closed vote keeps sha256 of its proof instead of its secret and key.
export async function up(db: Kysely<any>): Promise<void> {
  await sql`alter table slips add column proof_hash blob`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`alter table slips drop column proof_hash`.execute(db);
}
