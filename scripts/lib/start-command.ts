/**
 * How `npm start` runs the server, read from package.json's `start` script (its last step,
 * `node <flags> build/server.mjs`), so that the bench and the tests run it exactly so.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

export interface StartCommand {
  /** Node's own flags before the entry (V8's heap sizing, docs/operations.md). */
  nodeArgs: string[];
  /** The entry, relative to the project's root. */
  entry: string;
}

export function startCommand(rootDir: string): StartCommand {
  const pkg = JSON.parse(readFileSync(join(rootDir, 'package.json'), 'utf8')) as { scripts: Record<string, string> };
  const last = pkg.scripts.start!.split('&&').at(-1)!.trim().split(/\s+/);
  const entry = last.at(-1)!;
  if (last[0] !== 'node' || !entry.endsWith('.mjs') || last.slice(1, -1).some((a) => !a.startsWith('--'))) {
    throw new Error(`package.json's start script should end with "node [--flags] build/server.mjs", not "${last.join(' ')}"`);
  }
  return { nodeArgs: last.slice(1, -1), entry };
}
