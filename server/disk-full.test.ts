/**
 * A real full disk: the server's data folder on a small tmpfs, filled to the last byte while
 * voting is open. Casts are refused with `storage-full` (none falsely acknowledged), the log
 * says the real cause once, the consoles are told, and once space is freed the phones' same
 * casts are recorded. Mounting a tmpfs needs root, as CI runs; elsewhere the test is skipped.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, openSync, closeSync, rmSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { afterAll, describe, expect, it } from 'vitest';
import { castMessage, sealBallot, slipFromPath, WsClient } from '../scripts/lib/client';
import { prepareSession, startTestServer } from '../test/server';

const mountPoint = mkdtempSync(join(tmpdir(), 'tinnhiem-full-'));
let mounted = false;
try {
  execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=3m', 'tmpfs', mountPoint], { stdio: 'ignore' });
  mounted = true;
} catch {
  // Not root: no filesystem of our own to fill.
}
afterAll(() => {
  if (mounted) execFileSync('umount', [mountPoint]);
  rmSync(mountPoint, { recursive: true, force: true });
});

/** Write until the filesystem says ENOSPC. */
function fill(file: string): void {
  const fd = openSync(file, 'w');
  const chunk = Buffer.alloc(16 * 1024, 1);
  try {
    for (let i = 0; i < 10_000; i++) writeSync(fd, chunk);
  } catch (err) {
    expect((err as { code?: string }).code).toBe('ENOSPC');
  } finally {
    closeSync(fd);
  }
  // The last few bytes, one at a time.
  const fd2 = openSync(`${file}.tail`, 'w');
  try {
    for (let i = 0; i < 16 * 1024; i++) writeSync(fd2, Buffer.from([1]));
  } catch {
    // full
  } finally {
    closeSync(fd2);
  }
}

describe.skipIf(!mounted)('a full disk while voting is open', () => {
  it('refuses casts with storage-full, acknowledges none falsely, says why once, and records them once space is back', async () => {
    const lines: string[] = [];
    const stream = new Writable({
      write(chunk, _enc, done) {
        lines.push(chunk.toString());
        done();
      },
    });
    const dataDir = join(mountPoint, 'data');
    const server = await startTestServer({ logger: { level: 'info', stream }, dbFile: join(dataDir, 'tinnhiem.db') }, mountPoint);
    try {
      const { session, persons, slips } = await prepareSession(server.admin, { persons: 15, slips: 60 });
      await server.admin.call('POST /api/admin/sessions/:id/open', { params: { id: session.id }, body: {} });
      const box = await server.admin.ballotBox(session.id);
      const consoleWs = await WsClient.connect(server.url, { cookie: server.admin.cookieHeader });
      await consoleWs.request({ type: 'subscribe', sessionId: session.id });
      const casts = await Promise.all(slips.map((s) => sealBallot(slipFromPath(s.path), box, { [persons[0]!.id]: 'low' }, { native: true })));
      const phone = await WsClient.connect(server.url);
      // The WAL must grow to take a cast: start it empty, then leave no byte free.
      server.app.sqlite.pragma('wal_checkpoint(TRUNCATE)');
      fill(join(mountPoint, 'filler'));

      const acked: string[] = [];
      let refused: (typeof casts)[number] | undefined;
      let code: string | undefined;
      for (const c of casts) {
        const reply = await phone.request(castMessage(c));
        if (reply.type === 'recorded') acked.push(c.slipId);
        else {
          refused = c;
          code = reply.type === 'error' ? reply.code : reply.type;
          break;
        }
      }
      expect(refused, 'the disk never filled').toBeDefined();
      expect(code).toBe('storage-full');
      // A second refusal while still full is not logged again.
      expect(await phone.request(castMessage(refused!))).toMatchObject({ type: 'error', code: 'storage-full' });
      expect((await consoleWs.waitFor((m): m is Extract<typeof m, { type: 'storage' }> => m.type === 'storage')).full).toBe(true);
      const used = (await server.admin.call('GET /api/admin/sessions/:id/slips', { params: { id: session.id }, query: { state: 'used' } })).slips.map((s: { id: string }) => s.id);
      expect(used.sort()).toEqual([...acked].sort());

      rmSync(join(mountPoint, 'filler'));
      rmSync(join(mountPoint, 'filler.tail'));
      // The phone sends the very same cast again: now it is recorded, once.
      expect(await phone.request(castMessage(refused!))).toMatchObject({ type: 'recorded', already: false });
      expect((await consoleWs.waitFor((m): m is Extract<typeof m, { type: 'storage' }> => m.type === 'storage')).full).toBe(false);
      expect((await server.admin.call('GET /api/admin/sessions/:id/turnout', { params: { id: session.id } })).collected).toBe(acked.length + 1);
      phone.close();
      consoleWs.close();

      const log = lines.join('');
      expect(log.match(/disk full: casts are refused/g)).toHaveLength(1);
      expect(log).not.toContain('cannot rollback');
      expect(log).toContain('disk space is back');
    } finally {
      await server.app.close();
    }
  });
});
