import Sqlite from 'better-sqlite3';
import { Kysely, Migrator, SqliteDialect } from 'kysely';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { findPreset } from '../../shared/presets';
import { computeResults } from '../domain/lifecycle';
import { listSessions } from '../domain/sessions';
import { migrations } from './migrations/index';
import { openDatabase } from './open';

describe('migrations', () => {
  it('are date-prefixed and run in order', () => {
    const names = Object.keys(migrations);
    expect(names.length).toBeGreaterThan(0);
    for (const n of names) expect(n).toMatch(/^\d{4}-\d{2}-\d{2}-[a-z0-9-]+$/);
    expect([...names].sort()).toEqual(names);
  });

  it('a database written by the first version opens, migrates to the latest and keeps its votes', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'tinnhiem-migrate-'));
    const file = join(dir, 'old.db');
    // Write a database as the first version left it: only the first migration, with a closed vote.
    const first = Object.keys(migrations)[0]!;
    const raw = new Sqlite(file);
    const old = new Kysely<any>({ dialect: new SqliteDialect({ database: raw }) });
    const migrator = new Migrator({ db: old, provider: { getMigrations: async () => migrations } });
    const { error } = await migrator.migrateTo(first);
    expect(error).toBeUndefined();
    const preset = findPreset('qd96-2023')!;
    raw.exec(`insert into vote_sessions (id, title, organisation, place, held_on, preset_id, preset_json, base, summoned, present, state, display_key, created_at, closed_at)
      values ('old-session-1', 'Hội nghị cũ', 'Đảng ủy', 'Huế', '2025-01-02', 'qd96-2023', '${JSON.stringify(preset).replace(/'/g, "''")}', 'collected', 9, 9, 'closed', 'k', '2025-01-02T01:00:00Z', '2025-01-02T02:00:00Z')`);
    raw.exec(`insert into persons (id, session_id, position_order, full_name, position) values ('p1', 'old-session-1', 1, 'Phạm Văn Đồng', 'Bí thư')`);
    raw.exec(`insert into slips (id, session_id, secret, seal_key, state) values ('AB12', 'old-session-1', 'SECRET7', x'00', 'used')`);
    for (const [i, level] of ['low', 'low', 'high'].entries()) {
      raw.exec(`insert into ballots (id, session_id, source) values (x'0${i}', 'old-session-1', 'phone')`);
      raw.exec(`insert into marks (ballot_id, person_id, level) values (x'0${i}', 'p1', '${level}')`);
    }
    await old.destroy();

    const { db } = await openDatabase(file);
    const applied = await db.selectFrom('kysely_migration' as any).select('name' as any).execute();
    expect(applied.map((r: any) => r.name)).toEqual(Object.keys(migrations));
    const [session] = await listSessions(db);
    expect(session).toMatchObject({ id: 'old-session-1', title: 'Hội nghị cũ', state: 'closed' });
    const results = await computeResults(db, 'old-session-1');
    expect(results.persons[0]).toMatchObject({ counts: { high: 1, medium: 0, low: 2 }, collected: 3 });
    expect(results.persons[0]!.thresholds.map((t) => t.id)).toEqual(['low-two-thirds']);
    await db.destroy();
    // Opening again is a no-op.
    const again = await openDatabase(file);
    await again.db.destroy();
    rmSync(dir, { recursive: true, force: true });
  });
});
