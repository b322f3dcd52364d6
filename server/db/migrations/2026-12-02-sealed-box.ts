import { sql, type Kysely } from 'kysely';

// Frozen in time: never edit a migration that has shipped; add a new one.
// The sealed ballot box (docs/security.md, section 0). Votes opened before this version
// were never sealed: they stay readable as they are (sealed = 0).
export async function up(db: Kysely<any>): Promise<void> {
  await sql`alter table vote_sessions add column sealed integer not null default 1`.execute(db);
  await sql`update vote_sessions set sealed = 0 where state != 'draft'`.execute(db);
  await sql`alter table vote_sessions add column box_public blob`.execute(db);
  await sql`alter table vote_sessions add column box_secret blob`.execute(db);
  await sql`alter table vote_sessions add column box_threshold integer`.execute(db);
  await sql`alter table vote_sessions add column box_sealed_at text`.execute(db);
  await sql`alter table vote_sessions add column box_opened_at text`.execute(db);
  await sql`alter table vote_sessions add column box_spoilt integer`.execute(db);
  await sql`alter table vote_sessions add column box_fingerprint text`.execute(db);
  // The members who hold a share, as named at sealing; only a hash of each share.
  await sql`create table box_holders (
    session_id text not null references vote_sessions(id) on delete cascade,
    holder_order integer not null,
    full_name text not null,
    role text not null,
    share_hash blob not null,
    primary key (session_id, holder_order)
  ) without rowid`.execute(db);
  // Ciphertexts while the box is locked: random ids, nothing else.
  await sql`create table sealed_ballots (
    id blob primary key,
    session_id text not null references vote_sessions(id) on delete cascade,
    sealed blob not null
  ) without rowid`.execute(db);
  await sql`create index sealed_ballots_session on sealed_ballots(session_id)`.execute(db);
  // Tracking codes of the opened box, stored in code order.
  await sql`create table receipts (
    session_id text not null references vote_sessions(id) on delete cascade,
    code text not null,
    primary key (session_id, code)
  ) without rowid`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`drop table receipts`.execute(db);
  await sql`drop table sealed_ballots`.execute(db);
  await sql`drop table box_holders`.execute(db);
  for (const c of ['box_fingerprint', 'box_spoilt', 'box_opened_at', 'box_sealed_at', 'box_threshold', 'box_secret', 'box_public', 'sealed']) {
    await sql.raw(`alter table vote_sessions drop column ${c}`).execute(db);
  }
}
