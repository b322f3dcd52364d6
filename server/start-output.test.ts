/**
 * What `npm start` prints, on the real entry point in its own process: the banner (addresses,
 * the console's QR code, the one-time password) and no request lines, which go to
 * DATA_DIR/logs/server.log (0600, redacted as server/log.ts says) instead; Enter reprints the
 * addresses and the QR code; a later start without a password says how to set a new one;
 * LOG_LEVEL=info shows the request lines on the terminal too.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ROOT_DIR } from './app';

const dir = mkdtempSync(join(tmpdir(), 'tinnhiem-start-'));
const logFile = join(dir, 'logs', 'server.log');
const children: ChildProcess[] = [];
afterAll(() => {
  for (const c of children) c.kill('SIGKILL');
  rmSync(dir, { recursive: true, force: true });
});

/** A slip as a phone would open it, and forms a mistyped link could take: none may reach the log. */
const SLIP_ID = 'QX7Z';
const SLIP_SECRET = 'KM4RT9W';
const PATHS = [`/b/${SLIP_ID}`, `/b/${SLIP_ID}?s=${SLIP_SECRET}`, `/${SLIP_ID}-${SLIP_SECRET}`, `/B/${SLIP_ID}-${SLIP_SECRET}`, '/healthz'];

interface Running {
  child: ChildProcess;
  url: string;
  /** Everything printed on stdout so far. */
  out(): string;
  /** Resolves once stdout matches `pattern` after `from` characters. */
  waitFor(pattern: RegExp, from?: number): Promise<void>;
  stop(): Promise<number | null>;
}

async function start(env: Record<string, string>): Promise<Running> {
  const base = { ...process.env };
  delete base.LOG_LEVEL;
  delete base.ADMIN_PASSWORD;
  const child = spawn(process.execPath, ['--import', 'tsx', join(ROOT_DIR, 'server/main.ts')], {
    cwd: ROOT_DIR,
    env: { ...base, PORT: '0', HOST: '127.0.0.1', DATA_DIR: dir, ...env },
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  children.push(child);
  let out = '';
  const waiters: { pattern: RegExp; from: number; resolve: () => void }[] = [];
  const check = () => {
    for (const w of waiters.splice(0)) {
      if (w.pattern.test(out.slice(w.from))) w.resolve();
      else waiters.push(w);
    }
  };
  child.stdout!.on('data', (d: Buffer) => {
    out += d.toString();
    check();
  });
  let err = '';
  child.stderr!.on('data', (d: Buffer) => (err += d.toString()));
  // 'close' comes after stdout is drained: what the server printed before it ended is all in `out`.
  const exited = new Promise<number | null>((resolve) => child.once('close', (code) => resolve(code)));
  const waitFor = (pattern: RegExp, from = 0) =>
    new Promise<void>((resolve, reject) => {
      waiters.push({ pattern, from, resolve });
      check();
      void exited.then((code) => reject(new Error(`server exited (${code}) before ${pattern}: ${out}${err}`)));
    });
  // The banner ends with the Enter hint: once it is there, the whole banner is.
  await waitFor(/press Enter to print the addresses/);
  const port = /http:\/\/localhost:(\d+)\/admin/.exec(out)![1];
  return {
    child,
    url: `http://127.0.0.1:${port}`,
    out: () => out,
    waitFor,
    async stop() {
      child.kill('SIGTERM');
      return exited;
    },
  };
}

/** Make the requests, then wait until the log file holds a completed line for each. */
async function request(url: string): Promise<void> {
  const before = existsSync(logFile) ? readFileSync(logFile, 'utf8').split('request completed').length : 1;
  for (const path of PATHS) await fetch(url + path);
  await fetch(`${url}/api/message`, { method: 'POST', headers: { 'content-type': 'text/plain' }, body: '{"type":"ping"}' });
  // "request completed" is written once the answer has gone; wait for the file, not a clock.
  for (;;) {
    if (readFileSync(logFile, 'utf8').split('request completed').length >= before + PATHS.length + 1) return;
    await new Promise((r) => setTimeout(r, 25));
  }
}

const requestLine = /"msg":"(incoming request|request completed)"/;

describe('the terminal of npm start', () => {
  it('keeps request lines out of the banner, in a 0600 file, redacted; Enter reprints the addresses and the QR code', async () => {
    const server = await start({});
    expect(server.out()).toMatch(/admin password \(shown once\): [a-z0-9]{4}-[a-z0-9]{4}-[a-z0-9]{4}-[a-z0-9]{4}/);
    expect(server.out()).toContain(`Nhật ký / log: ${logFile}`);
    expect(server.out()).toContain(server.url);
    // The QR code, drawn with half blocks.
    expect(server.out()).toMatch(/[▀▄█]{7}/);

    await request(server.url);
    const out = server.out();
    expect(out).not.toMatch(requestLine);
    expect(out).not.toContain('"level"');

    const log = readFileSync(logFile, 'utf8');
    expect(log).toMatch(/"url":"\/healthz"/);
    expect(log).toMatch(/"url":"\/b\/\[slip\]"/);
    expect(log).toMatch(/"url":"\[path\]"/);
    expect(log).toMatch(/"url":"\/api\/message"/);
    expect(log).not.toContain(SLIP_ID);
    expect(log).not.toContain(SLIP_SECRET);
    for (const line of log.trim().split('\n')) expect(() => JSON.parse(line)).not.toThrow();
    expect(statSync(logFile).mode & 0o777).toBe(0o600);
    expect(statSync(join(dir, 'logs')).mode & 0o777).toBe(0o700);

    // Enter: the addresses and the QR code again, never the password.
    const password = /\(shown once\): (\S+)/.exec(out)![1]!;
    const mark = out.length;
    server.child.stdin!.write('\n');
    await server.waitFor(/press Enter to print the addresses/, mark);
    const again = server.out().slice(mark);
    expect(again).toContain('tinnhiem đang chạy / is running');
    expect(again).toContain(server.url);
    expect(again).toMatch(/[▀▄█]{7}/);
    expect(again).not.toContain(password);
    expect(again).toContain('ADMIN_PASSWORD=… npm start');

    expect(await server.stop()).toBe(0);
    expect(server.out()).not.toMatch(requestLine);
  });

  it('a later start without a password says how to set a new one; LOG_LEVEL=info shows the request lines too', async () => {
    const server = await start({ LOG_LEVEL: 'info' });
    const banner = server.out();
    expect(banner).not.toContain('shown once');
    expect(banner).toContain('the admin password was set before and is not shown again');
    expect(banner).toContain('ADMIN_PASSWORD=… npm start');
    expect(banner).not.toContain('LOG_LEVEL=info: in cả ở đây');

    const mark = server.out().length;
    await request(server.url);
    await server.waitFor(/"url":"\/api\/message"[\s\S]*"msg":"request completed"/, mark);
    const shown = server.out().slice(mark);
    expect(shown).toMatch(/"url":"\/b\/\[slip\]"/);
    expect(shown).toMatch(/"url":"\[path\]"/);
    expect(shown).not.toContain(SLIP_ID);
    expect(shown).not.toContain(SLIP_SECRET);
    // The file still has every line.
    expect(readFileSync(logFile, 'utf8').split('"url":"/healthz"').length).toBe(3);
    expect(await server.stop()).toBe(0);
  });
});
