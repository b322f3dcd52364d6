import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { AdminClient, sealBallot, slipFromPath, WsClient } from '../scripts/lib/client';
import { ROOT_DIR } from './app';
import { prepareSession } from '../test/server';

const PASSWORD = 'durability-test-pw';
const dir = mkdtempSync(join(tmpdir(), 'tinnhiem-kill-'));
const children: ChildProcess[] = [];
afterAll(() => {
  for (const c of children) c.kill('SIGKILL');
  rmSync(dir, { recursive: true, force: true });
});

/** Start the real entry point (`server/main.ts`) as its own process and read its URL. */
function startProcess(): Promise<{ child: ChildProcess; url: string }> {
  const child = spawn(process.execPath, ['--import', 'tsx', join(ROOT_DIR, 'server/main.ts')], {
    cwd: ROOT_DIR,
    env: { ...process.env, PORT: '0', HOST: '127.0.0.1', DATA_DIR: dir, ADMIN_PASSWORD: PASSWORD, LOG_LEVEL: 'warn' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  children.push(child);
  return new Promise((resolve, reject) => {
    let out = '';
    child.stdout!.on('data', (d: Buffer) => {
      out += d.toString();
      const m = /http:\/\/localhost:(\d+)\/admin/.exec(out);
      if (m) resolve({ child, url: `http://127.0.0.1:${m[1]}` });
    });
    child.once('exit', (code) => reject(new Error(`server exited early (${code}): ${out}`)));
  });
}

describe('durability', () => {
  it('every acknowledged ballot survives kill -9 of the server process', async () => {
    const first = await startProcess();
    const admin = new AdminClient(first.url);
    await admin.login(PASSWORD);
    const n = 40;
    const { session, persons, slips, shares } = await prepareSession(admin, { persons: 2, slips: n });
    await admin.call('POST /api/admin/sessions/:id/open', { params: { id: session.id }, body: {} });
    const box = await admin.ballotBox(session.id);

    const casts = await Promise.all(
      slips.map((s) => sealBallot(slipFromPath(s.path), box, { [persons[0]!.id]: 'low', [persons[1]!.id]: 'high' }, { native: true })),
    );
    const clients = await Promise.all(Array.from({ length: 8 }, () => WsClient.connect(first.url)));
    const acked = new Set<string>();
    let killed = false;
    // Fire every cast at once; kill the process (no chance to flush anything) after the 15th acknowledgement.
    await Promise.allSettled(
      casts.map(async (c, i) => {
        const reply = await clients[i % clients.length]!.request({ type: 'cast', slipId: c.slipId, nonce: c.nonce, sealed: c.sealed, auth: c.auth }, 5000);
        if (reply.type === 'recorded' && !killed) {
          acked.add(c.slipId);
          if (acked.size === 15) {
            killed = true;
            first.child.kill('SIGKILL');
          }
        }
      }),
    );
    await new Promise<void>((r) => (first.child.exitCode !== null || first.child.signalCode !== null ? r() : first.child.once('exit', () => r())));
    expect(acked.size).toBeGreaterThanOrEqual(15);

    const second = await startProcess();
    const again = new AdminClient(second.url);
    await again.login(PASSWORD);
    const { slips: used } = await again.call('GET /api/admin/sessions/:id/slips', { params: { id: session.id }, query: { state: 'used' } });
    const usedIds = new Set(used.map((s: { id: string }) => s.id));
    for (const id of acked) expect(usedIds.has(id)).toBe(true);
    const turnout = await again.call('GET /api/admin/sessions/:id/turnout', { params: { id: session.id } });
    // One ballot per used slip: nothing half-written.
    expect(turnout.collected).toBe(usedIds.size);
    expect(turnout.collected).toBeGreaterThanOrEqual(acked.size);
    // A phone that never heard back resends the same message: recorded, exactly once.
    const ws = await WsClient.connect(second.url);
    for (const c of casts) {
      const reply = await ws.request({ type: 'cast', slipId: c.slipId, nonce: c.nonce, sealed: c.sealed, auth: c.auth });
      expect(reply).toMatchObject({ type: 'recorded', already: usedIds.has(c.slipId) });
    }
    ws.close();
    expect((await again.call('GET /api/admin/sessions/:id/turnout', { params: { id: session.id } })).collected).toBe(n);

    // Opening the box, killed as the last share arrives: after a restart the box is either
    // opened already or still locked as it was — opened again, nothing is lost or doubled.
    await again.call('POST /api/admin/sessions/:id/close', { params: { id: session.id } });
    await again.openBox(session.id, [shares[0]!]);
    const lastShare = fetch(`${second.url}/api/admin/sessions/${session.id}/box/shares`, {
      method: 'POST',
      headers: { cookie: again.cookieHeader, 'content-type': 'application/json' },
      body: JSON.stringify({ code: shares[1] }),
    }).catch(() => null);
    second.child.kill('SIGKILL');
    await lastShare;
    await new Promise<void>((r) => (second.child.exitCode !== null || second.child.signalCode !== null ? r() : second.child.once('exit', () => r())));
    const third = await startProcess();
    const after = new AdminClient(third.url);
    await after.login(PASSWORD);
    const detail = await after.call('GET /api/admin/sessions/:id', { params: { id: session.id } });
    // Presented shares lived in the killed process's memory only.
    expect(detail.boxPresented).toEqual([]);
    if (detail.box.openedAt === null) {
      await expect(after.call('GET /api/admin/sessions/:id/results', { params: { id: session.id } })).rejects.toMatchObject({ code: 'box-locked' });
      expect((await after.openBox(session.id, [shares[2]!, shares[0]!])).opened).toBe(true);
    }
    const results = await after.call('GET /api/admin/sessions/:id/results', { params: { id: session.id } });
    expect(results.persons[0]).toMatchObject({ collected: n, counts: { low: n, medium: 0, high: 0 } });
    expect(results.persons[1]).toMatchObject({ collected: n, counts: { low: 0, medium: 0, high: n } });
    const receipts = await (await fetch(`${third.url}/api/receipts/${session.id}`)).json();
    expect([...receipts.codes].sort()).toEqual(casts.map((c) => c.receipt).sort());
    third.child.kill('SIGTERM');
    await new Promise((r) => third.child.once('exit', r));
    expect(third.child.exitCode).toBe(0);
  });
});
