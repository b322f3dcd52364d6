import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT_DIR } from '../server/app';
import { startTestServer, TEST_PASSWORD, type TestServer } from '../server/test-helpers';

const run = promisify(execFile);
let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(async () => {
  await server.close();
});

function simulate(args: string[]) {
  return run(process.execPath, ['--import', 'tsx', join(ROOT_DIR, 'scripts/simulate.ts'), ...args], { cwd: ROOT_DIR });
}

describe('npm run simulate', () => {
  it('runs a whole vote through the public API and ends with one JSON line that agrees', async () => {
    const { stdout } = await simulate(['--url', server.url, '--password', TEST_PASSWORD, '--voters', '40', '--persons', '4', '--preset', 'nq96-2023-lay-phieu']);
    const last = JSON.parse(stdout.trim().split('\n').at(-1)!);
    expect(last).toMatchObject({ voters: 40, acked: 40, tallyMatches: true, collected: 40, presetId: 'nq96-2023-lay-phieu' });
    const results = await server.admin.call('GET', `/api/admin/sessions/${last.sessionId}/results`);
    expect(results.collected.total).toBe(40);
  });

  it('exits 1 with a JSON line when it cannot run the vote', async () => {
    const failed = await simulate(['--url', server.url, '--password', 'wrong', '--voters', '3']).catch((e) => e);
    expect(failed.code).toBe(1);
    expect(JSON.parse(failed.stdout.trim().split('\n').at(-1)!)).toMatchObject({ tallyMatches: false });
  });
});
