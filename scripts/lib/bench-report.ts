/**
 * What `npm run bench` prints: a table for people (the app beside this machine's limit), the
 * goals of issue 9 read against it, the burst's CPU profile when there is one, and last one
 * JSON line for tools.
 */
import type { ProfileSummary } from './cpu-profile';

export interface BenchFigures {
  voters: number;
  /** Phones of the burst answered "recorded". */
  acked: number;
  persons: number;
  overMs: number;
  /** 1: the server ran as build/server.mjs; 0: through tsx. Every field is a number, for tools. */
  compiled: 0 | 1;
  cores: number;
  memGb: number;
  /** The 1-minute load average as the run began and as it ended (this run's own work included). */
  loadAvgStart: number;
  loadAvgEnd: number;
  ballotsPerSec: number;
  p50Ms: number;
  p99Ms: number;
  maxMs: number;
  steadyAcked: number;
  steadyP50Ms: number;
  steadyP99Ms: number;
  /** The server's peak resident memory over the whole run (VmHWM). */
  rssMb: number;
  /** Its RSS with the burst's phones open and sealed; its peak once they have cast; its peak once the box is opened and counted. */
  rssReadyMb: number;
  rssBurstMb: number;
  rssResultsMb: number;
  echoRssMb: number;
  rawWsEchoPerSec: number;
  rawWsEchoP50Ms: number;
  rawWsEchoP99Ms: number;
  rawSqliteCommitsPerSec: number;
  rawSqliteBatchRowsPerSec: number;
  /** ballotsPerSec / rawWsEchoPerSec. */
  ratio: number;
  /** p99Ms / rawWsEchoP99Ms. */
  p99Ratio: number;
  /** The server's CPU during the burst, per cast, in µs: its main thread (the event loop), and all its threads. */
  burstMainCpuUsPerCast: number;
  burstCpuUsPerCast: number;
  slipsPerSec: number;
  /** Slip keys a second with every core deriving them back to back (node:crypto scrypt). */
  slipsLimitPerSec: number;
  scryptMs: number;
  closeToResultsMs: number;
  resultsCollected: number;
  fsyncMs: number;
  fsyncP99Ms: number;
  castFrameBytes: number;
  castFrameSizes: number;
  echoFrameBytes: number;
  failures: number;
}

const STEADY_GOAL_MS = 50;
const RSS_GOAL_MB = 200;

const num = (n: number, digits = 0) => (Number.isFinite(n) ? n.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits }) : '—');
const ms = (n: number) => `${num(n, n < 10 ? 1 : 0)} ms`;

function table(rows: string[][]): string {
  const widths = rows[0]!.map((_, c) => Math.max(...rows.map((r) => r[c]!.length)));
  const line = (r: string[]) => `| ${r.map((cell, c) => (c === 0 ? cell.padEnd(widths[c]!) : cell.padStart(widths[c]!))).join(' | ')} |`;
  return [line(rows[0]!), `|${widths.map((w, c) => (c === 0 ? '-'.repeat(w + 2) : `${'-'.repeat(w + 1)}:`)).join('|')}|`, ...rows.slice(1).map(line)].join('\n');
}

