/**
 * The ballot page's weight budget: everything a phone loads for `/b/<slip>` — the HTML and
 * every asset it references, their static imports, and what their CSS pulls in — gzipped,
 * must stay within 35 KB, and nothing may come from outside the laptop.
 *
 *   tsx scripts/check-budget.ts [distDir]     (exit 1 when over budget)
 *
 * It also writes a `.gz` beside each asset it weighed: the server (@fastify/static with
 * `preCompressed`) sends those to phones, so what is measured here is what goes over the air.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

/** 35 KB over the wire, gzip. */
export const BALLOT_BUDGET_BYTES = 35 * 1024;

export interface BudgetFile {
  /** Path relative to the dist dir. */
  path: string;
  raw: number;
  gzip: number;
}

export interface BudgetReport {
  files: BudgetFile[];
  total: number;
  limit: number;
  /** References to other hosts, or to files that are not in dist. */
  problems: string[];
  ok: boolean;
}

/** HTML: src/href of script and link tags (stylesheet, modulepreload, icon, preload). */
function htmlRefs(text: string): string[] {
  const refs: string[] = [];
  for (const tag of text.match(/<(script|link|img|source)\b[^>]*>/gi) ?? []) {
    const m = /\b(?:src|href)\s*=\s*["']([^"']+)["']/i.exec(tag);
    if (m) refs.push(m[1]!);
  }
  return refs;
}

/** JS: static and dynamic imports, and any string naming a built asset (fonts, images). */
function jsRefs(text: string): string[] {
  const refs = new Set<string>();
  for (const m of text.matchAll(/(?:\bfrom\s*|\bimport\s*\(?\s*)["'`]([^"'`]+)["'`]/g)) refs.add(m[1]!);
  for (const m of text.matchAll(/["'`]((?:\.{0,2}\/)?(?:assets\/)?[\w.-]+-[\w-]{8}\.(?:js|css|woff2?|ttf|otf|png|svg|webp))["'`]/g)) refs.add(m[1]!);
  return [...refs];
}

/** CSS: url(...) and @import. */
function cssRefs(text: string): string[] {
  const refs: string[] = [];
  for (const m of text.matchAll(/url\(\s*["']?([^"')]+)["']?\s*\)/g)) refs.push(m[1]!);
  for (const m of text.matchAll(/@import\s+["']([^"']+)["']/g)) refs.push(m[1]!);
  return refs;
}

/** Follow every reference from `entry` (an HTML file in `distDir`) and weigh each file once. */
export function measurePage(distDir: string, entry = 'index.html', limit = BALLOT_BUDGET_BYTES): BudgetReport {
  const root = resolve(distDir);
  const seen = new Set<string>();
  const files: BudgetFile[] = [];
  const problems: string[] = [];
  const queue: string[] = [join(root, entry)];
  const entryFile = join(root, entry);
  if (!existsSync(entryFile)) throw new Error(`${entryFile} does not exist: run \`npx vite build\` first`);

  while (queue.length > 0) {
    const file = queue.shift()!;
    if (seen.has(file)) continue;
    seen.add(file);
    const bytes = readFileSync(file);
    const rel = relative(root, file);
    files.push({ path: rel, raw: bytes.length, gzip: gzipSync(bytes, { level: 9 }).length });
    const text = /\.(html|js|mjs|css)$/.test(file) ? bytes.toString('utf8') : '';
    const refs = file.endsWith('.html') ? htmlRefs(text) : file.endsWith('.css') ? cssRefs(text) : file.endsWith('js') ? jsRefs(text) : [];
    for (const ref of refs) {
      if (ref.startsWith('data:') || ref.startsWith('#')) continue;
      if (/^([a-z]+:)?\/\//i.test(ref)) {
        problems.push(`${rel} references another host: ${ref}`);
        continue;
      }
      const clean = ref.split(/[?#]/)[0]!;
      const target = clean.startsWith('/') ? join(root, clean) : resolve(dirname(file), clean);
      if (!target.startsWith(root)) {
        problems.push(`${rel} references a file outside dist: ${ref}`);
      } else if (existsSync(target)) {
        queue.push(target);
      } else if (!file.endsWith('js')) {
        // A JS string that merely looks like an asset may name nothing; HTML and CSS may not.
        problems.push(`${rel} references a missing file: ${ref}`);
      }
    }
  }
  const total = files.reduce((sum, f) => sum + f.gzip, 0);
  return { files, total, limit, problems, ok: total <= limit && problems.length === 0 };
}

/** Write `<asset>.gz` for every weighed asset under assets/ (pages are sent by the server itself). */
export function writeGzipped(distDir: string, report: BudgetReport): string[] {
  const written: string[] = [];
  for (const f of report.files) {
    if (!f.path.startsWith('assets/')) continue;
    const file = join(resolve(distDir), f.path);
    writeFileSync(`${file}.gz`, gzipSync(readFileSync(file), { level: 9 }));
    written.push(`${f.path}.gz`);
  }
  return written;
}

export function formatReport(report: BudgetReport): string {
  const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;
  const lines = report.files.map((f) => `  ${f.path.padEnd(40)} ${kb(f.raw).padStart(9)} raw ${kb(f.gzip).padStart(9)} gzip`);
  lines.push(`  ${'total'.padEnd(40)} ${''.padStart(13)} ${kb(report.total).padStart(9)} gzip (budget ${kb(report.limit)})`);
  for (const p of report.problems) lines.push(`  problem: ${p}`);
  lines.push(report.ok ? 'ballot page within budget' : 'ballot page OVER BUDGET');
  return lines.join('\n');
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const dist = process.argv[2] ?? fileURLToPath(new URL('../dist', import.meta.url));
  const report = measurePage(dist);
  console.log(`Ballot page weight (${dist}/index.html):\n${formatReport(report)}`);
  if (report.ok) writeGzipped(dist, report);
  process.exit(report.ok ? 0 : 1);
}
