/**
 * `npm run backup -- DIR` while the real server runs and voting is open: a consistent copy
 * that checks, holds every recorded ballot, warns that voting is open, and opens as a data
 * folder of its own (a restore).
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync, statSync, copyFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ROOT_DIR } from './app';
import { castBallots } from '../test/results';
import { prepareSession, startTestServer, TEST_PASSWORD } from '../test/server';

const dirs: string[] = [];
afterAll(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

describe('backup', () => {
  it('copies the data file consistently while voting is open, says so, and the copy restores', async () => {
    const server = await startTestServer();
    dirs.push(server.dir);
    const { session, persons, slips, shares } = await prepareSession(server.admin, { persons: 2, slips: 8 });
    await server.admin.call('POST /api/admin/sessions/:id/open', { params: { id: session.id }, body: {} });
    await castBallots(server.url, session.id, slips.slice(0, 5), slips.slice(0, 5).map(() => ({ [persons[0]!.id]: 'high' })));
    const target = join(mkdtempSync(join(tmpdir(), 'tinnhiem-backup-')), 'copies');
    dirs.push(join(target, '..'));
    const out = execFileSync(process.execPath, ['--import', 'tsx', join(ROOT_DIR, 'scripts/backup.ts'), target], {
      cwd: ROOT_DIR,
      env: { ...process.env, DATA_DIR: server.dir },
      encoding: 'utf8',
    });
    expect(out).toContain('Đang bỏ phiếu');
    expect(out).toContain('Voting is open');
    const [copy] = readdirSync(target);
    expect(copy).toMatch(/^tinnhiem-\d{4}-\d{2}-\d{2}T\d{2}-\d{2}-\d{2}\.db$/);
    expect(statSync(target).mode & 0o777).toBe(0o700);
    expect(statSync(join(target, copy!)).mode & 0o777).toBe(0o600);
    // The server goes on; the copy restores as a data folder of its own, with the 5 ballots.
    await server.close();
    const restored = mkdtempSync(join(tmpdir(), 'tinnhiem-restored-'));
    dirs.push(restored);
    mkdirSync(join(restored, 'data'));
    copyFileSync(join(target, copy!), join(restored, 'data', 'tinnhiem.db'));
    const again = await startTestServer({ dbFile: join(restored, 'data', 'tinnhiem.db'), adminPassword: TEST_PASSWORD }, restored);
    try {
      expect((await again.admin.call('GET /api/admin/sessions/:id/turnout', { params: { id: session.id } })).collected).toBe(5);
      await again.admin.call('POST /api/admin/sessions/:id/close', { params: { id: session.id } });
      await again.admin.openBox(session.id, shares.slice(0, 2));
      expect((await again.admin.call('GET /api/admin/sessions/:id/results', { params: { id: session.id } })).persons[0]!.counts.high).toBe(5);
    } finally {
      await again.close();
    }
  });
});
