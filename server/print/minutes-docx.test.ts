/**
 * The editable minutes (.docx) served by the real app, unzipped and read back: its text and
 * table cells must say what the PDF says, cell for cell, and equal the tally.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatPercent } from '../../shared/format';
import { readDocx } from '../../test/docx-read';
import { adminDownload, closedMinutesVote, MINUTES_COMMITTEE } from '../../test/minutes-vote';
import { pageText, pdfLayout } from '../../test/pdf-layout';
import { loadMinutesModel } from '../domain/minutes-model';
import { prepareSession, startTestServer, type TestServer } from '../../test/server';

const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(async () => {
  await server.close();
});

const squash = (s: string) => s.replace(/\s+/g, ' ').trim();

describe('the minutes as .docx', () => {
  it('is served as an attachment, never cached, with the tally cell for cell as the PDF prints it', async () => {
    const { session, results } = await closedMinutesVote(server, { people: 5, phoneBallots: 8, committee: 4 });
    const { bytes, headers } = await adminDownload(server, `/api/admin/sessions/${session.id}/minutes.docx`, DOCX);
    expect(headers.get('content-disposition')).toBe(`attachment; filename="bien-ban-kiem-phieu-${session.id}.docx"`);
    expect(headers.get('cache-control')).toBe('no-store');
    expect(new TextDecoder().decode(bytes.slice(0, 2))).toBe('PK');
    const docx = readDocx(bytes);
    const model = await loadMinutesModel(server.app.db, session.id);

    // The header table, then the body in the model's words.
    const [head, table] = docx.tables;
    // Between the results and the appendix, the signature rows.
    const signatures = docx.tables.slice(2, -1);
    expect(squash(head![0]![0]!)).toBe('ĐẢNG BỘ TỈNH QUẢNG NINH BAN KIỂM PHIẾU');
    expect(squash(head![0]![1]!)).toBe('ĐẢNG CỘNG SẢN VIỆT NAM Hạ Long, ngày 27 tháng 11 năm 2026');
    const body = docx.paragraphs;
    for (const line of [
      'BIÊN BẢN KIỂM PHIẾU',
      'Lấy phiếu tín nhiệm theo Quy định 96-QĐ/TW',
      model.intro,
      `– ${model.times[0]!.label}: ${model.times[0]!.value}.`,
      `– ${model.times[1]!.label}: ${model.times[1]!.value}.`,
      '1. Đỗ Thị Thanh Hương — Trưởng ban',
      '4. Công Tằng Tôn Nữ Thị Hoàng Quỳnh — Ủy viên',
      model.box.statement,
      ...model.box.facts.map((f) => `– ${f.label}: ${f.value}`),
      'Kết quả kiểm phiếu như sau:',
      '– Số người được triệu tập: 100',
      '– Tổng số phiếu phát ra: 13 (phiếu điện tử: 10; phiếu giấy: 3)',
      '– Tổng số phiếu thu về: 10 (phiếu điện tử: 8; phiếu giấy: 2)',
      'Tỉ lệ phần trăm tính trên tổng số phiếu thu về (10 phiếu).',
      ...model.thresholds,
      model.closing,
    ]) {
      expect(body, line).toContain(line);
    }

    // The results table: two header rows, then one row a person, equal to the tally.
    expect(table![0]).toEqual(['STT', 'Họ và tên, chức vụ', 'Số phiếu hợp lệ', 'Số phiếu không hợp lệ', 'Tín nhiệm cao', 'Tín nhiệm', 'Tín nhiệm thấp']);
    expect(table![1]!.slice(4)).toEqual(['Số phiếu', 'Tỉ lệ', 'Số phiếu', 'Tỉ lệ', 'Số phiếu', 'Tỉ lệ']);
    const rows = table!.slice(2);
    expect(rows).toHaveLength(results.persons.length);
    for (const [i, person] of results.persons.entries()) {
      expect(rows[i]).toEqual([
        String(person.order),
        `${person.fullName} ${person.position}`,
        String(person.valid),
        String(person.invalid),
        ...['high', 'medium', 'low'].flatMap((level) => [String(person.counts[level]), formatPercent(person.percents[level]!)]),
      ]);
    }

    // The PDF prints the same figures in the same order, row by row.
    const pdf = (await pdfLayout((await adminDownload(server, `/api/admin/sessions/${session.id}/minutes.pdf`, 'application/pdf')).bytes)).flatMap((p) => p.items.map((i) => i.str.trim()));
    for (const row of rows) {
      const at = pdf.indexOf(row[1]!.split(' Bí thư')[0]!.split(' Ủy viên')[0]!);
      expect(at, row[1]).toBeGreaterThan(0);
      expect(pdf[at - 1]).toBe(row[0]);
      const first = pdf.findIndex((s, j) => j > at && /^\d/.test(s));
      expect(pdf.slice(first, first + 8)).toEqual(row.slice(2));
    }

    // One signature block a member, Trưởng ban first: a pair of rows for four.
    expect(signatures.map((t) => t[0]!.length)).toEqual([2, 2]);
    const blocks = signatures.flatMap((t) => t[0]!);
    expect(blocks).toEqual(MINUTES_COMMITTEE.slice(0, 4).map((m, i) => `${i === 0 ? 'TRƯỞNG BAN' : 'ỦY VIÊN'} (Ký, ghi rõ họ tên) ${m.fullName}`));
    // The appendix: the audit log, one row an event.
    const appendix = docx.tables.at(-1)!;
    expect(docx.tables).toHaveLength(2 + 2 + 1);
    expect(appendix[0]).toEqual(['Thời gian', 'Người thao tác', 'Sự kiện', 'Chi tiết']);
    expect(appendix.slice(1).map((r) => r[0])).toEqual(model.appendix.rows.map((r) => r.at));
    expect(appendix.slice(1).map((r) => r[2])).toContain('Mở hòm phiếu điện tử');
  });

  it('carries DỰ THẢO and page numbers in its page headers until results are published', async () => {
    const { session } = await closedMinutesVote(server, { people: 3, phoneBallots: 4, sealed: false });
    const draft = readDocx((await adminDownload(server, `/api/admin/sessions/${session.id}/minutes.docx`, DOCX)).bytes);
    // A first-page header (the mark only) and the others' (mark, running title, page numbers).
    expect(draft.headers.length).toBeGreaterThanOrEqual(2);
    for (const header of draft.headers) expect(header).toContain('DỰ THẢO');
    expect(draft.headers.join('\n')).toContain('BIÊN BẢN KIỂM PHIẾU (tiếp theo)');
    const numbered = Object.entries(draft.parts).find(([name, xml]) => name.startsWith('word/header') && xml.includes('PAGE'));
    expect(numbered?.[1]).toMatch(/NUMPAGES/);
    expect(draft.parts['word/document.xml']).toContain('<w:titlePg');
    expect(draft.paragraphs).toContain('Bản dự thảo: kết quả chưa công bố. Bản để ký được in sau khi công bố kết quả.');

    await server.admin.call('POST /api/admin/sessions/:id/publish', { params: { id: session.id } });
    const final = readDocx((await adminDownload(server, `/api/admin/sessions/${session.id}/minutes.docx`, DOCX)).bytes);
    for (const xml of Object.values(final.parts)) expect(xml).not.toMatch(/DỰ THẢO|dự thảo/);
    expect(final.headers.join('\n')).toContain('BIÊN BẢN KIỂM PHIẾU (tiếp theo)');
  });

  it('follows the rules of the PDF: the admin cookie, a closed vote, an opened box', async () => {
    const { session, slips, shares } = await prepareSession(server.admin, { persons: 2, slips: 2 });
    const path = `${server.url}/api/admin/sessions/${session.id}/minutes.docx`;
    expect((await fetch(path)).status).toBe(401);
    const asAdmin = () => fetch(path, { headers: { cookie: server.admin.cookieHeader } });
    const draft = await asAdmin();
    expect(draft.status).toBe(409);
    expect((await draft.json()).error).toBe('session-not-closed');
    await server.admin.call('POST /api/admin/sessions/:id/open', { params: { id: session.id }, body: {} });
    void slips;
    await server.admin.call('POST /api/admin/sessions/:id/close', { params: { id: session.id } });
    const locked = await asAdmin();
    expect(locked.status).toBe(409);
    expect((await locked.json()).error).toBe('box-locked');
    await server.admin.openBox(session.id, shares.slice(0, 2));
    expect((await asAdmin()).status).toBe(200);
  });

  it('names the locality in its date line, the venue in its body, as the PDF does', async () => {
    const { session } = await closedMinutesVote(server, {
      people: 2,
      phoneBallots: 3,
      details: { locality: 'Huế', place: 'Hội trường tầng 3, số 22 Lê Lợi' },
    });
    const docx = readDocx((await adminDownload(server, `/api/admin/sessions/${session.id}/minutes.docx`, DOCX)).bytes);
    expect(squash(docx.tables[0]![0]![1]!)).toContain('Huế, ngày 27 tháng 11 năm 2026');
    expect(docx.paragraphs.join('\n')).toContain('Hôm nay, ngày 27 tháng 11 năm 2026, tại Hội trường tầng 3, số 22 Lê Lợi, Ban kiểm phiếu');
    const pdf = pageText((await pdfLayout((await adminDownload(server, `/api/admin/sessions/${session.id}/minutes.pdf`, 'application/pdf')).bytes))[0]!);
    expect(pdf).toContain('Huế, ngày 27 tháng 11 năm 2026');
    expect(pdf).not.toContain('Lê Lợi, ngày');
  });
});
