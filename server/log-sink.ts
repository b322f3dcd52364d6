/**
 * Where the server's log lines go. Every line — each request included, redacted by log.ts —
 * goes to DATA_DIR/logs/server.log, readable by this user only. The terminal shows only lines
 * at LOG_LEVEL or above (warnings and errors when LOG_LEVEL is not set), so that the start
 * banner — addresses, the console's QR code, the one-time password — does not scroll away
 * under hundreds of request lines while the hall's phones arrive.
 */
import { closeSync, existsSync, fchmodSync, mkdirSync, openSync, renameSync, statSync, writeSync } from 'node:fs';
import { dirname } from 'node:path';

/** Pino's level names and numbers; `silent` shows nothing. */
export const LOG_LEVELS = { trace: 10, debug: 20, info: 30, warn: 40, error: 50, fatal: 60, silent: Infinity } as const;
export type LogLevel = keyof typeof LOG_LEVELS;

/** What the terminal shows when LOG_LEVEL is not set: warnings and errors, never requests. */
export const DEFAULT_TERMINAL_LEVEL: LogLevel = 'warn';
/** The file keeps requests (info) at least, or more when LOG_LEVEL asks for debug or trace. */
const FILE_LEVEL: LogLevel = 'info';
/** A file past this size at start is moved to `server.log.1` (one older file kept). */
export const LOG_ROTATE_BYTES = 32 * 1024 * 1024;

export function isLogLevel(value: string): value is LogLevel {
  return Object.hasOwn(LOG_LEVELS, value);
}

/**
 * Open the log file for appending, 0600 in a 0700 folder (the data folder is the ballot
 * box's room; the log names no slip, but it says when the hall was busy). A file grown past
 * `rotateBytes` is moved aside first.
 */
export function openLogFile(file: string, rotateBytes = LOG_ROTATE_BYTES): number {
  mkdirSync(dirname(file), { recursive: true, mode: 0o700 });
  if (existsSync(file) && statSync(file).size > rotateBytes) renameSync(file, `${file}.1`);
  const fd = openSync(file, 'a', 0o600);
  // An older file may have been made with a wider mode (or copied in): narrow it.
  fchmodSync(fd, 0o600);
  return fd;
}

export interface LogSink {
  /** The level to give the logger: the lower of the file's and the terminal's. */
  level: LogLevel;
  /** Pino's destination: one JSON line per call. */
  stream: { write(line: string): void };
  close(): void;
}

/** `{"level":30,…`: pino puts the level first. */
function lineLevel(line: string): number {
  const m = /^\{"level":(\d+)/.exec(line);
  return m ? Number(m[1]) : LOG_LEVELS.fatal;
}

/**
 * A destination that writes every line at the file's level to `fd` (when there is one) and
 * the lines at `terminalLevel` or above to `terminal`.
 */
export function logSink(opts: { fd: number | null; terminalLevel: LogLevel; terminal?: (line: string) => void }): LogSink {
  const terminal = opts.terminal ?? ((line: string) => void process.stdout.write(line));
  const terminalMin = LOG_LEVELS[opts.terminalLevel];
  const fileMin = opts.fd === null ? Infinity : Math.min(LOG_LEVELS[FILE_LEVEL], terminalMin);
  let fd = opts.fd;
  const lowest = Math.min(fileMin, terminalMin);
  const level = (Object.keys(LOG_LEVELS) as LogLevel[]).find((name) => LOG_LEVELS[name] === lowest) ?? 'silent';
  return {
    level,
    stream: {
      write(line: string) {
        const n = lineLevel(line);
        if (fd !== null && n >= fileMin) {
          try {
            writeSync(fd, line);
          } catch {
            // A full disk refuses log lines before it refuses ballots (docs/operations.md); the server carries on.
          }
        }
        if (n >= terminalMin) terminal(line);
      },
    },
    close() {
      if (fd !== null) closeSync(fd);
      fd = null;
    },
  };
}