/** `serverCommand`: how the server was started (node's flags and the entry), for the heading. */
export function printReport(f: BenchFigures, serverCommand: string, profile?: ProfileSummary): void {
  const ratio = (a: number, b: number) => (Number.isFinite(a / b) ? (a / b).toFixed(2) : '—');
  const n = num(f.voters);
  const rows = [
    ['figure', 'app', 'machine limit', 'ratio'],
    [`durable ballots/s, ${n} phones in one burst`, num(f.ballotsPerSec), `${num(f.rawWsEchoPerSec)} msg/s raw ws echo`, ratio(f.ballotsPerSec, f.rawWsEchoPerSec)],
    ['ack latency p50', ms(f.p50Ms), `${ms(f.rawWsEchoP50Ms)} echo`, ratio(f.p50Ms, f.rawWsEchoP50Ms)],
    ['ack latency p99', ms(f.p99Ms), `${ms(f.rawWsEchoP99Ms)} echo`, ratio(f.p99Ms, f.rawWsEchoP99Ms)],
    [`steady: ${n} phones over ${num(f.overMs / 1000)} s, p50 / p99`, `${ms(f.steadyP50Ms)} / ${ms(f.steadyP99Ms)}`, `goal ${STEADY_GOAL_MS} ms`, ratio(f.steadyP99Ms, STEADY_GOAL_MS)],
    ['ballots/s vs better-sqlite3, 1 cast a commit', num(f.ballotsPerSec), `${num(f.rawSqliteCommitsPerSec)} commits/s`, ratio(f.ballotsPerSec, f.rawSqliteCommitsPerSec)],
    ['ballots/s vs better-sqlite3, 100 casts a commit', num(f.ballotsPerSec), `${num(f.rawSqliteBatchRowsPerSec)} rows/s`, ratio(f.ballotsPerSec, f.rawSqliteBatchRowsPerSec)],
    ['server CPU a cast in the burst: event loop / all threads', `${num(f.burstMainCpuUsPerCast)} / ${num(f.burstCpuUsPerCast)} µs`, `${num(1e6 / f.rawWsEchoPerSec)} µs a message, echo wall time`, ''],
    [`server peak memory (VmHWM)`, `${num(f.rssMb)} MB`, `${num(f.echoRssMb)} MB echo server`, ratio(f.rssMb, f.echoRssMb)],
    [`slips issued/s (${n} × 2 sessions)`, num(f.slipsPerSec, 1), `${num(f.slipsLimitPerSec, 1)}/s scrypt on ${f.cores} cores (${ms(f.scryptMs)} each)`, ratio(f.slipsPerSec, f.slipsLimitPerSec)],
    ['close → box opened (2 of 3) → results', ms(f.closeToResultsMs), '', ''],
    ['disk flush (fsync of 4 KiB), median / p99', '', `${ms(f.fsyncMs)} / ${ms(f.fsyncP99Ms)}`, ''],
    ['cast frame', `${num(f.castFrameBytes)} B`, `${num(f.echoFrameBytes)} B echoed`, ''],
  ];
  const out: string[] = [
    `tinnhiem bench — ${n} phones × ${f.persons} people; node ${process.version}, ${f.cores} cores, ${num(f.memGb, 1)} GB, load ${num(f.loadAvgStart, 2)} → ${num(f.loadAvgEnd, 2)}; server run with ${serverCommand}`,
    '',
    table(rows),
    '',
    `recorded: burst ${num(f.acked)}/${n}, steady ${num(f.steadyAcked)}/${n}; results counted ${num(f.resultsCollected)}; failures ${f.failures}`,
    `server memory: ${num(f.rssReadyMb)} MB with the burst's phones open; peak ${num(f.rssBurstMb)} MB after the burst, ${num(f.rssResultsMb)} MB after close → results, ${num(f.rssMb)} MB over the run`,
    '',
    'issue 9 goals (read, not asserted):',
    `  ballots/s ≥ 0.5 × raw echo         ${f.ratio >= 0.5 ? 'met    ' : 'not met'}  (${ratio(f.ballotsPerSec, f.rawWsEchoPerSec)})`,
    `  p99 ≤ 2 × echo p99                 ${f.p99Ratio <= 2 ? 'met    ' : 'not met'}  (${ratio(f.p99Ms, f.rawWsEchoP99Ms)})`,
    `  steady p99 ≤ ${STEADY_GOAL_MS} ms                ${f.steadyP99Ms <= STEADY_GOAL_MS ? 'met    ' : 'not met'}  (${ms(f.steadyP99Ms)})`,
    `  server peak memory ≤ ${RSS_GOAL_MB} MB       ${f.rssMb <= RSS_GOAL_MB ? 'met    ' : 'not met'}  (${num(f.rssMb)} MB at ${n})`,
  ];
  if (profile) {
    out.push('', `server CPU during the burst: ${num(profile.busyMs)} ms busy of ${num(profile.windowMs)} ms`);
    out.push(table([['category', 'self ms', '%'], ...profile.categories.map((c) => [c.name, num(c.ms), num(c.pct, 1)])]));
    out.push('', table([['function', 'where', 'category', '%'], ...profile.top.map((t) => [t.name, t.where, t.category, num(t.pct, 1)])]));
  }
  process.stdout.write(`${out.join('\n')}\n\n${JSON.stringify(f)}\n`);
}
