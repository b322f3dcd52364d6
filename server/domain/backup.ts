/**
 * A consistent copy of the data file while the server runs: SQLite's online backup API
 * (through better-sqlite3), page by page, from a read-only connection of its own. The copy
 * is written 0600 in a folder made 0700, and is itself checked (`PRAGMA quick_check`).
 */
import Sqlite from 'better-sqlite3';
import { chmodSync, existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';

export interface BackupReport {
  file: string;
  /** Sessions whose voting is open at the moment of the copy: the copy holds what the folder holds now. */
  openSessions: { id: string; title: string; sealed: boolean }[];
  pages: number;
}

export async function backupDatabase(dbFile: string, targetDir: string, now = new Date()): Promise<BackupReport> {
  if (!existsSync(dbFile)) throw new Error(`no data file at ${dbFile}`);
  if (!existsSync(targetDir)) mkdirSync(targetDir, { recursive: true, mode: 0o700 });
  const stamp = now.toISOString().replace(/[:]/g, '-').replace(/\..+$/, '');
  const file = join(targetDir, `tinnhiem-${stamp}.db`);
  if (existsSync(file)) throw new Error(`${file} exists already`);
  const source = new Sqlite(dbFile, { readonly: true, fileMustExist: true });
  try {
    const openSessions = (source.prepare(`select id, title, sealed from vote_sessions where state = 'open'`).all() as { id: string; title: string; sealed: number }[]).map((s) => ({
      id: s.id,
      title: s.title,
      sealed: s.sealed === 1,
    }));
    const { totalPages } = await source.backup(file);
    chmodSync(file, 0o600);
    const copy = new Sqlite(file, { readonly: true });
    try {
      const check = copy.pragma('quick_check', { simple: true });
      if (check !== 'ok') throw new Error(`the copy does not check: ${String(check)}`);
    } finally {
      copy.close();
    }
    return { file, openSessions, pages: totalPages };
  } finally {
    source.close();
  }
}
