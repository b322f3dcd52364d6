/**
 * The bench's child processes: start one with node (through tsx, or compiled), wait for the
 * line that says it listens, read the JSON lines it reports, read its memory from /proc, and
 * stop it. Also the small statistics every part of the bench shares.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { closeSync, openSync, readdirSync, readFileSync, writeSync } from 'node:fs';

/** Start `node [nodeArgs] --import tsx file` (or plain `node file` for `.mjs`), with stdout piped. */
export function spawnNode(file: string, opts: { args?: string[]; nodeArgs?: string[]; env?: Record<string, string>; cwd: string }): ChildProcess {
  const loader = file.endsWith('.mjs') || file.endsWith('.js') ? [] : ['--import', 'tsx'];
  return spawn(process.execPath, [...(opts.nodeArgs ?? []), ...loader, file, ...(opts.args ?? [])], {
    cwd: opts.cwd,
    env: { ...process.env, ...opts.env },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
}

/** Resolve with the first match of `pattern` in the child's stdout; reject if it exits or takes too long. */
export function waitForOutput(child: ChildProcess, pattern: RegExp, timeoutMs = 60_000): Promise<RegExpExecArray> {
  return new Promise((resolve, reject) => {
    let out = '';
    const timer = setTimeout(() => finish(new Error(`no ${pattern} within ${timeoutMs} ms: ${out.slice(-500)}`)), timeoutMs);
    const onData = (d: Buffer) => {
      out += d.toString();
      const m = pattern.exec(out);
      if (m) finish(null, m);
    };
    const onExit = (code: number | null) => finish(new Error(`exited (${code}) before ${pattern}: ${out.slice(-500)}`));
    function finish(err: Error | null, m?: RegExpExecArray) {
      clearTimeout(timer);
      child.stdout!.off('data', onData);
      child.off('exit', onExit);
      if (err) reject(err);
      else resolve(m!);
    }
    child.stdout!.on('data', onData);
    child.once('exit', onExit);
  });
}

/**
 * Read a child's stdout as JSON lines, calling `onEvent` for each, until one has
 * `event: 'result'`, which resolves the promise. Exit without it, or `timeoutMs`, rejects.
 */
export function readEvents<T>(child: ChildProcess, onEvent: (e: Record<string, unknown>) => void, timeoutMs: number): Promise<T> {
  return new Promise((resolve, reject) => {
    let buffered = '';
    let done = false;
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      finish(new Error(`no result within ${timeoutMs} ms`));
    }, timeoutMs);
    function finish(err: Error | null, value?: T) {
      if (done) return;
      done = true;
      clearTimeout(timer);
      if (err) reject(err);
      else resolve(value as T);
    }
    child.stdout!.on('data', (d: Buffer) => {
      buffered += d.toString();
      let nl: number;
      while ((nl = buffered.indexOf('\n')) >= 0) {
        const line = buffered.slice(0, nl).trim();
        buffered = buffered.slice(nl + 1);
        if (!line.startsWith('{')) continue;
        const event = JSON.parse(line) as Record<string, unknown>;
        if (event.event === 'result') finish(null, event as T);
        else onEvent(event);
      }
    });
    child.once('exit', (code, signal) => finish(new Error(`exited (${code ?? signal}) without a result`)));
  });
}

/**
 * Keep reading a child's stdout (a pipe left unread fills, and a server writing its log to it
 * would block); returns what it said last, for an error message. `copyTo`: all of it to that file too.
 */
export function drainOutput(child: ChildProcess, copyTo?: string): () => string {
  let tail = '';
  const copy = copyTo === undefined ? undefined : openSync(copyTo, 'w');
  child.stdout!.on('data', (d: Buffer) => {
    tail = (tail + d.toString()).slice(-4000);
    if (copy !== undefined) writeSync(copy, d);
  });
  if (copy !== undefined) child.once('exit', () => closeSync(copy));
  return () => tail;
}

/** A field of /proc/<pid>/status in MB (VmHWM: peak resident set; VmRSS: now), or NaN once the process is gone. */
export function procMemoryMb(pid: number, field: 'VmHWM' | 'VmRSS'): number {
  try {
    const m = new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return m ? Number(m[1]) / 1024 : NaN;
  } catch {
    return NaN;
  }
}

/**
 * CPU time a process has run so far, in ms, from each /proc/<pid>/task/<tid>/schedstat (ns): its main
 * thread (the event loop) and all its threads together (V8's helpers, libuv's pool, workers).
 * NaN once the process is gone.
 */
export function procCpuMs(pid: number): { mainMs: number; allMs: number } {
  try {
    let mainMs = NaN;
    let allMs = 0;
    for (const tid of readdirSync(`/proc/${pid}/task`)) {
      let ms: number;
      try {
        ms = Number(readFileSync(`/proc/${pid}/task/${tid}/schedstat`, 'utf8').split(' ')[0]) / 1e6;
      } catch {
        continue; // a thread that ended meanwhile
      }
      allMs += ms;
      if (tid === String(pid)) mainMs = ms;
    }
    return { mainMs, allMs };
  } catch {
    return { mainMs: NaN, allMs: NaN };
  }
}

/** Send `signal` and wait for the exit; SIGKILL after `timeoutMs`. */
export function stopChild(child: ChildProcess, signal: NodeJS.Signals = 'SIGTERM', timeoutMs = 15_000): Promise<number | null> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve(child.exitCode);
  return new Promise((resolve) => {
    const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
    child.once('exit', (code) => {
      clearTimeout(timer);
      resolve(code);
    });
    child.kill(signal);
  });
}

/** The p-th percentile of an ascending list (nearest rank), NaN when empty. */
export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))]!;
}

/** CLOCK_MONOTONIC in microseconds: the clock V8 stamps a CPU profile's samples with, in every process. */
export function monotonicUs(): number {
  return Number(process.hrtime.bigint() / 1000n);
}

/** "60s", "500ms", "2m" or a bare number of seconds, in milliseconds. */
export function parseDuration(text: string): number {
  const m = /^(\d+(?:\.\d+)?)(ms|s|m)?$/.exec(text.trim());
  if (!m) throw new Error(`not a duration: ${text} (try 60s)`);
  const n = Number(m[1]);
  return m[2] === 'ms' ? n : m[2] === 'm' ? n * 60_000 : n * 1000;
}
