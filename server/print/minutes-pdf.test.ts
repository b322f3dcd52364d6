/**
 * The tally-to-paper path: the minutes PDF served by the real app, read back with pdfjs.
 * Its numbers must equal the tally, and its Vietnamese must survive.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { formatPercent } from '../../shared/format';
import { adminDownload, closedMinutesVote, MINUTES_NAMES } from '../../test/minutes-vote';
import { castBallots } from '../../test/results';
import { closeAndOpenBox, prepareSession, startTestServer, type TestServer } from '../../test/server';
import { pdfItems } from '../../test/pdf';
import { castMessage, sealRawBallot, slipFromPath, WsClient } from '../../scripts/lib/client';
import type { SessionDetail } from '../../shared/api-types';
import { BALLOT_BYTES } from '../../shared/box';
import { vietnamTime } from '../domain/minutes-times';

let server: TestServer;
beforeEach(async () => {
  server = await startTestServer();
});
afterEach(async () => {
  await server.close();
});


/** The whole text on one line, so a sentence wrapped over lines can be found. */
const flat = (items: string[]) => items.join(' ').replace(/\s+/g, ' ');

const NAMES = MINUTES_NAMES;

async function minutesPdf(sessionId: string): Promise<Uint8Array> {
  return (await adminDownload(server, `/api/admin/sessions/${sessionId}/minutes.pdf`, 'application/pdf')).bytes;
}

async function closedVoteWithPaper(personCount: number, phoneBallots: number, opts: { sealed?: boolean } = {}) {
  const { session, results } = await closedMinutesVote(server, { people: personCount, phoneBallots, ...opts });
  return { session, results, bytes: await minutesPdf(session.id) };
}

describe('the minutes PDF', () => {
  it('prints the header, the committee, the numbers phone and paper apart, and every cell of the tally', async () => {
    const { results, bytes } = await closedVoteWithPaper(4, 8);
    expect(new TextDecoder().decode(bytes.slice(0, 5))).toBe('%PDF-');
    const items = await pdfItems(bytes);
    const text = items.join('\n');

    for (const expected of [
      'ĐẢNG BỘ TỈNH QUẢNG NINH',
      'BAN KIỂM PHIẾU',
      'ĐẢNG CỘNG SẢN VIỆT NAM',
      'Hạ Long, ngày 27 tháng 11 năm 2026',
      'BIÊN BẢN KIỂM PHIẾU',
      'Lấy phiếu tín nhiệm theo Quy định 96-QĐ/TW',
      '1. Đỗ Thị Thanh Hương — Trưởng ban',
      '2. Ngô Văn Lực — Ủy viên',
      '3. Trịnh Bảo Châu — Ủy viên',
      'Kết quả kiểm phiếu như sau:',
      '– Số người được triệu tập: 100',
      '– Tổng số phiếu phát ra: 13 (phiếu điện tử: 10; phiếu giấy: 3)',
      '– Tổng số phiếu thu về: 10 (phiếu điện tử: 8; phiếu giấy: 2)',
      'Tỉ lệ phần trăm tính trên tổng số phiếu thu về (10 phiếu).',
      'TRƯỞNG BAN',
      'ỦY VIÊN',
    ]) {
      expect(text).toContain(expected);
    }
    expect(text).not.toContain('Độc lập - Tự do - Hạnh phúc');
    expect(results.collected).toEqual({ phone: 8, paper: 2, total: 10 });

    // Each person's row: name, position (one or more lines), valid, invalid, then count and percent per level.
    for (const person of results.persons) {
      const at = items.indexOf(person.fullName);
      expect(at, person.fullName).toBeGreaterThan(0);
      expect(items[at - 1]).toBe(String(person.order));
      const first = items.findIndex((s, i) => i > at && /^\d/.test(s));
      const row = items.slice(first, first + 8);
      expect(row).toEqual([
        String(person.valid),
        String(person.invalid),
        ...['high', 'medium', 'low'].flatMap((level) => [String(person.counts[level]), formatPercent(person.percents[level]!)]),
      ]);
    }
    // The first person: 10 low out of 10 collected crosses 2/3.
    expect(results.persons[0]!.thresholds.map((t) => t.id)).toEqual(['low-two-thirds']);
    expect(flat(items)).toContain(`1. ${NAMES[0]}: Từ 2/3 trở lên tín nhiệm thấp.`);
    expect(flat(items)).toContain('Miễn nhiệm chức vụ');

    // The audit log is exported with the minutes: secretariat actions with counts, no ballots.
    const appendix = text.slice(text.indexOf('PHỤ LỤC: NHẬT KÝ CUỘC LẤY PHIẾU'));
    expect(appendix.length).toBeLessThan(text.length);
    for (const event of ['Tạo cuộc lấy phiếu', 'Phát hành phiếu', 'Mở bỏ phiếu', 'Kết thúc bỏ phiếu']) expect(appendix).toContain(event);
    expect(appendix).toContain('số lượng: 10');
    expect(appendix).not.toMatch(/Tín nhiệm (cao|thấp)/);
  });

  it('runs over several pages with the table header repeated, and prints the state header for a council', async () => {
    const { session, slips, shares } = await prepareSession(server.admin, { presetId: 'nq96-2023-lay-phieu', persons: 40, slips: 2 });
    await server.admin.call('POST /api/admin/sessions/:id/open', { params: { id: session.id }, body: {} });
    await castBallots(server.url, session.id, slips, [{}, {}]);
    await closeAndOpenBox(server.admin, session.id, shares);
    const items = await pdfItems(await minutesPdf(session.id));
    const text = items.join('\n');
    expect(text).toContain('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM');
    expect(text).toContain('Độc lập - Tự do - Hạnh phúc');
    expect(text).toContain('Tỉ lệ phần trăm tính trên tổng số phiếu (2 phiếu).');
    expect(items.filter((s) => s === 'Họ và tên, chức vụ').length).toBeGreaterThan(1);
    expect(items).toContain('Nguyễn Văn N39');
  });
});

