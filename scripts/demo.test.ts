import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startTestServer, TEST_PASSWORD, type TestServer } from '../test/server';
import { runDemo } from './demo';

let server: TestServer;
beforeEach(async () => {
  server = await startTestServer();
});
afterEach(async () => {
  await server.close();
});

describe('npm run demo', () => {
  it('creates a sample vote of 15 people with slips, and prints working links', async () => {
    const lines: string[] = [];
    const result = await runDemo({ url: server.url, password: TEST_PASSWORD, slips: 4, log: (l) => lines.push(l) });
    expect(result.persons).toBe(15);
    expect(result.slipUrls).toHaveLength(4);
    const session = await server.admin.call('GET /api/admin/sessions/:id', { params: { id: result.sessionId } });
    expect(session.persons[2]).toMatchObject({ fullName: 'Lê Minh Đức', position: 'Phó Bí thư Tỉnh ủy, Chủ tịch Ủy ban nhân dân tỉnh' });
    expect(session.persons.every((p: { fullName: string }) => p.fullName === p.fullName.normalize('NFC'))).toBe(true);
    expect((await server.admin.call('GET /api/admin/sessions/:id/committee', { params: { id: result.sessionId } })).members).toHaveLength(3);
    const { slips } = await server.admin.call('GET /api/admin/sessions/:id/slips', { params: { id: result.sessionId } });
    for (const slip of slips) expect(result.slipUrls.some((u) => u.endsWith(slip.path))).toBe(true);
    expect(result.displayUrl).toContain(`/display/${result.sessionId}#${session.displayKey}`);
    expect(lines.join('\n')).toContain(result.consoleUrl);
    // The console and ballot pages the links point to answer.
    expect((await fetch(result.consoleUrl)).status).not.toBe(404);
  });

  it('seals the box to the sample committee and prints each share once, under a rehearsal-only warning', async () => {
    const lines: string[] = [];
    const result = await runDemo({ url: server.url, password: TEST_PASSWORD, slips: 2, log: (l) => lines.push(l) });
    expect(result).toMatchObject({ sealed: true, threshold: 2 });
    expect(result.shares.map((s) => s.fullName)).toEqual(['Nguyễn Thị Bích', 'Trần Văn Nam', 'Lê Thị Hoa']);
    const text = lines.join('\n');
    for (const share of result.shares) expect(text.split(share.code)).toHaveLength(2);
    expect(text).toContain('REHEARSAL ONLY');
    const session = await server.admin.call('GET /api/admin/sessions/:id', { params: { id: result.sessionId } });
    expect(session).toMatchObject({ sealed: true, box: { threshold: 2 } });
    expect(session.boxHolders).toHaveLength(3);

    // The shares it printed open the box after the rehearsal vote.
    await server.admin.call('POST /api/admin/sessions/:id/open', { params: { id: result.sessionId }, body: {} });
    await server.admin.call('POST /api/admin/sessions/:id/close', { params: { id: result.sessionId } });
    expect(await server.admin.openBox(result.sessionId, [result.shares[2]!.code, result.shares[0]!.code])).toMatchObject({ opened: true });
  });

  it('with sealed: false makes an unsealed box and prints no shares', async () => {
    const lines: string[] = [];
    const result = await runDemo({ url: server.url, password: TEST_PASSWORD, slips: 2, sealed: false, log: (l) => lines.push(l) });
    expect(result).toMatchObject({ sealed: false, threshold: null, shares: [] });
    expect(lines.join('\n')).toContain('UNSEALED');
    expect(await server.admin.call('GET /api/admin/sessions/:id', { params: { id: result.sessionId } })).toMatchObject({ sealed: false });
    await server.admin.call('POST /api/admin/sessions/:id/open', { params: { id: result.sessionId }, body: {} });
  });
});
