/**
 * A data file left by any earlier version opens: migrated to each earlier latest migration,
 * it migrates on to the newest. Kysely refuses a migration whose name sorts before one the
 * file has already run, so a new migration named out of order fails here, not at a conference.
 */
import Sqlite from 'better-sqlite3';
import { Kysely, Migrator, SqliteDialect } from 'kysely';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { getSession } from '../domain/sessions';
import { migrations } from './migrations/index';
import { openDatabase } from './open';

describe('upgrading a data file', () => {
  it('opens a file at every earlier latest migration and keeps its vote, with no locality', async () => {
    const names = Object.keys(migrations);
    for (const last of names.slice(0, -1)) {
      const dir = mkdtempSync(join(tmpdir(), 'tinnhiem-upgrade-'));
      const file = join(dir, 'old.db');
      const raw = new Sqlite(file);
      const old = new Kysely<any>({ dialect: new SqliteDialect({ database: raw }) });
      const { error } = await new Migrator({ db: old, provider: { getMigrations: async () => migrations } }).migrateTo(last);
      expect(error, last).toBeUndefined();
      raw.exec(`insert into vote_sessions (id, title, organisation, place, held_on, preset_id, preset_json, base, summoned, present, state, display_key, created_at)
        values ('old-session-1', 'Hội nghị cũ', 'Đảng ủy', 'Hội trường A', '2025-01-02', 'qd96-2023', '{}', 'collected', 9, 9, 'draft', 'k', '2025-01-02T01:00:00Z')`);
      await old.destroy();

      const { db } = await openDatabase(file);
      const applied = await db.selectFrom('kysely_migration' as never).select('name' as never).execute();
      expect(applied.map((r) => (r as { name: string }).name), last).toEqual(names);
      const session = await getSession(db, 'old-session-1');
      expect(session.place).toBe('Hội trường A');
      expect(session.locality).toBe('');
      await db.destroy();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
