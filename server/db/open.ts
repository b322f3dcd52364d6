import Sqlite from 'better-sqlite3';
import { Kysely, Migrator, SqliteDialect } from 'kysely';
import { chmodSync, existsSync, mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { migrations } from './migrations/index';
import type { Database } from './schema';

export interface OpenedDatabase {
  db: Kysely<Database>;
  sqlite: Sqlite.Database;
}

/**
 * Open (creating if needed) the SQLite file, set it up for durability, and migrate it.
 * WAL with synchronous=FULL: a commit is on disk before the phone is told "recorded".
 */
export async function openDatabase(file: string): Promise<OpenedDatabase> {
  if (file !== ':memory:') {
    // The data folder is the ballot box's room: only the server's own user may enter it.
    const dir = dirname(file);
    if (!existsSync(dir)) mkdirSync(dir, { recursive: true, mode: 0o700 });
  }
  const sqlite = new Sqlite(file);
  // The database and its -wal/-shm (SQLite gives them the database's mode) readable by this user only.
  if (file !== ':memory:') chmodSync(file, 0o600);
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('synchronous = FULL');
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma('busy_timeout = 5000');
  // Deleted rows (pending paper entries, logged-out tokens) are overwritten, not left in free pages.
  sqlite.pragma('secure_delete = ON');
  const db = new Kysely<Database>({ dialect: new SqliteDialect({ database: sqlite }) });
  const migrator = new Migrator({ db, provider: { getMigrations: async () => migrations } });
  const { error, results } = await migrator.migrateToLatest();
  const failed = results?.find((r) => r.status === 'Error');
  if (error || failed) {
    await db.destroy();
    throw new Error(`database migration failed${failed ? ` at ${failed.migrationName}` : ''}: ${String(error)}`);
  }
  return { db, sqlite };
}
