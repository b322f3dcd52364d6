/**
 * A damaged, foreign or unwritable data file is refused at start with a message that names
 * the path and says what to do, and is left byte for byte as it was (no -wal/-shm either).
 */
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import Sqlite from 'better-sqlite3';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { buildApp, ROOT_DIR } from './app';
import { castBallots } from '../test/results';
import { DatabaseFileError, openDatabase } from './db/open';
import { prepareSession, startTestServer, TEST_PASSWORD } from '../test/server';

const dirs: string[] = [];
afterAll(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});
function tempDir(): string {
  const d = mkdtempSync(join(tmpdir(), 'tinnhiem-file-'));
  dirs.push(d);
  return d;
}
const digest = (file: string) => createHash('sha256').update(readFileSync(file)).digest('hex');

/** A real data file with a vote in it (ballots, marks, slips), closed cleanly. */
async function votedFile(): Promise<string> {
  const dir = tempDir();
  const server = await startTestServer({}, dir);
  const { session, persons, slips } = await prepareSession(server.admin, { persons: 3, slips: 30, sealed: false });
  await server.admin.call('POST /api/admin/sessions/:id/open', { params: { id: session.id }, body: {} });
  await castBallots(server.url, session.id, slips, slips.map(() => Object.fromEntries(persons.map((p) => [p.id, 'high']))));
  await server.admin.call('POST /api/admin/sessions/:id/close', { params: { id: session.id } });
  await server.app.close();
  return server.dbFile;
}

/** Start the real entry point on `dataDir` and return how it ended. */
function start(dataDir: string) {
  const run = spawnSync(process.execPath, ['--import', 'tsx', join(ROOT_DIR, 'server/main.ts')], {
    cwd: ROOT_DIR,
    env: { ...process.env, PORT: '0', HOST: '127.0.0.1', DATA_DIR: dataDir, ADMIN_PASSWORD: 'file-test-pw', LOG_LEVEL: 'warn' },
    encoding: 'utf8',
    timeout: 60_000,
  });
  return { status: run.status, stderr: run.stderr };
}

describe('the data file at start', () => {
  it('a file whose table pages are damaged is refused, untouched, with its path and what to do', async () => {
    const file = await votedFile();
    const db = new Sqlite(file, { readonly: true });
    const pageSize = db.pragma('page_size', { simple: true }) as number;
    const roots = db.prepare(`select name, rootpage from sqlite_master where name in ('marks', 'ballots', 'slips')`).all() as { name: string; rootpage: number }[];
    db.close();
    expect(roots).toHaveLength(3);
    const bytes = readFileSync(file);
    // Random bytes over the pages of ballots, marks and slips (past their page headers).
    let seed = 7;
    for (const { rootpage } of roots) {
      const at = (rootpage - 1) * pageSize;
      for (let i = 16; i < pageSize; i++) bytes[at + i] = (seed = (seed * 1103515245 + 12345) & 0x7fffffff) & 255;
    }
    writeFileSync(file, bytes);
    const before = digest(file);
    const sidecars = ['-wal', '-shm'].map((x) => existsSync(file + x));
    const run = start(join(file, '..'));
    expect(run.status).toBe(1);
    expect(run.stderr).toContain('database-damaged');
    expect(run.stderr).toContain(file);
    expect(run.stderr).toContain('Tệp dữ liệu bị hỏng');
    expect(run.stderr).toContain('Restore a backup');
    expect(digest(file)).toBe(before);
    expect(['-wal', '-shm'].map((x) => existsSync(file + x))).toEqual(sidecars);
  });

  it('another program\'s SQLite file, or a file that is not SQLite at all, is refused as foreign', async () => {
    const dir = tempDir();
    const other = join(dir, 'tinnhiem.db');
    const db = new Sqlite(other);
    db.exec('create table contacts (name text); insert into contacts values (\'x\')');
    db.close();
    const before = digest(other);
    await expect(openDatabase(other)).rejects.toMatchObject({ code: 'database-foreign', file: other });
    expect(digest(other)).toBe(before);
    expect(existsSync(`${other}-wal`)).toBe(false);
    const text = join(tempDir(), 'tinnhiem.db');
    writeFileSync(text, 'Danh sách đại biểu\n'.repeat(200));
    await expect(openDatabase(text)).rejects.toBeInstanceOf(DatabaseFileError);
    await expect(openDatabase(text)).rejects.toMatchObject({ code: 'database-foreign' });
    expect(readFileSync(text, 'utf8')).toBe('Danh sách đại biểu\n'.repeat(200));
  });

  it('a data folder that cannot be made is refused with its path', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'not-a-folder'), 'x');
    const file = join(dir, 'not-a-folder', 'tinnhiem.db');
    await expect(openDatabase(file)).rejects.toMatchObject({ code: 'database-unwritable', file });
  });

  it('a good file opened again with the same password is left byte for byte as it was', async () => {
    const file = await votedFile();
    const before = digest(file);
    const again = await buildApp({ dbFile: file, adminPassword: TEST_PASSWORD });
    await again.close();
    expect(digest(file)).toBe(before);
  });
});
