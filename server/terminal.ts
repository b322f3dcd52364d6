/**
 * The terminal `npm start` runs in: pressing Enter there reprints the addresses and the
 * console's QR code (the hotspot may have come up after the start, or the banner scrolled).
 * Only a process in the terminal's foreground may read it: one sent to the background
 * (`npm start &`) that reads is stopped by the shell (SIGTTIN) and would stop serving.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';

/** Whether this process is the terminal's foreground job (its process group is the terminal's). */
function inForeground(): boolean {
  try {
    // "pid (comm) state ppid pgrp session tty_nr tpgid …"; comm may hold spaces and parentheses.
    const stat = readFileSync('/proc/self/stat', 'utf8');
    const [, , pgrp, , , tpgid] = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return pgrp !== undefined && pgrp === tpgid;
  } catch {
    // No /proc (macOS): ask ps.
    try {
      const [tpgid, pgid] = execFileSync('ps', ['-o', 'tpgid=,pgid=', '-p', String(process.pid)], { encoding: 'utf8' }).trim().split(/\s+/);
      return tpgid !== undefined && tpgid === pgid;
    } catch {
      return false;
    }
  }
}

/** Reading stdin cannot stop this process: it is a pipe or a file, or Windows, or the foreground terminal. */
export function mayReadStdin(): boolean {
  if (!process.stdin.isTTY || process.platform === 'win32') return true;
  return inForeground();
}

/**
 * Call `handler` each time a line is typed on stdin. Returns false (and reads nothing) when
 * reading could stop the server, so the banner does not offer what would not work.
 */
export function onEnter(handler: () => void): boolean {
  if (!mayReadStdin()) return false;
  process.stdin.setEncoding('utf8');
  process.stdin.on('data', (chunk: string) => {
    if (/[\r\n]/.test(chunk)) handler();
  });
  process.stdin.on('error', () => {
    // A closed or broken stdin only ends the reprint; the server carries on.
  });
  // Suspended (Ctrl+Z), then continued in the background (bg): stop reading before the next read stops the server.
  if (process.platform !== 'win32') {
    process.on('SIGCONT', () => {
      if (mayReadStdin()) process.stdin.resume();
      else process.stdin.pause();
    });
  }
  return true;
}
