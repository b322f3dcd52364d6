/**
 * `npm run bench`: the app's speed and memory beside this machine's own limits, in one run.
 *   npm run bench -- [--voters 2000] [--persons 15] [--over 60s] [--quick] [--profile DIR] [--tsx]
 *                    [--server-args "--trace-gc …"] [--server-out FILE]
 * Starts the real server as its own process on a fresh DATA_DIR, as `npm start` runs it (built
 * with `npm run build:server`, then `node`, the flags of package.json's start script, and
 * build/server.mjs; `--tsx`: `node --import tsx server/main.ts`, as the tests run it, with the
 * same flags), and drives it from another process
 * (scripts/bench-client.ts): a sealed vote, N phones casting in one burst, close → results,
 * then a fresh vote whose phones arrive over `--over`. The same clients and frame size against
 * a bare `ws` echo server, better-sqlite3 alone committing the same rows, and the disk's flush
 * give the limits. `--profile DIR` runs the server under `node --cpu-prof` and summarises the
 * burst. Prints a table, then one JSON line; asserts nothing on time.
 */
import { availableParallelism, loadavg, totalmem, tmpdir } from 'node:os';
import { mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { build } from 'esbuild';
import { execFileSync, type ChildProcess } from 'node:child_process';
import { deriveSlipKeyNative } from '../server/domain/slip-keys';
import { measureFsync, measureRawSqlite } from './lib/bench-machine';
import { pool, type AppResult, type EchoResult } from './lib/bench-phones';
import { startCommand } from './lib/start-command';
import { drainOutput, parseDuration, procCpuMs, procMemoryMb, readEvents, spawnNode, stopChild, waitForOutput } from './lib/bench-process';
import { summariseProfile, type ProfileSummary } from './lib/cpu-profile';
import { printReport, type BenchFigures } from './lib/bench-report';

const { values } = parseArgs({
  options: {
    voters: { type: 'string' },
    persons: { type: 'string', default: '15' },
    over: { type: 'string' },
    quick: { type: 'boolean', default: false },
    profile: { type: 'string' },
    tsx: { type: 'boolean', default: false },
    'server-args': { type: 'string' },
    'server-out': { type: 'string' },
  },
});
const voters = Number(values.voters ?? (values.quick ? 300 : 2000));
const persons = Number(values.persons);
const overMs = parseDuration(values.over ?? (values.quick ? '5s' : '60s'));
if (!Number.isInteger(voters) || voters < 1) throw new Error(`--voters must be a whole number, not ${values.voters}`);
if (!Number.isInteger(persons) || persons < 1) throw new Error(`--persons must be a whole number, not ${values.persons}`);

const ROOT_DIR = fileURLToPath(new URL('..', import.meta.url));
const PASSWORD = 'bench-password-123';
/** A whole run's client may take this long before the bench gives up on it. */
const CLIENT_TIMEOUT_MS = 30 * 60_000;
const log = (line: string) => process.stderr.write(`bench: ${line}\n`);
const children = new Set<ChildProcess>();

function start(file: string, opts: Parameters<typeof spawnNode>[1]): ChildProcess {
  const child = spawnNode(file, opts);
  children.add(child);
  child.once('exit', () => children.delete(child));
  return child;
}

function runClient<T>(config: Record<string, unknown>, onEvent: (e: Record<string, unknown>) => void = () => {}): Promise<T> {
  const client = start(join(ROOT_DIR, 'scripts/bench-client.ts'), { cwd: ROOT_DIR, args: [JSON.stringify(config)] });
  return readEvents<T>(client, onEvent, CLIENT_TIMEOUT_MS);
}

/**
 * Slip keys with node:crypto's scrypt, as the server derives them: one alone (ms, median),
 * and how many a second every core together makes (`cores` in flight, 32 jobs each).
 */
async function measureScrypt(cores: number): Promise<{ ms: number; perSec: number }> {
  const times: number[] = [];
  for (let i = 0; i < 9; i++) {
    const t = performance.now();
    await deriveSlipKeyNative('AB12', 'ABCDEFG');
    times.push(performance.now() - t);
  }
  const jobs = cores * 32;
  const t = performance.now();
  await pool(jobs, cores, () => deriveSlipKeyNative('AB12', 'ABCDEFG'));
  return { ms: times.sort((a, b) => a - b)[4]!, perSec: (jobs / (performance.now() - t)) * 1000 };
}

async function main(): Promise<void> {
  const work = mkdtempSync(join(tmpdir(), 'tinnhiem-bench-'));
  try {
    const cores = availableParallelism();
    // Other work on the machine moves every figure: the reader should see how busy it was.
    const loadAvgStart = loadavg()[0]!;
    log(`${voters} phones × ${persons} people, steady over ${overMs / 1000} s; ${cores} cores; node ${process.version}`);

    // This machine's limits first, each with nothing else running.
    const fsync = measureFsync(work);
    const sqlite = measureRawSqlite(work, voters);
    const scrypt = await measureScrypt(cores);
    log(`fsync ${fsync.medianMs.toFixed(2)} ms; better-sqlite3 ${sqlite.commitsPerSec.toFixed(0)} commits/s, ${sqlite.batchRowsPerSec.toFixed(0)} rows/s in 100s`);

    // Compiled like the server (or through tsx like it), so that their memory compares.
    const echoEntry = join(ROOT_DIR, values.tsx ? 'scripts/bench-echo-server.ts' : 'build/bench-echo-server.mjs');
    if (!values.tsx) {
      await build({ entryPoints: [join(ROOT_DIR, 'scripts/bench-echo-server.ts')], bundle: true, platform: 'node', format: 'esm', packages: 'external', target: 'node20', outfile: echoEntry, logLevel: 'warning' });
    }
    const echo = start(echoEntry, { cwd: ROOT_DIR });
    const [, echoUrl] = await waitForOutput(echo, /listening on (http:\/\/127\.0\.0\.1:\d+)/);
    drainOutput(echo);
    const echoed = await runClient<EchoResult>({ mode: 'echo', url: echoUrl, voters });
    const echoRssMb = procMemoryMb(echo.pid!, 'VmHWM');
    await stopChild(echo);
    log(`raw ws echo ${echoed.burst.perSec.toFixed(0)} msg/s, p99 ${echoed.burst.p99Ms.toFixed(0)} ms`);

    // The app, as `npm start` runs it, on a fresh data folder.
    if (!values.tsx) execFileSync('npm', ['run', '--silent', 'build:server'], { cwd: ROOT_DIR, stdio: ['ignore', 'ignore', 'inherit'] });
    const started = startCommand(ROOT_DIR);
    const entry = join(ROOT_DIR, values.tsx ? 'server/main.ts' : started.entry);
    const profileDir = values.profile ? resolve(values.profile) : undefined;
    if (profileDir) mkdirSync(profileDir, { recursive: true });
    const serverNodeArgs = [
      ...started.nodeArgs,
      ...(profileDir ? ['--cpu-prof', '--cpu-prof-dir', profileDir] : []),
      ...(values['server-args']?.split(/\s+/).filter(Boolean) ?? []),
    ];
    const server = start(entry, {
      cwd: ROOT_DIR,
      nodeArgs: serverNodeArgs,
      env: { PORT: '0', HOST: '127.0.0.1', DATA_DIR: join(work, 'data'), ADMIN_PASSWORD: PASSWORD, LOG_LEVEL: 'warn' },
    });
    const [, port] = await waitForOutput(server, /http:\/\/(?:127\.0\.0\.1|localhost):(\d+)\/admin/);
    const serverLog = drainOutput(server, values['server-out']);
    const serverPid = server.pid!;
    let rssReadyMb = NaN;
    let rssBurstMb = NaN;
    let rssResultsMb = NaN;
    // The server's CPU from "phones ready" to "burst answered": the burst's cost, less noisy than its wall time.
    let cpuReady = { mainMs: NaN, allMs: NaN };
    let cpuBurst = { mainMs: NaN, allMs: NaN };
    const app = await runClient<AppResult>({ mode: 'app', url: `http://127.0.0.1:${port}`, password: PASSWORD, voters, persons, overMs }, (e) => {
      if (e.event === 'issued') log(`issued ${e.slips} slips in ${(e.ms as number).toFixed(0)} ms`);
      if (e.event === 'ready') {
        rssReadyMb = procMemoryMb(serverPid, 'VmRSS');
        cpuReady = procCpuMs(serverPid);
        log(`${e.phones} phones open and sealed (${(e.ms as number).toFixed(0)} ms); server rss ${rssReadyMb.toFixed(0)} MB`);
      }
      if (e.event === 'burst') {
        cpuBurst = procCpuMs(serverPid);
        rssBurstMb = procMemoryMb(serverPid, 'VmHWM');
        log(`burst: ${e.acked} recorded in ${(e.wallMs as number).toFixed(0)} ms`);
      }
      if (e.event === 'results') {
        rssResultsMb = procMemoryMb(serverPid, 'VmHWM');
        log(`close → results ${(e.ms as number).toFixed(0)} ms`);
      }
      if (e.event === 'steady-start') log(`steady arrivals over ${(e.overMs as number) / 1000} s`);
    });
    const rssMb = procMemoryMb(serverPid, 'VmHWM');
    const exit = await stopChild(server);
    if (exit !== 0) log(`server exited with ${exit}: ${serverLog().slice(-1000)}`);
    for (const run of [app.burst, app.steady]) if (run.failures > 0) log(`${run.failures} casts failed, e.g. ${run.firstFailures.join('; ')}`);

    let profile: ProfileSummary | undefined;
    if (profileDir) {
      // CPU.<date>.<time>.<pid>.<thread>.<seq>.cpuprofile: thread 0 is the main thread (tsx adds a loader thread).
      const file = readdirSync(profileDir).find((f) => f.includes(`.${serverPid}.0.`) && f.endsWith('.cpuprofile'));
      if (!file) log(`no CPU profile of pid ${serverPid} in ${profileDir}`);
      else {
        profile = summariseProfile(join(profileDir, file), { startUs: app.burst.startUs, endUs: app.burst.endUs });
        writeFileSync(join(profileDir, `burst-${voters}.summary.json`), JSON.stringify(profile, null, 2));
      }
    }

    const figures: BenchFigures = {
      voters,
      acked: app.burst.acked,
      persons,
      overMs,
      compiled: values.tsx ? 0 : 1,
      cores,
      memGb: totalmem() / 2 ** 30,
      loadAvgStart,
      loadAvgEnd: loadavg()[0]!,
      ballotsPerSec: app.burst.perSec,
      p50Ms: app.burst.p50Ms,
      p99Ms: app.burst.p99Ms,
      maxMs: app.burst.maxMs,
      steadyAcked: app.steady.acked,
      steadyP50Ms: app.steady.p50Ms,
      steadyP99Ms: app.steady.p99Ms,
      rssMb,
      rssReadyMb,
      rssBurstMb,
      rssResultsMb,
      echoRssMb,
      rawWsEchoPerSec: echoed.burst.perSec,
      rawWsEchoP50Ms: echoed.burst.p50Ms,
      rawWsEchoP99Ms: echoed.burst.p99Ms,
      rawSqliteCommitsPerSec: sqlite.commitsPerSec,
      rawSqliteBatchRowsPerSec: sqlite.batchRowsPerSec,
      ratio: app.burst.perSec / echoed.burst.perSec,
      p99Ratio: app.burst.p99Ms / echoed.burst.p99Ms,
      burstMainCpuUsPerCast: ((cpuBurst.mainMs - cpuReady.mainMs) * 1000) / voters,
      burstCpuUsPerCast: ((cpuBurst.allMs - cpuReady.allMs) * 1000) / voters,
      slipsPerSec: app.slipsPerSec,
      slipsLimitPerSec: scrypt.perSec,
      scryptMs: scrypt.ms,
      closeToResultsMs: app.closeToResultsMs,
      resultsCollected: app.resultsCollected,
      fsyncMs: fsync.medianMs,
      fsyncP99Ms: fsync.p99Ms,
      castFrameBytes: app.castFrameBytes.at(-1) ?? NaN,
      castFrameSizes: app.castFrameBytes.length,
      echoFrameBytes: echoed.frameBytes.at(-1) ?? NaN,
      failures: app.burst.failures + app.steady.failures + echoed.burst.failures,
    };
    printReport(figures, ['node', ...serverNodeArgs, ...(values.tsx ? ['--import', 'tsx', 'server/main.ts'] : [started.entry])].join(' '), profile);
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

main().then(
  () => process.exit(0),
  (err: Error) => {
    for (const child of children) child.kill('SIGKILL');
    process.stderr.write(`bench failed: ${err.stack ?? err.message}\n`);
    process.exit(1);
  },
);