describe('the phone ballot box in the minutes', () => {
  it('says when the box was sealed, to whom, who opened it, what it held and its fingerprint, as the published list does', async () => {
    const { session, bytes } = await closedVoteWithPaper(3, 6);
    const detail = await server.admin.call('GET /api/admin/sessions/:id', { params: { id: session.id } });
    const published = await (await fetch(`${server.url}/api/receipts/${session.id}`)).json();
    const text = flat(await pdfItems(bytes));
    expect(text).toContain(
      `Hòm phiếu điện tử được niêm phong lúc ${vietnamTime(detail.box.sealedAt!)} (giờ Việt Nam), khóa chia cho 3 thành viên Ban kiểm phiếu, ` +
        `cần 2 thành viên để mở; được mở lúc ${vietnamTime(detail.box.openedAt!)} bởi Đỗ Thị Thanh Hương, Ngô Văn Lực.`,
    );
    expect(text).toContain('– Số phiếu điện thoại trong hòm: 6');
    expect(text).toContain('– Số phiếu điện tử không mở được hoặc không hợp lệ (tính như phiếu hỏng): 0');
    expect(detail.box.fingerprint).toMatch(/^[0-9A-Z]{4}(-[0-9A-Z]{4}){4}$/);
    expect(published.fingerprint).toBe(detail.box.fingerprint);
    expect(published.phoneBallots).toBe(6);
    expect(text).toContain(`– Dấu vân tay hòm phiếu: ${detail.box.fingerprint}`);
    expect(text).not.toContain('không niêm phong');
    // The box comes before the count, after the committee.
    expect(text.indexOf('Hòm phiếu điện tử được niêm phong')).toBeGreaterThan(text.indexOf('3. Trịnh Bảo Châu — Ủy viên'));
    expect(text.indexOf('Dấu vân tay hòm phiếu')).toBeLessThan(text.indexOf('Kết quả kiểm phiếu như sau:'));

    // The print page says the same.
    const res = await fetch(`${server.url}/api/admin/sessions/${session.id}/minutes`, { headers: { cookie: server.admin.cookieHeader } });
    const html = (await res.text()).replace(/<[^>]+>/g, '').replace(/\s+/g, ' ');
    expect(html).toContain(`được mở lúc ${vietnamTime(detail.box.openedAt!)} bởi Đỗ Thị Thanh Hương, Ngô Văn Lực.`);
    expect(html).toContain('– Số phiếu điện thoại trong hòm: 6');
    expect(html).toContain(`– Dấu vân tay hòm phiếu: ${detail.box.fingerprint}`);
  });

  it('counts a phone ballot that is not a well-formed ballot as spoilt', async () => {
    const { session, slips, shares } = await prepareSession(server.admin, { persons: 2, slips: 3 });
    await server.admin.call('POST /api/admin/sessions/:id/open', { params: { id: session.id }, body: {} });
    await castBallots(server.url, session.id, slips.slice(0, 2), [{}, {}]);
    // A third phone seals bytes that decode to no ballot of this session.
    const phone = await WsClient.connect(server.url);
    const slip = slipFromPath(slips[2]!.path);
    const box = await phone.openSlip(slip, { native: true });
    const junk = new Uint8Array(BALLOT_BYTES).fill(7);
    expect((await phone.request(castMessage(await sealRawBallot(slip, box, junk, { native: true })))).type).toBe('recorded');
    phone.close();
    await closeAndOpenBox(server.admin, session.id, shares);
    const text = flat(await pdfItems(await minutesPdf(session.id)));
    expect(text).toContain('khóa chia cho 3 thành viên Ban kiểm phiếu, cần 2 thành viên để mở');
    expect(text).toContain('bởi Nguyễn Thị Hòa, Trần Văn Bình.');
    expect(text).toContain('– Số phiếu điện thoại trong hòm: 3');
    expect(text).toContain('– Số phiếu điện tử không mở được hoặc không hợp lệ (tính như phiếu hỏng): 1');
  });

  it('says plainly when the box was not sealed', async () => {
    const { bytes } = await closedVoteWithPaper(3, 4, { sealed: false });
    const text = flat(await pdfItems(bytes));
    expect(text).toContain('Hòm phiếu điện tử không niêm phong (lựa chọn của Ban tổ chức trước khi mở bỏ phiếu).');
    for (const absent of ['được niêm phong lúc', 'Số phiếu điện thoại trong hòm', 'Dấu vân tay']) expect(text).not.toContain(absent);
    expect(text).toContain('– Tổng số phiếu thu về: 6 (phiếu điện tử: 4; phiếu giấy: 2)');
  });

  it('writes times in Vietnam time, whatever the server clock', () => {
    expect(vietnamTime('2026-11-27T01:05:00.000Z')).toBe('08:05 ngày 27/11/2026');
    expect(vietnamTime('2026-12-31T17:30:00.000Z')).toBe('00:30 ngày 01/01/2027');
  });
});
