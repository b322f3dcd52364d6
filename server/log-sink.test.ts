import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync, chmodSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { readConfig } from './config';
import { logSink, openLogFile } from './log-sink';

const dir = mkdtempSync(join(tmpdir(), 'tinnhiem-logsink-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const line = (level: number, msg: string) => `{"level":${level},"time":1,"msg":"${msg}"}\n`;

function run(file: string, terminalLevel: Parameters<typeof logSink>[0]['terminalLevel']) {
  const shown: string[] = [];
  const sink = logSink({ fd: openLogFile(file), terminalLevel, terminal: (l) => void shown.push(l) });
  for (const [n, msg] of [[20, 'debug'], [30, 'request'], [40, 'warn'], [50, 'error']] as const) sink.stream.write(line(n, msg));
  sink.close();
  return { level: sink.level, shown: shown.map((l) => JSON.parse(l).msg), kept: readFileSync(file, 'utf8').trim().split('\n').map((l) => JSON.parse(l).msg) };
}

describe('where log lines go', () => {
  it('by default: every request in the file, only warnings and errors on the terminal', () => {
    expect(run(join(dir, 'a', 'logs', 'server.log'), 'warn')).toEqual({ level: 'info', shown: ['warn', 'error'], kept: ['request', 'warn', 'error'] });
  });

  it('LOG_LEVEL=info shows requests too; debug shows and keeps more; silent shows nothing, the file still keeps requests', () => {
    expect(run(join(dir, 'b', 'server.log'), 'info')).toEqual({ level: 'info', shown: ['request', 'warn', 'error'], kept: ['request', 'warn', 'error'] });
    expect(run(join(dir, 'c', 'server.log'), 'debug')).toEqual({ level: 'debug', shown: ['debug', 'request', 'warn', 'error'], kept: ['debug', 'request', 'warn', 'error'] });
    expect(run(join(dir, 'd', 'server.log'), 'silent')).toEqual({ level: 'info', shown: [], kept: ['request', 'warn', 'error'] });
  });

  it('the file is 0600 in a 0700 folder, appended to, narrowed if it was wider, and moved aside past the size limit', () => {
    const file = join(dir, 'e', 'logs', 'server.log');
    run(file, 'warn');
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(statSync(join(dir, 'e', 'logs')).mode & 0o777).toBe(0o700);
    chmodSync(file, 0o644);
    run(file, 'warn');
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(readFileSync(file, 'utf8').split('\n').filter(Boolean)).toHaveLength(6);
    writeFileSync(file, 'x'.repeat(2000));
    const fd = openLogFile(file, 1000);
    expect(readFileSync(`${file}.1`, 'utf8')).toHaveLength(2000);
    expect(statSync(file).size).toBe(0);
    logSink({ fd, terminalLevel: 'warn' }).close();
  });

  it('without a file, the terminal still gets its lines', () => {
    const shown: string[] = [];
    const sink = logSink({ fd: null, terminalLevel: 'warn', terminal: (l) => void shown.push(l) });
    expect(sink.level).toBe('warn');
    sink.stream.write(line(30, 'request'));
    sink.stream.write(line(50, 'error'));
    expect(shown).toHaveLength(1);
  });

  it('LOG_LEVEL is read and checked with the rest of the config', () => {
    expect(readConfig({}).terminalLogLevel).toBe('warn');
    expect(readConfig({ LOG_LEVEL: 'info' }).terminalLogLevel).toBe('info');
    expect(readConfig({ DATA_DIR: '/srv/t' }).logFile).toBe('/srv/t/logs/server.log');
    expect(() => readConfig({ LOG_LEVEL: 'verbose' })).toThrow(/LOG_LEVEL must be one of/);
  });
});
