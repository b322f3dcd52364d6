import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { ROOT_DIR } from '../server/app';

const run = promisify(execFile);

// The figures a reader of docs/operations.md compares run to run; the bench prints more.
const FIELDS = [
  'voters',
  'acked',
  'ballotsPerSec',
  'p50Ms',
  'p99Ms',
  'steadyP99Ms',
  'rssMb',
  'rawWsEchoPerSec',
  'rawWsEchoP99Ms',
  'rawSqliteCommitsPerSec',
  'rawSqliteBatchRowsPerSec',
  'ratio',
  'slipsPerSec',
  'closeToResultsMs',
  'fsyncMs',
];

describe('npm run bench', () => {
  it('--quick runs the server, the echo and SQLite once, every phone is recorded, and the last line is JSON of finite numbers', async () => {
    const { stdout } = await run(process.execPath, ['--import', 'tsx', join(ROOT_DIR, 'scripts/bench.ts'), '--quick'], {
      cwd: ROOT_DIR,
      timeout: 170_000,
      maxBuffer: 16 * 1024 * 1024,
    });
    const last = JSON.parse(stdout.trim().split('\n').at(-1)!) as Record<string, unknown>;
    for (const field of FIELDS) expect(last, field).toHaveProperty(field);
    for (const [field, value] of Object.entries(last)) expect(Number.isFinite(value), `${field}: ${String(value)}`).toBe(true);
    expect(last.voters).toBe(300);
    expect(last.acked).toBe(last.voters);
    expect(last.steadyAcked).toBe(last.voters);
    expect(last.resultsCollected).toBe(last.voters);
    expect(last.failures).toBe(0);
    // The echo carried frames of exactly the cast's size.
    expect(last.echoFrameBytes).toBe(last.castFrameBytes);
    expect(last.castFrameSizes).toBe(1);
    // The human table comes first, the goals read against it.
    expect(stdout).toContain('| durable ballots/s, 300 phones in one burst');
    expect(stdout).toContain('issue 9 goals');
  }, 180_000);
});
