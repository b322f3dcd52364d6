/**
 * `npm run bench`: figures for speed and memory, printed, never asserted.
 * Builds the real app on a temporary SQLite file (synchronous=FULL, as in production) and
 * measures: issuing slips, a burst of concurrent sealed casts over real WebSockets, opening
 * the box, the tally of a large vote, the phone's key derivation in pure JS, and the server's memory.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { sealCast } from '../shared/box';
import { deriveSlipKey } from '../shared/seal';
import { findPreset } from '../shared/presets';
import { tally, type TallyBallot } from '../shared/tally';
import { buildApp } from '../server/app';
import { AdminClient, slipFromPath } from './lib/client';
import { randomMarks, runPhones } from './lib/phones';

const { values } = parseArgs({ options: { voters: { type: 'string', default: '500' }, persons: { type: 'string', default: '15' } } });
const voters = Number(values.voters);
const persons = Number(values.persons);

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}
const mb = (n: number) => `${(n / 1024 / 1024).toFixed(1)} MB`;
const row = (name: string, value: string) => process.stdout.write(`${name.padEnd(48)} ${value}\n`);

async function main(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'tinnhiem-bench-'));
  const app = await buildApp({ dbFile: join(dir, 'bench.db'), adminPassword: 'bench' });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const url = `http://127.0.0.1:${(app.server.address() as { port: number }).port}`;
  const admin = new AdminClient(url);
  await admin.login('bench');
  const rssStart = process.memoryUsage().rss;
  row('node', process.version);
  row('voters × people', `${voters} × ${persons}`);

  const session = await admin.call('POST', '/api/admin/sessions', {
    title: 'Bench', organisation: 'Bench', place: 'Hà Nội', heldOn: '2026-11-27', presetId: 'qd96-2023', summoned: voters, present: voters,
  });
  const { persons: people } = await admin.call('PUT', `/api/admin/sessions/${session.id}/persons`, {
    persons: Array.from({ length: persons }, (_, i) => ({ fullName: `Người ${i + 1}`, position: 'Ủy viên' })),
  });
  let t = performance.now();
  const { slips } = await admin.call('POST', `/api/admin/sessions/${session.id}/slips`, { count: voters });
  row(`issue ${voters} slips (scrypt per slip)`, `${(performance.now() - t).toFixed(0)} ms`);
  // Sealed, as a real vote is by default: the figures include opening the box.
  const shares = await admin.sealBox(session.id, { committee: ['Thành viên 1', 'Thành viên 2', 'Thành viên 3'], threshold: 2 });
  await admin.call('POST', `/api/admin/sessions/${session.id}/open`, {});

  t = performance.now();
  await deriveSlipKey('AB12', 'ABCDEFG');
  row('phone key derivation (pure JS scrypt, 1 slip)', `${(performance.now() - t).toFixed(0)} ms on this CPU`);
  const box = await admin.ballotBox(session.id);
  const key = new Uint8Array(32);
  sealCast(key, 'AB12', box, {});
  t = performance.now();
  for (let i = 0; i < 20; i++) sealCast(key, 'AB12', box, {});
  row('phone seal (pure JS X25519+XChaCha20, 1 ballot)', `${((performance.now() - t) / 20).toFixed(1)} ms on this CPU`);

  // As the ballot page: each phone opens its slip, seals to the box it is told, then all cast at once.
  const run = await runPhones(url, slips.map((s: { path: string }) => slipFromPath(s.path)), (ballot) => randomMarks(ballot, 0), { native: true });
  if (run.acked !== voters) throw new Error(`cast failed: ${run.failures.slice(0, 3).join('; ')}`);
  const burst = run.castMs;
  const latencies = run.latencies;
  row(`${voters} concurrent casts, all acknowledged`, `${burst.toFixed(0)} ms (${((voters / burst) * 1000).toFixed(0)} ballots/s, fsync each)`);
  row('cast latency p50 / p95 / max', `${percentile(latencies, 50).toFixed(0)} / ${percentile(latencies, 95).toFixed(0)} / ${latencies.at(-1)!.toFixed(0)} ms`);
  row('cast frame size', `${run.castFrameBytes.join(', ')} bytes`);

  t = performance.now();
  await admin.call('POST', `/api/admin/sessions/${session.id}/close`);
  row('close (WAL checkpoint + VACUUM)', `${(performance.now() - t).toFixed(0)} ms`);
  t = performance.now();
  const opened = await admin.openBox(session.id, shares.slice(0, 2));
  if (!opened.opened) throw new Error('the box did not open');
  row(`open the box (2 of 3 shares, ${voters} ballots)`, `${(performance.now() - t).toFixed(0)} ms`);
  t = performance.now();
  await admin.call('GET', `/api/admin/sessions/${session.id}/results`);
  row('results over HTTP (load + tally)', `${(performance.now() - t).toFixed(0)} ms`);

  const big: TallyBallot[] = Array.from({ length: 2000 }, () => ({
    source: 'phone',
    marks: Object.fromEntries(Array.from({ length: 60 }, (_, i) => [`p${i}`, ['high', 'medium', 'low', null][Math.floor(Math.random() * 4)]!])),
  }));
  t = performance.now();
  tally({ summoned: 2000, present: 2000, issued: { phone: 2000, paper: 0 }, base: 'collected', persons: Array.from({ length: 60 }, (_, i) => ({ id: `p${i}`, fullName: '', position: '' })) }, big, findPreset('qd96-2023')!);
  row('pure tally, 2000 ballots × 60 people', `${(performance.now() - t).toFixed(1)} ms`);

  const mem = process.memoryUsage();
  // Client and server share this process: the figures bound the server's own use from above.
  row('memory: rss at start / now', `${mb(rssStart)} / ${mb(mem.rss)}`);
  row('memory: heap used', mb(mem.heapUsed));
  await app.close();
  rmSync(dir, { recursive: true, force: true });
}

main().catch((err: Error) => {
  process.stderr.write(`bench failed: ${err.message}\n`);
  process.exit(1);
});
