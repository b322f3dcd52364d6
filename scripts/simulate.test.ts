import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT_DIR } from '../server/app';
import { startTestServer, TEST_PASSWORD, type TestServer } from '../test/server';

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

const lastLine = (stdout: string) => JSON.parse(stdout.trim().split('\n').at(-1)!);

describe('npm run simulate', () => {
  it('seals the box, casts alike-sized frames, opens with k shares, and ends with one JSON line that agrees', async () => {
    const { stdout } = await simulate(['--url', server.url, '--password', TEST_PASSWORD, '--voters', '40', '--persons', '4', '--preset', 'nq96-2023-lay-phieu']);
    const last = lastLine(stdout);
    expect(last).toMatchObject({
      voters: 40,
      acked: 40,
      tallyMatches: true,
      collected: 40,
      presetId: 'nq96-2023-lay-phieu',
      sealed: true,
      locked: false,
      committee: 3,
      threshold: 2,
      sharesPresented: 2,
      castSizes: 1,
      mismatches: [],
    });
    expect(last.receiptsInList).toBe(last.acked);
    expect(last.phoneBallots).toBe(40);
    const results = await server.admin.call('GET /api/admin/sessions/:id/results', { params: { id: last.sessionId } });
    expect(results.collected.total).toBe(40);
    const session = await server.admin.call('GET /api/admin/sessions/:id', { params: { id: last.sessionId } });
    expect(session).toMatchObject({ sealed: true, box: { threshold: 2, spoilt: 0 }, boxHolders: [{}, {}, {}] });
  });

  it('with fewer than k shares leaves the box locked, counts nothing and exits 1', async () => {
    const failed = await simulate(['--url', server.url, '--password', TEST_PASSWORD, '--voters', '6', '--persons', '2', '--shares', '1']).catch((e) => e);
    expect(failed.code).toBe(1);
    const last = lastLine(failed.stdout);
    expect(last).toMatchObject({ sealed: true, locked: true, threshold: 2, sharesPresented: 1, acked: 6, castSizes: 1, receiptsInList: null, tallyMatches: false });
    expect(last.mismatches).toEqual(['box locked: 1 of 2 shares presented']);
    // A locked box refuses the ballots export, and has no published list of tracking codes.
    const res = await fetch(`${server.url}/api/admin/sessions/${last.sessionId}/ballots.json`, { headers: { cookie: server.admin.cookieHeader } });
    expect(res.status).toBe(409);
    expect(await res.json()).toMatchObject({ error: 'box-locked' });
    expect((await fetch(`${server.url}/api/receipts/${last.sessionId}`)).status).toBe(404);
  });

  it('runs a bigger committee with a chosen threshold, and the unsealed path', async () => {
    const big = lastLine((await simulate(['--url', server.url, '--password', TEST_PASSWORD, '--voters', '5', '--persons', '2', '--committee', '5', '--threshold', '4'])).stdout);
    expect(big).toMatchObject({ sealed: true, committee: 5, threshold: 4, sharesPresented: 4, locked: false, tallyMatches: true, castSizes: 1, receiptsInList: 5 });
    const unsealed = lastLine((await simulate(['--url', server.url, '--password', TEST_PASSWORD, '--voters', '5', '--persons', '2', '--unsealed'])).stdout);
    expect(unsealed).toMatchObject({ sealed: false, threshold: null, locked: false, tallyMatches: true, castSizes: 1, receiptsInList: null, acked: 5 });
  });

  it('exits 1 with a JSON line when it cannot run the vote', async () => {
    const failed = await simulate(['--url', server.url, '--password', 'wrong', '--voters', '3']).catch((e) => e);
    expect(failed.code).toBe(1);
    expect(lastLine(failed.stdout)).toMatchObject({ tallyMatches: false });
  });
});
