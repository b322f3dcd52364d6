import { sql, type Kysely } from 'kysely';

// Frozen in time: never edit a migration that has shipped; add a new one.
// The locality (địa danh) the minutes' place-and-date line names ("Huế, ngày … tháng … năm …"),
// apart from the venue (địa điểm), which stays in the body. Votes from before it have none:
// their minutes leave the locality to be written in by hand.
export async function up(db: Kysely<any>): Promise<void> {
  await sql`alter table vote_sessions add column locality text not null default ''`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`alter table vote_sessions drop column locality`.execute(db);
}
