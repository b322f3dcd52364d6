import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { recountBallotsFile, type BallotsFile, type ResultsFile } from '../../shared/results-file';
import { castBallots, randomMarks, seeded } from '../../test/results';
import { prepareSession, startTestServer, type TestServer } from '../../test/server';

let server: TestServer;
beforeEach(async () => {
  server = await startTestServer();
});
afterEach(async () => {
  await server.close();
});

async function raw(path: string, headers: Record<string, string> = {}) {
  return fetch(`${server.url}${path}`, { headers: { cookie: server.admin.cookieHeader, ...headers } });
}

/** A closed vote on three people, two of whom carry names a spreadsheet would execute. */
async function closedVote(ballots: number, seed = 1) {
  const { session, slips, shares } = await prepareSession(server.admin, { persons: 3, slips: ballots + 2 });
  const { persons } = await server.admin.call('PUT /api/admin/sessions/:id/persons', { params: { id: session.id }, body: {
    persons: [
      { fullName: 'Nguyễn Thị Hồng Nhung', position: 'Bí thư Tỉnh ủy' },
      { fullName: '=HYPERLINK("http://x","Trần Văn Đức")', position: '+84 Phó Chủ tịch' },
      { fullName: 'Lê Quốc Việt', position: '@Ủy viên; "Trưởng ban"' },
    ],
  } });
  const ids = (persons as { id: string }[]).map((p) => p.id);
  await server.admin.call('POST /api/admin/sessions/:id/open', { params: { id: session.id }, body: {} });
  const random = seeded(seed);
  await castBallots(server.url, session.id, slips, Array.from({ length: ballots }, () => randomMarks(random, ids, ['high', 'medium', 'low'])));
  await server.admin.call('POST /api/admin/sessions/:id/close', { params: { id: session.id } });
  // Until the committee opens the box, nothing that carries counts leaves the server.
  for (const path of ['results', 'results.json', 'results.csv', 'ballots.json', 'minutes', 'minutes.pdf']) {
    await expect(server.admin.raw('GET', `/api/admin/sessions/${session.id}/${path}`)).rejects.toMatchObject({ status: 409, code: 'box-locked' });
  }
  await server.admin.openBox(session.id, shares.slice(0, 2));
  return { session, ids };
}

describe('publishing results', () => {
  it('refuses before close, then publishes once and records it in the audit log', async () => {
    const { session, shares } = await prepareSession(server.admin, { persons: 2, slips: 3 });
    await expect(server.admin.call('POST /api/admin/sessions/:id/publish', { params: { id: session.id } })).rejects.toMatchObject({ status: 409, code: 'session-not-closed' });
    await server.admin.call('POST /api/admin/sessions/:id/open', { params: { id: session.id }, body: {} });
    await expect(server.admin.call('POST /api/admin/sessions/:id/publish', { params: { id: session.id } })).rejects.toMatchObject({ code: 'session-not-closed' });
    await server.admin.call('POST /api/admin/sessions/:id/close', { params: { id: session.id } });
    await expect(server.admin.call('POST /api/admin/sessions/:id/publish', { params: { id: session.id } })).rejects.toMatchObject({ status: 409, code: 'box-locked' });
    await server.admin.openBox(session.id, shares.slice(0, 2));

    const first = await server.admin.call('POST /api/admin/sessions/:id/publish', { params: { id: session.id } });
    expect(first.already).toBe(false);
    const second = await server.admin.call('POST /api/admin/sessions/:id/publish', { params: { id: session.id } });
    expect(second).toEqual({ publishedAt: first.publishedAt, already: true });

    const { events } = await server.admin.call('GET /api/admin/sessions/:id/audit', { params: { id: session.id } });
    expect(events.filter((e: { event: string }) => e.event === 'results.published')).toHaveLength(1);
    const { sessions } = await server.admin.call('GET /api/admin/sessions');
    expect(sessions.find((s: { id: string }) => s.id === session.id)!.publishedAt).toBe(first.publishedAt);
  });

  it('requires the admin cookie to publish and to export', async () => {
    const { session } = await prepareSession(server.admin, { persons: 1, slips: 1 });
    for (const path of ['publish']) {
      const res = await fetch(`${server.url}/api/admin/sessions/${session.id}/${path}`, { method: 'POST' });
      expect(res.status).toBe(401);
    }
    for (const path of ['results.csv', 'results.json', 'ballots.json', 'minutes.pdf', 'minutes']) {
      expect((await fetch(`${server.url}/api/admin/sessions/${session.id}/${path}`)).status).toBe(401);
      const before = await raw(`/api/admin/sessions/${session.id}/${path}`);
      expect(before.status).toBe(409);
      expect(((await before.json()) as { error: string }).error).toBe('session-not-closed');
    }
  });
});

