/**
 * What the minutes say about the vote itself, through the real app and a real SQLite file:
 * the locality of the date line (and its fallback), the venue in the body, voting's opening
 * and closing times in Vietnam's time from the session's own record, the signature blocks,
 * and the draft state; the locality as the API takes it.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { adminDownload, closedMinutesVote } from '../../test/minutes-vote';
import { pageText, pdfLayout } from '../../test/pdf-layout';
import { prepareSession, startTestServer, type TestServer } from '../../test/server';
import { loadMinutesModel, signatureBlocks } from './minutes-model';
import { vietnamClock } from './minutes-times';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(async () => {
  await server.close();
});

const base = { title: 'Hội nghị', organisation: 'Đảng ủy', place: 'Hội trường A', heldOn: '2026-11-27', presetId: 'qd96-2023', summoned: 10, present: 9 };

async function pdfText(sessionId: string): Promise<string> {
  const pages = await pdfLayout((await adminDownload(server, `/api/admin/sessions/${sessionId}/minutes.pdf`, 'application/pdf')).bytes);
  return pages.map((p) => pageText(p)).join(' ');
}

describe('the locality of the minutes', () => {
  it('is taken on create and edit, cleaned like every typed text, copied with the vote, and limited in length', async () => {
    const created = await server.admin.call('POST /api/admin/sessions', { body: { ...base, locality: '  Thành phố\u00a0 Huế ' } });
    expect(created.locality).toBe('Thành phố Huế');
    expect(created.place).toBe('Hội trường A');
    // Created without one: empty, as a vote from before the field existed.
    const plain = await server.admin.call('POST /api/admin/sessions', { body: base });
    expect(plain.locality).toBe('');
    const edited = await server.admin.call('PATCH /api/admin/sessions/:id', { params: { id: plain.id }, body: { locality: 'Hạ Long' } });
    expect(edited.locality).toBe('Hạ Long');
    expect(edited.title).toBe('Hội nghị');
    await expect(server.admin.call('PATCH /api/admin/sessions/:id', { params: { id: plain.id }, body: { locality: 'Huế\u202e' } })).rejects.toMatchObject({ code: 'hidden-chars' });
    await expect(server.admin.call('PATCH /api/admin/sessions/:id', { params: { id: plain.id }, body: { locality: 'x'.repeat(101) } })).rejects.toMatchObject({ status: 400, code: 'bad-request' });
    expect((await server.admin.call('GET /api/admin/sessions/:id', { params: { id: plain.id } })).locality).toBe('Hạ Long');
    const { id: copy } = await server.admin.call('POST /api/admin/sessions/:id/duplicate', { params: { id: created.id } });
    expect((await server.admin.call('GET /api/admin/sessions/:id', { params: { id: copy } })).locality).toBe('Thành phố Huế');
    // The audit log names the field in words.
    const { events } = await server.admin.call('GET /api/admin/sessions/:id/audit', { params: { id: plain.id } });
    expect(JSON.stringify(events)).toContain('locality');
  });

  it('dates the minutes at the locality and keeps the venue in the body; with none, leaves a space to write it in', async () => {
    const { session } = await closedMinutesVote(server, { people: 2, phoneBallots: 3, details: { locality: 'Huế', place: 'Hội trường tầng 3, số 22 Lê Lợi' } });
    const model = await loadMinutesModel(server.app.db, session.id);
    expect(model.placeDate).toBe('Huế, ngày 27 tháng 11 năm 2026');
    expect(model.intro).toMatch(/^Hôm nay, ngày 27 tháng 11 năm 2026, tại Hội trường tầng 3, số 22 Lê Lợi, Ban kiểm phiếu Đảng bộ tỉnh Quảng Ninh đã tiến hành/);
    const text = await pdfText(session.id);
    expect(text).toContain('Huế, ngày 27 tháng 11 năm 2026');
    expect(text).not.toContain('Lê Lợi, ngày');

    const { session: none } = await closedMinutesVote(server, { people: 2, phoneBallots: 3, details: { locality: '' } });
    const fallback = await loadMinutesModel(server.app.db, none.id);
    // Never the venue ("Hạ Long" is the test venue): dots for the committee to fill in by hand.
    expect(fallback.placeDate).toBe('…………………, ngày 27 tháng 11 năm 2026');
    expect(await pdfText(none.id)).toContain('…………………, ngày 27 tháng 11 năm 2026');
  });
});

describe('the times of the vote in the minutes', () => {
  it('prints when voting opened and closed, from the session record, in Vietnam time (UTC+7), across midnight', async () => {
    const { session } = await closedMinutesVote(server, { people: 2, phoneBallots: 3 });
    const recorded = await server.app.db.selectFrom('vote_sessions').select(['opened_at', 'closed_at']).where('id', '=', session.id).executeTakeFirstOrThrow();
    // The server's own stamps are what the minutes print.
    const model = await loadMinutesModel(server.app.db, session.id);
    expect(model.times).toEqual([
      { label: 'Thời gian bắt đầu bỏ phiếu', value: vietnamClock(recorded.opened_at!) },
      { label: 'Thời gian kết thúc bỏ phiếu', value: vietnamClock(recorded.closed_at!) },
    ]);
    // Set to known moments: 01:05 UTC is 08:05 in Hà Nội; 17:30 UTC is 00:30 the next day.
    await server.app.db
      .updateTable('vote_sessions')
      .set({ opened_at: '2026-11-27T01:05:00.000Z', closed_at: '2026-11-27T17:30:00.000Z' })
      .where('id', '=', session.id)
      .execute();
    const text = await pdfText(session.id);
    expect(text).toContain('– Thời gian bắt đầu bỏ phiếu: 08 giờ 05 phút, ngày 27/11/2026.');
    expect(text).toContain('– Thời gian kết thúc bỏ phiếu: 00 giờ 30 phút, ngày 28/11/2026.');
    // Before the committee: the order of a Vietnamese record.
    expect(text.indexOf('Thời gian bắt đầu')).toBeLessThan(text.indexOf('Ban kiểm phiếu gồm:'));
    const html = await (await fetch(`${server.url}/api/admin/sessions/${session.id}/minutes`, { headers: { cookie: server.admin.cookieHeader } })).text();
    expect(html).toContain('– Thời gian kết thúc bỏ phiếu: 00 giờ 30 phút, ngày 28/11/2026.');
  });

  it('writes the clock the same whatever the server time zone', () => {
    expect(vietnamClock('2026-11-27T01:05:00.000Z')).toBe('08 giờ 05 phút, ngày 27/11/2026');
    expect(vietnamClock('2026-12-31T16:59:00.000Z')).toBe('23 giờ 59 phút, ngày 31/12/2026');
    expect(vietnamClock('2026-12-31T17:00:00.000Z')).toBe('00 giờ 00 phút, ngày 01/01/2027');
  });
});

describe('the signature blocks and the draft state', () => {
  it('puts Trưởng ban first whatever the committee order, one block a member; blank blocks for a committee not entered', () => {
    expect(
      signatureBlocks([
        { fullName: 'A', role: 'Ủy viên' },
        { fullName: 'B', role: 'Thư ký' },
        { fullName: 'C', role: 'Trưởng ban' },
      ]),
    ).toEqual([
      { title: 'TRƯỞNG BAN', name: 'C' },
      { title: 'ỦY VIÊN', name: 'A' },
      { title: 'THƯ KÝ', name: 'B' },
    ]);
    expect(signatureBlocks([])).toEqual([
      { title: 'TRƯỞNG BAN', name: '' },
      { title: 'ỦY VIÊN', name: '' },
      { title: 'ỦY VIÊN', name: '' },
    ]);
  });

  it('is a draft until results are published', async () => {
    const { session, slips, shares } = await prepareSession(server.admin, { persons: 2, slips: 2 });
    await server.admin.call('POST /api/admin/sessions/:id/open', { params: { id: session.id }, body: {} });
    void slips;
    await server.admin.call('POST /api/admin/sessions/:id/close', { params: { id: session.id } });
    await server.admin.openBox(session.id, shares.slice(0, 2));
    expect((await loadMinutesModel(server.app.db, session.id)).draft?.mark).toBe('DỰ THẢO');
    await server.admin.call('POST /api/admin/sessions/:id/publish', { params: { id: session.id } });
    expect((await loadMinutesModel(server.app.db, session.id)).draft).toBeNull();
  });
});
