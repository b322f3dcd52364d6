import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { recountBallotsFile, type BallotsFile, type ResultsFile } from '../../shared/results-file';
import { startTestServer, TEST_PASSWORD, type TestServer } from '../../test/server';
import { simulate } from '../simulate';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(async () => {
  await server.close();
});

describe('npm run simulate --out', () => {
  it('publishes, returns a working display link, and writes the minutes and exports that recount alike', async () => {
    const out = join(server.dir, 'out');
    const summary = await simulate({ url: server.url, password: TEST_PASSWORD, voters: 12, persons: 3, presetId: 'qd96-2023', outDir: out });
    expect(summary).toMatchObject({ tallyMatches: true, sealed: true, locked: false, castSizes: 1, receiptsInList: 12 });

    const link = new URL(summary.displayUrl);
    expect(link.pathname).toBe(`/display/${summary.sessionId}`);
    const info = await fetch(`${server.url}/api/display/${summary.sessionId}`, { headers: { 'x-display-key': link.hash.slice(1) } });
    expect(info.status).toBe(200);
    expect(((await info.json()) as { turnout: { published: boolean } }).turnout.published).toBe(true);

    expect(readFileSync(join(out, 'minutes.pdf')).subarray(0, 5).toString()).toBe('%PDF-');
    expect([...readFileSync(join(out, 'results.csv')).subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const results = JSON.parse(readFileSync(join(out, 'results.json'), 'utf8')) as ResultsFile;
    expect(results.results.collected.total).toBe(12);
    const ballots = JSON.parse(readFileSync(join(out, 'ballots.json'), 'utf8')) as BallotsFile;
    expect(recountBallotsFile(ballots)).toEqual(results);
  });
});
