/**
 * The folders' import rules (README.md, "Layout"), checked on every production file of
 * server/, client/ and shared/: each static import, `import type`, `export … from` and
 * dynamic `import()` is read with TypeScript's own pre-processor and its target's top-level
 * folder compared with what the importer's folder may reach.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, posix, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const CHECKED = ['server', 'client', 'shared'] as const;
type Checked = (typeof CHECKED)[number];

/** Top-level folders each checked folder must never import from. */
const FORBIDDEN: Record<Checked, readonly string[]> = {
  server: ['client', 'test', 'scripts', 'e2e'],
  client: ['server', 'test', 'scripts', 'e2e'],
  shared: ['server', 'client', 'test', 'scripts', 'e2e'],
};

const isTest = (path: string) => /\.test\.tsx?$/.test(path);

/** Every .ts/.tsx file under a folder, as a path relative to the root with forward slashes. */
function sourceFiles(folder: string): string[] {
  return readdirSync(join(ROOT, folder), { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && /\.tsx?$/.test(entry.name))
    .map((entry) => relative(ROOT, join(entry.parentPath, entry.name)).split(sep).join('/'));
}

interface Violation {
  file: string;
  specifier: string;
  reaches: string;
}

/**
 * The imports among `files` (path relative to the root → source) that break the rules.
 * Bare specifiers (packages) are allowed; a relative one is resolved against its importer.
 */
function findViolations(files: ReadonlyMap<string, string>): Violation[] {
  const found: Violation[] = [];
  for (const [file, source] of files) {
    const from = file.split('/')[0] as string;
    if (!(CHECKED as readonly string[]).includes(from) || isTest(file)) continue;
    const { importedFiles } = ts.preProcessFile(source, true, true);
    for (const { fileName: specifier } of importedFiles) {
      if (!specifier.startsWith('.')) continue;
      const target = posix.normalize(posix.join(posix.dirname(file), specifier.split('?')[0] as string));
      const reaches = target.startsWith('../') ? '(outside the project)' : (target.split('/')[0] as string);
      if (reaches === from) continue;
      if (reaches === '(outside the project)' || FORBIDDEN[from as Checked].includes(reaches)) {
        found.push({ file, specifier, reaches });
      }
    }
  }
  return found;
}

describe('import rules between folders', () => {
  it('no production file of server/, client/ or shared/ imports a folder it may not', () => {
    const files = new Map<string, string>();
    for (const folder of CHECKED) {
      for (const file of sourceFiles(folder)) files.set(file, readFileSync(join(ROOT, file), 'utf8'));
    }
    // The walk saw the tree: a file of each folder is among those read.
    expect(files.has('server/app.ts') && files.has('client/socket.ts') && files.has('shared/protocol.ts')).toBe(true);
    expect(findViolations(files)).toEqual([]);
  });

  it('catches each kind of import that breaks a rule, and lets tests and packages through', () => {
    const files = new Map<string, string>([
      ['server/domain/x.ts', "import { startTestServer } from '../../test/server';\nimport type { S } from '../../client/socket';"],
      ['server/y.ts', "export { run } from '../scripts/lib/client';\nimport Fastify from 'fastify';"],
      ['client/ballot/z.tsx', "const m = await import('../../server/app');\nimport './z.css';\nimport { t } from '../../shared/i18n/ballot';"],
      ['shared/w.ts', "import type { Database } from '../server/db/schema';\nimport { q } from './protocol';"],
      ['shared/v.ts', "import { a } from '../../elsewhere/a';"],
      ['server/ok.test.ts', "import { startTestServer } from '../test/server';"],
      ['client/u.test.tsx', "import { buildApp } from '../server/app';"],
    ]);
    expect(findViolations(files)).toEqual([
      { file: 'server/domain/x.ts', specifier: '../../test/server', reaches: 'test' },
      { file: 'server/domain/x.ts', specifier: '../../client/socket', reaches: 'client' },
      { file: 'server/y.ts', specifier: '../scripts/lib/client', reaches: 'scripts' },
      { file: 'client/ballot/z.tsx', specifier: '../../server/app', reaches: 'server' },
      { file: 'shared/w.ts', specifier: '../server/db/schema', reaches: 'server' },
      { file: 'shared/v.ts', specifier: '../../elsewhere/a', reaches: '(outside the project)' },
    ]);
  });
});
