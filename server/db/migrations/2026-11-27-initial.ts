import { sql, type Kysely } from 'kysely';

// Frozen in time: never edit a migration that has shipped; add a new one.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('settings')
    .addColumn('key', 'text', (c) => c.primaryKey())
    .addColumn('value', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('admin_sessions')
    .addColumn('token_hash', 'text', (c) => c.primaryKey())
    .addColumn('operator', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('expires_at', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('vote_sessions')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('organisation', 'text', (c) => c.notNull())
    .addColumn('place', 'text', (c) => c.notNull())
    .addColumn('held_on', 'text', (c) => c.notNull())
    .addColumn('preset_id', 'text', (c) => c.notNull())
    .addColumn('preset_json', 'text', (c) => c.notNull())
    .addColumn('base', 'text', (c) => c.notNull())
    .addColumn('summoned', 'integer', (c) => c.notNull().check(sql`summoned >= 0`))
    .addColumn('present', 'integer', (c) => c.notNull().check(sql`present >= 0`))
    .addColumn('state', 'text', (c) => c.notNull().check(sql`state in ('draft','open','closed')`))
    .addColumn('quorum_override', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('live_results', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('paper_issued', 'integer', (c) => c.notNull().defaultTo(0).check(sql`paper_issued >= 0`))
    .addColumn('display_key', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('opened_at', 'text')
    .addColumn('closed_at', 'text')
    .addColumn('published_at', 'text')
    .execute();

  await db.schema
    .createTable('persons')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('session_id', 'text', (c) => c.notNull().references('vote_sessions.id').onDelete('cascade'))
    .addColumn('position_order', 'integer', (c) => c.notNull())
    .addColumn('full_name', 'text', (c) => c.notNull())
    .addColumn('position', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('persons_session').on('persons').columns(['session_id', 'position_order']).execute();

  await db.schema
    .createTable('committee_members')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('session_id', 'text', (c) => c.notNull().references('vote_sessions.id').onDelete('cascade'))
    .addColumn('member_order', 'integer', (c) => c.notNull())
    .addColumn('full_name', 'text', (c) => c.notNull())
    .addColumn('role', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('slips')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('session_id', 'text', (c) => c.notNull().references('vote_sessions.id').onDelete('cascade'))
    .addColumn('secret', 'text', (c) => c.notNull())
    .addColumn('seal_key', 'blob', (c) => c.notNull())
    .addColumn('state', 'text', (c) => c.notNull().check(sql`state in ('unused','used','void')`))
    .addColumn('nonce_hash', 'blob')
    .addColumn('printed', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();
  await db.schema.createIndex('slips_session').on('slips').columns(['session_id', 'state']).execute();

  // Random keys and WITHOUT ROWID: rows are stored in key order, not in casting order.
  await sql`create table ballots (
    id blob primary key not null,
    session_id text not null references vote_sessions(id) on delete cascade,
    source text not null check (source in ('phone','paper'))
  ) without rowid`.execute(db);
  await db.schema.createIndex('ballots_session').on('ballots').columns(['session_id', 'id']).execute();
  await sql`create table marks (
    ballot_id blob not null references ballots(id) on delete cascade,
    person_id text not null references persons(id) on delete cascade,
    level text,
    primary key (ballot_id, person_id)
  ) without rowid`.execute(db);

  await db.schema
    .createTable('paper_entries')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('session_id', 'text', (c) => c.notNull().references('vote_sessions.id').onDelete('cascade'))
    .addColumn('operator', 'text', (c) => c.notNull())
    .addColumn('content', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('audit_log')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('session_id', 'text', (c) => c.references('vote_sessions.id').onDelete('cascade'))
    .addColumn('at', 'text', (c) => c.notNull())
    .addColumn('actor', 'text', (c) => c.notNull())
    .addColumn('event', 'text', (c) => c.notNull())
    .addColumn('detail', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('audit_session').on('audit_log').columns(['session_id', 'id']).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const t of ['audit_log', 'paper_entries', 'marks', 'ballots', 'slips', 'committee_members', 'persons', 'vote_sessions', 'admin_sessions', 'settings']) {
    await db.schema.dropTable(t).execute();
  }
}
