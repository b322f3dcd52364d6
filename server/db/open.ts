import Sqlite from 'better-sqlite3';
import { Kysely, Migrator, SqliteDialect } from 'kysely';
import { chmodSync, closeSync, existsSync, mkdirSync, openSync, readSync, rmSync, statSync } from 'node:fs';
import { dirname } from 'node:path';
import { migrations } from './migrations/index';
import type { Database } from './schema';

/** A data file the server will not use, with the path a person must act on. */
export class DatabaseFileError extends Error {
  constructor(
    readonly code: 'database-damaged' | 'database-foreign' | 'database-unwritable',
    readonly file: string,
    readonly detail: string,
  ) {
    super(`${code}: ${file} (${detail})`);
    this.name = 'DatabaseFileError';
  }
}

const SQLITE_HEADER = 'SQLite format 3\0';

function startsAsSqlite(file: string): boolean {
  const fd = openSync(file, 'r');
  try {
    const buf = Buffer.alloc(16);
    return readSync(fd, buf, 0, 16, 0) === 16 && buf.toString('latin1') === SQLITE_HEADER;
  } finally {
    closeSync(fd);
  }
}

/**
 * Before anything writes to an existing file: open it read-only and check it is a tinnhiem
 * database in one piece (`PRAGMA quick_check`). A damaged or foreign file is refused and left
 * as it was, without the -wal/-shm files a read-only look leaves behind.
 */
export function checkExistingFile(file: string): void {
  if (!existsSync(file) || statSync(file).size === 0) return;
  const litter = ['-wal', '-shm'].filter((suffix) => !existsSync(file + suffix));
  let ro: Sqlite.Database | undefined;
  try {
    ro = new Sqlite(file, { readonly: true, fileMustExist: true });
    const tables = (ro.prepare(`select name from sqlite_master where type = 'table'`).all() as { name: string }[]).map((t) => t.name);
    if (tables.length > 0 && !tables.includes('kysely_migration')) throw new DatabaseFileError('database-foreign', file, 'no tinnhiem tables');
    const problems = (ro.pragma('quick_check') as { quick_check: string }[]).map((r) => r.quick_check);
    if (problems[0] !== 'ok') throw new DatabaseFileError('database-damaged', file, problems.slice(0, 3).join('; '));
  } catch (err) {
    if (err instanceof DatabaseFileError) throw err;
    const code = (err as { code?: string }).code ?? '';
    if (code === 'SQLITE_NOTADB' && !startsAsSqlite(file)) throw new DatabaseFileError('database-foreign', file, 'not an SQLite file');
    if (code === 'SQLITE_CANTOPEN' || code === 'SQLITE_READONLY') throw new DatabaseFileError('database-unwritable', file, code);
    throw new DatabaseFileError('database-damaged', file, code || (err as Error).message);
  } finally {
    ro?.close();
    for (const suffix of litter) rmSync(file + suffix, { force: true });
  }
}

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
    try {
      if (!existsSync(dir)) mkdirSync(dir, { recursive: true, mode: 0o700 });
    } catch (err) {
      throw new DatabaseFileError('database-unwritable', file, (err as { code?: string }).code ?? 'mkdir');
    }
    checkExistingFile(file);
  }
  let sqlite: Sqlite.Database;
  try {
    sqlite = new Sqlite(file);
    sqlite.pragma('journal_mode = WAL');
  } catch (err) {
    throw new DatabaseFileError('database-unwritable', file, (err as { code?: string }).code ?? (err as Error).message);
  }
  // The database and its -wal/-shm (SQLite gives them the database's mode) readable by this user only.
  if (file !== ':memory:') chmodSync(file, 0o600);
  sqlite.pragma('synchronous = FULL');
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma('busy_timeout = 5000');
  // Deleted rows (pending paper entries, logged-out tokens) are overwritten, not left in free pages.
  sqlite.pragma('secure_delete = ON');
  // SQLite's own default page cache, 2 MiB, not the 16 MiB better-sqlite3 builds it with: a
  // hall's file fits the system's file cache anyway, and each connection (this one, the cast
  // worker's) filled its 16 MiB as closing and opening the box read the whole file.
  sqlite.pragma('cache_size = -2000');
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
