/**
 * The error table is complete and lean: every code a person can meet reads in Vietnamese and
 * English and answers with one HTTP status, and every code is produced or read somewhere.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { AppError, ERROR_MESSAGES, ERROR_STATUS, type ErrorCode } from './errors';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const codes = Object.keys(ERROR_MESSAGES) as ErrorCode[];

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === 'node_modules' ? [] : sourceFiles(path);
    return /\.tsx?$/.test(entry.name) ? [path] : [];
  });
}

describe('error codes', () => {
  it('each has a Vietnamese and an English message and an HTTP status', () => {
    for (const code of codes) {
      const { vi, en } = ERROR_MESSAGES[code];
      expect(vi.trim(), code).not.toBe('');
      expect(en.trim(), code).not.toBe('');
      expect(vi, `${code} reads the same in both languages`).not.toBe(en);
      expect(ERROR_STATUS[code], code).toBeGreaterThanOrEqual(400);
      expect(ERROR_STATUS[code], code).toBeLessThan(600);
    }
    expect(Object.keys(ERROR_STATUS).sort()).toEqual([...codes].sort());
  });

  it('an AppError answers with its code’s own status', () => {
    // slip-void was once 410 when casting and 409 when voiding at the desk.
    expect(new AppError('slip-void').status).toBe(409);
    expect(new AppError('session-not-found').status).toBe(404);
    expect(new AppError('quorum-not-met', { quorum: '1/2' })).toMatchObject({ status: 409, params: { quorum: '1/2' } });
  });

  it('each is used by the program itself (thrown, sent or produced by a page), not only by a test', () => {
    const texts = ['server', 'client', 'shared', 'scripts']
      .flatMap((dir) => sourceFiles(join(ROOT, dir)))
      .filter((file) => !/\.test\.tsx?$/.test(file) && !file.endsWith(join('shared', 'errors.ts')))
      .map((file) => readFileSync(file, 'utf8'));
    const unused = codes.filter((code) => !texts.some((text) => text.includes(`'${code}'`) || text.includes(`"${code}"`) || text.includes(`\`${code}\``)));
    expect(unused).toEqual([]);
  });
});
