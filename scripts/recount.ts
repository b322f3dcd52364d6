/**
 * Independent recount: `npm run recount -- ballots.json`.
 * Reads the anonymised ballots a vote exported, recomputes the tally with the shared rules
 * (shared/tally.ts) and prints it as ONE JSON line in the shape of results.json, so the
 * tally committee can compare the two files (e.g. with `jq -S`). Needs nothing but the file:
 * no server, no database.
 */
import { readFileSync } from 'node:fs';
import { BallotsFileError, recountBallotsFile, type BallotsFile } from '../shared/results-file';

function main(argv: string[]): number {
  const path = argv.find((a) => !a.startsWith('-'));
  if (!path || argv.includes('--help')) {
    process.stderr.write('usage: npm run recount -- ballots.json\n');
    return path ? 0 : 2;
  }
  let file: BallotsFile;
  try {
    file = JSON.parse(readFileSync(path, 'utf8').replace(/^\uFEFF/, '')) as BallotsFile;
  } catch (err) {
    process.stderr.write(`recount: cannot read ${path}: ${(err as Error).message}\n`);
    return 1;
  }
  try {
    process.stdout.write(`${JSON.stringify(recountBallotsFile(file))}\n`);
    return 0;
  } catch (err) {
    if (err instanceof BallotsFileError) {
      process.stderr.write(`recount: ${err.message}\n`);
      return 1;
    }
    throw err;
  }
}

process.exitCode = main(process.argv.slice(2));
