/**
 * The minutes are the official record and are in Vietnamese only: their appendix (the
 * audit log) must not print the server's English field names or values ("paperCollected",
 * "reason: mismatch", "format: pdf", "mode: append", "mục: title, heldOn"), nor the
 * English 'secretariat' for a desk that logged in without a name.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AdminClient, entryOf } from '../../scripts/lib/client';
import { castBallots } from '../../test/results';
import { closeAndOpenBox, prepareSession, startTestServer, TEST_PASSWORD, type TestServer } from '../../test/server';
import { loadMinutesModel } from './minutes-model';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(async () => {
  await server.close();
});

describe('the audit appendix of the minutes', () => {
  it('names every detail and value in Vietnamese', async () => {
    const admin = server.admin;
    // Unsealed: live results need a box the server can read.
    const { session } = await prepareSession(admin, { persons: 1, slips: 2, sealed: false });
    const id = session.id;
    const b = new AdminClient(server.url);
    await b.login(TEST_PASSWORD, 'Trần Thị B');
    await admin.call('PATCH /api/admin/sessions/:id', { params: { id }, body: { title: 'Hội nghị giữa nhiệm kỳ', heldOn: '2026-11-28', summoned: 100, present: 90 } });
    await admin.call('PUT /api/admin/sessions/:id/paper-issued', { params: { id }, body: { count: 3 } });
    await admin.call('POST /api/admin/sessions/:id/persons/import/confirm', { params: { id }, body: { mode: 'append', rows: [{ fullName: 'Lê Văn C', position: 'Ủy viên' }] } });
    const res = await fetch(`${server.url}/api/admin/sessions/${id}/slips/print.pdf?which=unprinted`, { headers: { cookie: admin.cookieHeader } });
    expect(res.status).toBe(200);
    await admin.call('POST /api/admin/sessions/:id/open', { params: { id }, body: {} });
    await admin.call('POST /api/admin/sessions/:id/live-results', { params: { id }, body: { enabled: true, override: true } });

    const people = (await admin.call('GET /api/admin/sessions/:id', { params: { id } })).persons as { id: string }[];
    const entries = `/api/admin/sessions/${id}/paper/entries`;
    const sheet = (level: string) => ({ invalidSheet: false, marks: Object.fromEntries(people.map((p) => [p.id, level])) });
    const kept = await admin.call('POST /api/admin/sessions/:id/paper/entries', { params: { id }, body: sheet('high') });
    await b.call('POST /api/admin/sessions/:id/paper/entries', { params: { id }, body: { ...sheet('high'), pendingId: entryOf(kept) } });
    const mismatched = await admin.call('POST /api/admin/sessions/:id/paper/entries', { params: { id }, body: sheet('high') });
    await expect(b.call('POST /api/admin/sessions/:id/paper/entries', { params: { id }, body: { ...sheet('low'), pendingId: entryOf(mismatched) } })).rejects.toMatchObject({ code: 'paper-mismatch' });
    const withdrawn = await admin.call('POST /api/admin/sessions/:id/paper/entries', { params: { id }, body: sheet('medium') });
    await admin.call('DELETE /api/admin/sessions/:id/paper/entries/:entryId', { params: { id, entryId: entryOf(withdrawn) } });
    await admin.call('POST /api/admin/sessions/:id/close', { params: { id } });

    const { appendix } = await loadMinutesModel(server.app.db, id);
    // The desk logged in without a name: the minutes print the console's Vietnamese name for it.
    expect(new Set(appendix.rows.map((r) => r.actor))).toEqual(new Set(['Bàn thư ký', 'Trần Thị B']));
    const details = appendix.rows.map((r) => r.detail).join('\n');
    expect(details).toContain('phiếu giấy đã thu về: 1');
    expect(details).toContain('mục: tên, ngày, số người được triệu tập, số người có mặt');
    expect(details).toContain('lý do: hai lần nhập không khớp');
    for (const english of [
      'paperCollected',
      'paperIssued',
      'reason',
      'mismatch',
      'withdrawn',
      'format',
      'pdf',
      'which',
      'unprinted',
      'imported',
      'mode',
      'append',
      'title',
      'heldOn',
      'presetId',
    ]) {
      expect(details, english).not.toContain(english);
    }
  });

  it('names the sealing and the opening of the box in Vietnamese, with who opened it', async () => {
    const { session, slips, shares } = await prepareSession(server.admin, { persons: 1, slips: 2 });
    const id = session.id;
    await server.admin.call('POST /api/admin/sessions/:id/open', { params: { id }, body: {} });
    await castBallots(server.url, id, slips, [{}]);
    await closeAndOpenBox(server.admin, id, shares);
    const { appendix } = await loadMinutesModel(server.app.db, id);
    const row = (event: string) => appendix.rows.find((r) => r.event === event)?.detail;
    expect(row('Niêm phong hòm phiếu điện tử')).toBe('số mảnh khóa cần để mở: 2; người giữ mảnh khóa: 3; niêm phong lại: không');
    expect(row('Mở hòm phiếu điện tử')).toBe(
      'phiếu điện thoại trong hòm: 1; phiếu không mở được hoặc không hợp lệ: 0; người xuất trình mảnh khóa: Nguyễn Thị Hòa, Trần Văn Bình',
    );
    const details = appendix.rows.map((r) => r.detail).join('\n');
    for (const english of ['threshold', 'holders', 'resealed', 'phoneBallots', 'spoilt']) expect(details, english).not.toContain(english);
  });
});
