import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { BALLOT_BUDGET_BYTES, formatReport, measurePage, writeGzipped } from './check-budget';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

/** A tiny dist: page → entry.js → chunk.js (+ css → font), with `chunkBytes` of incompressible data. */
function fixture(chunkBytes: number, extraHtml = ''): string {
  const dir = mkdtempSync(join(tmpdir(), 'tinnhiem-budget-'));
  dirs.push(dir);
  mkdirSync(join(dir, 'assets'));
  writeFileSync(
    join(dir, 'index.html'),
    `<!doctype html><script type="module" crossorigin src="/assets/entry-AbCdEf12.js"></script><link rel="stylesheet" href="/assets/page-AbCdEf12.css">${extraHtml}`,
  );
  writeFileSync(join(dir, 'assets/entry-AbCdEf12.js'), `import{a}from"./chunk-ZyXwVu98.js";a();`);
  writeFileSync(join(dir, 'assets/chunk-ZyXwVu98.js'), `export const a=()=>"${randomBytes(chunkBytes).toString('base64')}";`);
  writeFileSync(join(dir, 'assets/page-AbCdEf12.css'), `@font-face{src:url(/assets/font-Qq11Ww22.woff2)}body{color:red}`);
  writeFileSync(join(dir, 'assets/font-Qq11Ww22.woff2'), randomBytes(2000));
  writeFileSync(join(dir, 'assets/unrelated-Xx00Yy11.js'), randomBytes(100_000).toString('base64'));
  return dir;
}

describe('ballot page budget', () => {
  it('the built ballot page (dist/, made by `vite build` before the tests) is within 35 KB gzip', () => {
    const report = measurePage(join(ROOT, 'dist'));
    console.log(formatReport(report));
    expect(report.problems).toEqual([]);
    expect(report.files.some((f) => f.path.endsWith('.js'))).toBe(true);
    expect(report.files.some((f) => f.path.endsWith('.css'))).toBe(true);
    // The console's and display's own code must not ride along.
    expect(report.files.map((f) => f.path).filter((p) => /admin|display/.test(p))).toEqual([]);
    expect(report.total).toBeLessThanOrEqual(BALLOT_BUDGET_BYTES);
    expect(report.ok).toBe(true);
  });

  it('follows script, stylesheet, static import and font, and skips what the page does not load', () => {
    const report = measurePage(fixture(1000));
    expect(report.files.map((f) => f.path).sort()).toEqual([
      'assets/chunk-ZyXwVu98.js',
      'assets/entry-AbCdEf12.js',
      'assets/font-Qq11Ww22.woff2',
      'assets/page-AbCdEf12.css',
      'index.html',
    ]);
    expect(report.total).toBe(report.files.reduce((s, f) => s + f.gzip, 0));
    expect(report.ok).toBe(true);
  });

  it('fails when an imported chunk pushes the page over budget', () => {
    const report = measurePage(fixture(40 * 1024));
    expect(report.total).toBeGreaterThan(BALLOT_BUDGET_BYTES);
    expect(report.ok).toBe(false);
    expect(formatReport(report)).toContain('OVER BUDGET');
  });

  it('fails on anything fetched from another host, e.g. a CDN font', () => {
    const report = measurePage(fixture(10, '<link rel="stylesheet" href="https://fonts.googleapis.com/css?family=Roboto">'));
    expect(report.problems).toEqual(['index.html references another host: https://fonts.googleapis.com/css?family=Roboto']);
    expect(report.ok).toBe(false);
  });

  it('the command exits 1 over budget and 0 within it', () => {
    const run = (dir: string) => {
      try {
        execFileSync(process.execPath, ['--import', 'tsx', join(ROOT, 'scripts/check-budget.ts'), dir], { stdio: 'pipe' });
        return 0;
      } catch (err) {
        return (err as { status: number }).status;
      }
    };
    expect(run(fixture(40 * 1024))).toBe(1);
    const good = fixture(100);
    expect(run(good)).toBe(0);
    // Within budget, the weighed assets get their .gz for the server to send.
    expect(existsSync(join(good, 'assets/entry-AbCdEf12.js.gz'))).toBe(true);
    expect(existsSync(join(good, 'assets/unrelated-Xx00Yy11.js.gz'))).toBe(false);
  });

  it('writes a .gz beside each weighed asset that unzips to the same bytes', () => {
    const dir = fixture(500);
    const written = writeGzipped(dir, measurePage(dir));
    expect(written.sort()).toEqual([
      'assets/chunk-ZyXwVu98.js.gz',
      'assets/entry-AbCdEf12.js.gz',
      'assets/font-Qq11Ww22.woff2.gz',
      'assets/page-AbCdEf12.css.gz',
    ]);
    for (const gz of written) {
      expect(gunzipSync(readFileSync(join(dir, gz)))).toEqual(readFileSync(join(dir, gz.slice(0, -3))));
    }
  });
});