describe('the display route', () => {
  it('answers only with the display key, and carries no per-person counts', async () => {
    const { session } = await prepareSession(server.admin, { persons: 2, slips: 3 });
    const path = `/api/display/${session.id}`;
    expect((await fetch(`${server.url}${path}`)).status).toBe(403);
    const wrong = await fetch(`${server.url}${path}`, { headers: { 'x-display-key': 'not-the-key' } });
    expect(wrong.status).toBe(403);
    expect(await wrong.json()).toMatchObject({ error: 'bad-display-key', message: { vi: expect.stringContaining('màn hình') } });
    const unknown = await fetch(`${server.url}/api/display/AAAAAAAAAAAA`, { headers: { 'x-display-key': session.displayKey } });
    expect(unknown.status).toBe(403);

    const ok = await fetch(`${server.url}${path}`, { headers: { 'x-display-key': session.displayKey } });
    expect(ok.status).toBe(200);
    const info = (await ok.json()) as Record<string, unknown>;
    expect(info).toMatchObject({ id: session.id, title: session.title, base: { id: 'collected', label: { vi: 'tổng số phiếu thu về' } } });
    expect(info.turnout).toMatchObject({ issued: 3, collected: 0, state: 'draft', published: false });
    expect(JSON.stringify(info)).not.toMatch(/counts|percents|displayKey/);
  });
});

describe('exports after close', () => {
  it('results.json equals the tally, and ballots.json recounts to exactly the same file', async () => {
    const { session } = await closedVote(17, 7);
    const tallied = await server.admin.call('GET /api/admin/sessions/:id/results', { params: { id: session.id } });
    const res = await raw(`/api/admin/sessions/${session.id}/results.json`);
    expect(res.headers.get('content-disposition')).toMatch(/attachment/);
    const file = (await res.json()) as ResultsFile;
    expect(file.results).toEqual(tallied);
    expect(file.session).toMatchObject({ id: session.id, title: session.title, place: 'Hạ Long', heldOn: '2026-11-27', state: 'closed' });

    const ballots = (await (await raw(`/api/admin/sessions/${session.id}/ballots.json`)).json()) as BallotsFile;
    expect(ballots.ballots).toHaveLength(17);
    expect(ballots.collected).toEqual({ phone: 17, paper: 0 });
    // No ids, no sources, no times: each ballot is a bare list of marks in printed order.
    for (const b of ballots.ballots) {
      expect(b).toHaveLength(3);
      for (const mark of b) expect(mark === null || ['high', 'medium', 'low'].includes(mark)).toBe(true);
    }
    expect(JSON.stringify(ballots)).not.toMatch(/slip|nonce|"source"|"at"/);
    expect(recountBallotsFile(ballots)).toEqual(file);
  });

  it('results.csv starts with the BOM, keeps Vietnamese, and neutralises formula cells', async () => {
    const { session } = await closedVote(6, 3);
    const res = await raw(`/api/admin/sessions/${session.id}/results.csv`);
    expect(res.headers.get('content-type')).toMatch(/text\/csv; charset=utf-8/);
    const bytes = new Uint8Array(await res.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes);
    expect(text.startsWith('\uFEFF"STT","Họ và tên","Chức vụ"')).toBe(true);
    const lines = text.slice(1).trimEnd().split('\r\n');
    expect(lines).toHaveLength(4);
    expect(lines[0]).toContain('"Tín nhiệm thấp (tỉ lệ trên tổng số phiếu thu về)"');
    expect(lines[1]).toMatch(/^"1","Nguyễn Thị Hồng Nhung","Bí thư Tỉnh ủy","8","6",/);
    expect(lines[2]).toContain(`"'=HYPERLINK(""http://x"",""Trần Văn Đức"")","'+84 Phó Chủ tịch"`);
    expect(lines[3]).toContain(`"'@Ủy viên; ""Trưởng ban"""`);
    // No cell may begin with a formula sign once Excel has unquoted it.
    for (const line of lines) for (const cell of line.split('","')) expect(cell.replace(/^"/, '')).not.toMatch(/^[=+\-@]/);
    const results = await server.admin.call('GET /api/admin/sessions/:id/results', { params: { id: session.id } });
    const p = results.persons[0]!;
    expect(lines[1]).toContain(`"${p.counts.high}","${String(p.percents.high!.toFixed(2)).replace('.', ',')}%"`);
  });

  it('the A4 print page carries the numbers, the base, and escapes names', async () => {
    const { session } = await closedVote(5, 11);
    const res = await raw(`/api/admin/sessions/${session.id}/minutes`);
    expect(res.headers.get('content-type')).toMatch(/text\/html/);
    const html = await res.text();
    expect(html).toContain('BIÊN BẢN KIỂM PHIẾU');
    expect(html).toContain('Hạ Long, ngày 27 tháng 11 năm 2026');
    expect(html).toContain('ĐẢNG CỘNG SẢN VIỆT NAM');
    expect(html).not.toContain('Độc lập - Tự do - Hạnh phúc');
    expect(html).toContain('Tỉ lệ phần trăm tính trên tổng số phiếu thu về (5 phiếu).');
    expect(html).toContain('Kết quả kiểm phiếu như sau:');
    expect(html).toContain('=HYPERLINK(&quot;http://x&quot;,&quot;Trần Văn Đức&quot;)');
    expect(html).not.toContain('<script');
  });
});
