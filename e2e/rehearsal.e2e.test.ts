/**
 * The whole day, rehearsed as its people would live it, in real Chromium against the real
 * server: the secretariat prepares and runs the vote from a laptop (a second committee member
 * keys paper ballots from a tablet), 12 delegates vote from phones of several sizes (one
 * before voting opens, one typing the code, one leaving a person unmarked, one losing the
 * network mid-send, one scanning a used slip), and the projector follows from the display
 * link. The phone box is sealed to the three-member tally committee at opening, one member
 * at a time, and opened after close by two of them typing their shares; a delegate then
 * finds their tracking code in the public list. Then a second vote is prepared from a copy.
 * Screenshots: e2e/screenshots/day-*.png.
 */
import { readFileSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import type { TestServer } from '../test/server';
import { formatPercent } from '../shared/format';
import type { TallyResult } from '../shared/tally';
import { PHONE, PROJECTOR, screenshot, useServerAndBrowser } from './browser';
import { confirmModal, hasText, isText, LAPTOP, login, openPhone, openTheBox, pdfText, POLL, rateAndSubmit, sealTheBox, SMALL_PHONE, TABLET, tab, type Phone } from './rehearsal-helpers';

const TITLE = 'Hội nghị Ban Chấp hành Đảng bộ tỉnh lần thứ 12';
const PEOPLE: [string, string][] = [
  ['Nguyễn Văn Thắng', 'Bí thư Tỉnh ủy'],
  ['Trần Thị Thu Hà', 'Phó Bí thư Thường trực Tỉnh ủy'],
  ['Lê Quang Huy', 'Phó Bí thư Tỉnh ủy, Chủ tịch UBND tỉnh'],
  ['Phạm Thị Hồng Nhung', 'Chủ tịch HĐND tỉnh'],
  ['Hoàng Văn Dũng', 'Trưởng Ban Tổ chức Tỉnh ủy'],
  ['Đặng Thị Mai', 'Chủ nhiệm Ủy ban Kiểm tra Tỉnh ủy'],
  ['Vũ Minh Tuấn', 'Trưởng Ban Tuyên giáo và Dân vận Tỉnh ủy'],
  ['Bùi Thị Lan Anh', 'Chánh Văn phòng Tỉnh ủy'],
  ['Đỗ Mạnh Cường', 'Phó Chủ tịch UBND tỉnh'],
  ['Ngô Thị Thanh Thủy', 'Phó Chủ tịch HĐND tỉnh'],
  ['Dương Văn Khải', 'Giám đốc Công an tỉnh'],
  ['Lý Thị Ngọc Ánh', 'Chỉ huy trưởng Bộ Chỉ huy Quân sự tỉnh'],
  ['Trịnh Xuân Trường', 'Bí thư Thành ủy'],
  ['Mai Thị Hương', 'Chủ tịch Ủy ban MTTQ Việt Nam tỉnh'],
  ['Tạ Quốc Bảo', 'Giám đốc Sở Tài chính'],
];
const NAMES = PEOPLE.map(([name]) => name);
const HIGH = 'Tín nhiệm cao';
const MID = 'Tín nhiệm';
const LOW = 'Tín nhiệm thấp';

/** Phone n's ballot: the first person rated low by all, the rest varied; null = unmarked. */
function ballot(n: number): (string | null)[] {
  return NAMES.map((_, i) => (i === 0 ? LOW : [HIGH, MID, LOW][(n + i) % 3]!));
}

let server: TestServer;
let browser: Browser;
useServerAndBrowser((s, b) => ((server = s), (browser = b)));

describe('the whole day', () => {
  it('prepare, vote on phones and paper, close, publish, minutes; then a second vote from a copy', async () => {
    const day = async (page: Page, name: string): Promise<void> => void (await screenshot(page, `day-${name}`));
    const secretariat = await browser.newContext({ viewport: LAPTOP, acceptDownloads: true });
    const a = await secretariat.newPage();
    const consoleErrors: string[] = [];
    a.on('pageerror', (e) => consoleErrors.push(e.message));
    await login(a, server.url, 'Lê Thư Ký');

    // --- Create the vote under Quy định 96-QĐ/TW: 55 summoned, 52 present.
    // No green "quorum met" for 0 of 0 before anyone typed a number.
    await hasText(a.getByTestId('quorum-badge'), 'Nhập số người được triệu tập và số người có mặt');
    await a.fill('input[name=title]', TITLE);
    await a.fill('input[name=organisation]', 'Đảng bộ tỉnh Quảng Ninh');
    await a.fill('input[name=place]', 'Hạ Long');
    await a.fill('input[name=heldOn]', '2026-11-27');
    await a.selectOption('select[name=presetId]', 'qd96-2023');
    await a.fill('input[name=summoned]', '55');
    await a.fill('input[name=present]', '52');
    await hasText(a.getByTestId('quorum-badge'), '52/55');
    await day(a, '01-create-1366');
    await a.getByRole('button', { name: 'Tạo', exact: true }).click();
    await confirmModal(a);
    await a.waitForURL(/\/admin\/s\/[^/]+\/people$/);
    const sessionId = /\/admin\/s\/([^/]+)\//.exec(a.url())![1]!;

    // --- Paste 15 people from a spreadsheet: header, one name in NFD, a stray trailing tab.
    const rows = PEOPLE.map(([name, position], i) => (i === 3 ? `${name.normalize('NFD')}\t${position}` : i === 7 ? `${name}\t${position}\t` : `${name}\t${position}`));
    await a.getByText('Nhập từ bảng tính hoặc tệp CSV').click();
    await a.fill('details.import textarea', ['Họ và tên\tChức vụ', ...rows].join('\n'));
    await a.getByRole('button', { name: 'Xem trước' }).click();
    await hasText(a.getByTestId('import-preview'), '15 dòng hợp lệ, 0 dòng lỗi');
    await day(a, '02-import-preview-1366');
    await a.getByRole('button', { name: 'Nhập 15 người' }).click();
    await confirmModal(a);
    await expect.poll(() => a.getByTestId('person-row').count(), POLL).toBe(15);
    const detail0 = await server.admin.call('GET /api/admin/sessions/:id', { params: { id: sessionId } });
    expect(detail0.persons.map((p: { fullName: string }) => p.fullName)).toEqual(NAMES.map((n) => n.normalize('NFC')));
    await day(a, '03-people-1366');

    // --- The tally committee, three people.
    await tab(a, 'Ban kiểm phiếu');
    const members: [string, string][] = [
      ['Đỗ Thị Thanh Hương', 'Trưởng ban'],
      ['Ngô Văn Lực', 'Ủy viên'],
      ['Trịnh Bảo Châu', 'Ủy viên'],
    ];
    await a.getByTestId('member-row').first().waitFor();
    for (const [i, [name, role]] of members.entries()) {
      if (i > 0) await a.getByRole('button', { name: '+ Thêm thành viên' }).click();
      const row = a.getByTestId('member-row').nth(i);
      await row.getByLabel('Họ và tên').fill(name);
      await row.getByLabel('Chức danh').fill(role);
    }
    await a.getByRole('button', { name: 'Lưu', exact: true }).click();
    await confirmModal(a);
    await hasText(a.getByRole('status'), 'Đã lưu');
    await day(a, '04-committee-1366');

    // --- Slips: the default is present + 10%.
    await tab(a, 'Phiếu QR');
    await expect.poll(() => a.locator('input[name=count]').inputValue(), POLL).toBe('58');
    await a.getByRole('button', { name: 'Phát hành', exact: true }).click();
    await confirmModal(a);
    await hasText(a.getByTestId('slip-counts'), 'Đã phát hành 58 phiếu QR');
    await hasText(a.getByRole('status'), 'Đã phát hành 58 phiếu QR. Bước tiếp theo: in phiếu.');
    // Once slips exist, the console no longer offers another batch of present + 10%.
    await expect.poll(() => a.locator('input[name=count]').inputValue(), POLL).toBe('1');
    await day(a, '05-slips-issued-1366');
    const popup = secretariat.waitForEvent('page');
    await a.getByRole('button', { name: /Mở trang in: mọi phiếu chưa dùng/ }).click();
    await confirmModal(a);
    const print = await popup;
    await print.waitForLoadState();
    expect(await print.locator('svg.qr').count()).toBe(58);
    await print.setViewportSize({ width: 900, height: 1200 });
    await day(print, '06-slips-print');
    await print.close();
    const slipsPdf = a.waitForEvent('download');
    await a.getByRole('button', { name: 'Tải PDF: mọi phiếu chưa dùng' }).click();
    await confirmModal(a);
    const slipsPdfText = await pdfText(new Uint8Array(readFileSync((await (await slipsPdf).path())!)));
    expect(slipsPdfText).toContain('PHIẾU TÍN NHIỆM');

    // A slip is lost: its code typed in lower case with spaces; a replacement is issued.
    const slips0 = (await server.admin.call('GET /api/admin/sessions/:id/slips', { params: { id: sessionId }, query: { state: 'unused' } })).slips as { code: string; path: string }[];
    const lost = slips0[0]!.code;
    const typed = lost.toLowerCase().replace('-', ' ').replace(/(.{7})/, '$1 ');
    await a.fill('input[name=code]', typed);
    await a.getByRole('button', { name: 'Hủy phiếu', exact: true }).click();
    await confirmModal(a);
    // The notice gives the code back as printed, whatever was typed.
    await hasText(a.getByRole('status'), `Đã hủy phiếu ${lost} và phát hành 1 phiếu thay thế`);
    await hasText(a.getByTestId('slip-counts'), '58 chưa dùng (1 chưa in), 0 đã bỏ phiếu, 1 đã hủy');
    await day(a, '07-slip-voided-1366');

    // Five slips left on the table, voided by their codes.
    const leftover = slips0.slice(1, 6).map((s) => s.code);
    await a.getByLabel('Mã các phiếu còn lại').fill(leftover.join('\n'));
    await a.getByRole('button', { name: 'Hủy 5 phiếu đã nhập mã' }).click();
    await confirmModal(a);
    await hasText(a.getByTestId('slip-counts'), 'Đã phát hành 53 phiếu QR: 53 chưa dùng');
    await hasText(a.getByRole('status').last(), 'Đã hủy 5 phiếu.');
    // Voiding the leftovers must not be undone by a suggestion to issue them again.
    expect(await a.locator('input[name=count]').inputValue()).toBe('1');
    await day(a, '08-leftover-voided-1366');
    const handedOut = slips0.slice(6, 18);

    // --- The projector, from the display link in the console, before voting opens.
    await tab(a, 'Điều hành');
    // The key is covered on the console (the laptop may be mirrored): shown for a moment to read it.
    await a.getByRole('button', { name: 'Hiện', exact: true }).click();
    const displayUrl = (await a.getByTestId('display-link').innerText()).trim().replace(/^https?:\/\/[^/]+/, server.url);
    await a.getByRole('button', { name: 'Ẩn', exact: true }).click();
    const projectors: Page[] = [];
    for (const viewport of [PROJECTOR, { width: 1280, height: 720 }]) {
      const p = await (await browser.newContext({ viewport })).newPage();
      await p.goto(displayUrl);
      await p.getByText('Chưa bắt đầu bỏ phiếu').waitFor(POLL);
      await isText(p.getByTestId('issued'), '53');
      projectors.push(p);
    }
    await day(projectors[0]!, '09-display-before-1920');
    await day(projectors[1]!, '09-display-before-1280');

    // --- Phones: three delegates scan before voting opens and wait.
    const phones: Phone[] = [];
    for (let i = 0; i < 12; i++) {
      const viewport = i === 4 || i === 5 ? SMALL_PHONE : PHONE;
      phones.push(await openPhone(browser, viewport, i === 6));
    }
    for (const i of [0, 1, 2]) {
      await phones[i]!.page.goto(`${server.url}${handedOut[i]!.path}`);
      await phones[i]!.page.getByText('Chưa bắt đầu bỏ phiếu').waitFor(POLL);
    }
    await day(phones[0]!.page, '10-phone-waiting-360');

    // --- Paper ballots: two delegates without a phone.
    await tab(a, 'Phiếu giấy');
    await a.fill('input[name=paperIssued]', '2');
    await a.getByRole('button', { name: 'Lưu', exact: true }).click();
    await confirmModal(a);
    await hasText(a.getByTestId('paper-counts'), 'đã phát 2');

    // --- Open voting.
    await tab(a, 'Điều hành');
    await isText(a.getByTestId('issued'), '55');
    // 55 handed out for 52 present: the console says so before opening.
    await hasText(a.getByTestId('issued-over-present'), 'Tổng số phiếu phát ra (55) nhiều hơn số người có mặt (52)');
    await day(a, '13b-run-before-open-1366');
    // The box is not sealed yet: Open waits, and says why.
    expect(await a.getByRole('button', { name: 'Mở bỏ phiếu' }).isDisabled()).toBe(true);
    await isText(a.getByTestId('needs-seal'), 'Cần niêm phong hòm phiếu trước khi mở bỏ phiếu.');

    // --- The sealing ceremony, the projector no longer mirroring the laptop: 2 of 3 open the box.
    const shares = await sealTheBox(a, members, (step) => day(a, `13c-ceremony-${step}-1366`));
    expect(new Set(shares).size).toBe(3);
    await hasText(a.getByTestId('box-status'), 'cần 2/3 mảnh khóa để mở hòm');
    await day(a, '13d-box-sealed-1366');
    expect(await a.evaluate(() => JSON.stringify({ ...localStorage }) + JSON.stringify({ ...sessionStorage }))).not.toMatch(new RegExp(shares.map((c) => c.slice(0, 11)).join('|')));

    await tab(a, 'Điều hành');
    await hasText(a.getByTestId('run-box'), 'cần 2/3 mảnh khóa để mở sau khi kết thúc bỏ phiếu');
    await a.getByRole('button', { name: 'Mở bỏ phiếu' }).click();
    await confirmModal(a);
    await isText(a.getByTestId('session-state'), 'Đang bỏ phiếu');
    for (const i of [0, 1, 2]) await phones[i]!.page.getByText(`Đã đánh giá 0/15`).waitFor(POLL);

    // The others scan now; one types the code at / instead.
    for (let i = 3; i < 12; i++) {
      const { page } = phones[i]!;
      if (i === 3) {
        await page.goto(`${server.url}/`);
        await page.getByLabel('Mã phiếu').fill(handedOut[i]!.code.toLowerCase().replace('-', ' '));
        await day(page, '11-phone-typed-code-360');
        await page.getByRole('button', { name: 'Mở phiếu' }).click();
      } else await page.goto(`${server.url}${handedOut[i]!.path}`);
    }

    // Most phones vote at once; 7 leaves person 3 unmarked; 8 loses the network mid-send.
    const ordinary = [0, 1, 2, 3, 4, 5, 6, 9, 10, 11];
    const levels = (i: number) => (i === 7 ? ballot(i).map((l, j) => (j === 2 ? null : l)) : ballot(i));
    await Promise.all(
      ordinary.map((i) =>
        rateAndSubmit(phones[i]!.page, NAMES, levels(i), i === 0 || i === 4 || i === 6 ? (step) => day(phones[i]!.page, `12-phone${i}-${step}`) : undefined),
      ),
    );
    await day(phones[4]!.page, '13-phone-recorded-320');
    // Each phone shows the tracking code of its sealed ballot; delegate 0 notes theirs.
    const receipt = (await phones[0]!.page.getByTestId('receipt').innerText()).trim();
    expect(receipt).toMatch(/^[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}$/);
    await isText(a.getByTestId('collected'), '10');
    await projectors[0]!.getByTestId('collected').filter({ hasText: '10' }).waitFor(POLL);
    await day(a, '14-run-open-1366');
    await day(projectors[0]!, '15-display-during-1920');
    await day(projectors[1]!, '15-display-during-1280');

    await rateAndSubmit(phones[7]!.page, NAMES, levels(7), (step) => day(phones[7]!.page, `16-phone-unmarked-${step}`));

    const flaky = phones[8]!;
    await flaky.page.getByText('Đã đánh giá 0/15').waitFor(POLL);
    for (const [j, name] of NAMES.entries()) await flaky.page.getByRole('group', { name: new RegExp(name) }).getByText(levels(8)[j]!, { exact: true }).click();
    await flaky.page.getByRole('button', { name: 'Xem lại phiếu' }).click();
    await flaky.context.setOffline(true);
    // Going offline leaves an open socket up in Chromium; the venue Wi-Fi dropping closes it.
    for (const client of server.app.websocketServer.clients) client.terminate();
    await flaky.page.getByRole('button', { name: 'Gửi phiếu', exact: true }).click();
    await flaky.page.getByText('Phiếu sẽ được gửi lại tự động').waitFor(POLL);
    await day(flaky.page, '17-phone-offline-360');
    await flaky.context.setOffline(false);
    await flaky.page.getByRole('heading', { name: 'Phiếu của đồng chí đã được ghi nhận' }).waitFor({ timeout: 30_000 });
    await isText(a.getByTestId('collected'), '12');

    // Someone scans a slip that was already used: "used", never what was chosen.
    const late = await openPhone(browser);
    await late.page.goto(`${server.url}${handedOut[9]!.path}`);
    await late.page.getByRole('heading', { name: 'Phiếu này đã được sử dụng' }).waitFor(POLL);
    expect(await late.page.textContent('body')).not.toMatch(/Tín nhiệm cao|Tín nhiệm thấp/);
    await day(late.page, '18-phone-used-360');
    await late.context.close();

    for (const p of phones) {
      expect(p.errors).toEqual([]);
      await p.context.close();
    }

    // --- Paper ballots by double entry: A on the laptop, B on a tablet; a mismatch first.
    const tablet = await browser.newContext({ viewport: TABLET });
    const b = await tablet.newPage();
    await login(b, server.url, 'Ngô Văn Lực');
    const paperUrl = `${server.url}/admin/s/${sessionId}/paper`;
    const keySheet = async (page: Page, choices: string[], second: boolean) => {
      await page.goto(paperUrl);
      await page.locator('form.paper').waitFor();
      if (second) await page.getByText(/Lần nhập thứ hai cho phiếu/).click();
      for (const [i, choice] of choices.entries()) await page.getByTestId('sheet-row').nth(i).getByText(choice, { exact: true }).click();
      await page.getByRole('button', { name: 'Ghi lần nhập' }).click();
      if (second) await confirmModal(page);
    };
    const sheet1 = NAMES.map((_, i) => (i === 0 ? LOW : HIGH));
    const sheet1Misread = sheet1.map((l, i) => (i === 5 ? MID : l));
    await keySheet(a, sheet1, false);
    await hasText(a.getByRole('status'), 'Đã lưu lần nhập thứ nhất');
    await day(a, '19-paper-first-1366');
    await keySheet(b, sheet1Misread, true);
    await b.locator('[data-code=paper-mismatch]').waitFor(POLL);
    await hasText(b.locator('form.paper'), 'Cả hai lần nhập đã bị hủy');
    // Under a 15-person sheet the outcome is brought into view, what to do included.
    const help = b.getByText('Cả hai lần nhập đã bị hủy');
    await expect.poll(() => help.evaluate((el) => el.getBoundingClientRect().bottom <= innerHeight + 1), POLL).toBe(true);
    await day(b, '20-paper-mismatch-768');
    // The misread choices are cleared: the sheet is read again, not re-sent as it was.
    expect(await b.locator('form.paper input[type=radio][name^=mark-]:checked').count()).toBe(0);
    await keySheet(a, sheet1, false);
    await keySheet(b, sheet1, true);
    await hasText(b.getByRole('status'), 'Hai lần nhập khớp nhau');
    const sheet2 = NAMES.map((_, i) => (i === 0 ? LOW : i === 1 ? 'Không hợp lệ' : MID));
    await keySheet(b, sheet2, false);
    await keySheet(a, sheet2, true);
    await hasText(a.getByTestId('paper-counts'), 'đã phát 2, đã ghi 2, đang chờ nhập lần hai 0');
    await day(a, '21-paper-done-1366');

    // --- Close, then publish.
    await tab(a, 'Điều hành');
    await isText(a.getByTestId('collected'), '14');
    await a.getByRole('button', { name: 'Kết thúc bỏ phiếu' }).click();
    await confirmModal(a);
    await isText(a.getByTestId('session-state'), 'Đã kết thúc');
    // The hall sees the box locked until the committee opens it.
    await projectors[0]!.getByText('Xin chờ Ban kiểm phiếu mở hòm phiếu điện tử').waitFor(POLL);
    await day(a, '22-run-closed-1366');
    await day(projectors[0]!, '23-display-closed-1920');

    // --- The box is opened by the first and the third member, typing the codes on their cards.
    await openTheBox(
      a,
      [
        { name: members[0]![0], code: shares[0]! },
        { name: members[2]![0], code: shares[2]!.toLowerCase() },
      ],
      (step) => day(a, `24a-box-${step}-1366`),
    );
    await isText(a.getByTestId('box-phone-ballots'), '12');
    await isText(a.getByTestId('box-spoilt'), '0');
    const receiptsUrl = (await a.getByTestId('receipts-link').innerText()).trim().replace(/^https?:\/\/[^/]+/, server.url);
    expect(receiptsUrl).toBe(`${server.url}/r/${sessionId}`);
    // Unpublished results are covered until the committee asks.
    await a.getByTestId('results-covered').waitFor(POLL);
    await day(a, '24b-box-opened-1366');
    await a.getByRole('button', { name: 'Hiện kết quả' }).click();
    await a.getByTestId('results-panel').locator('table.results-table').waitFor(POLL);
    await projectors[0]!.getByText('Hòm phiếu điện tử đã được mở').waitFor(POLL);
    await day(projectors[0]!, '24c-display-box-opened-1920');
    await day(a, '24-results-before-publish-1366');
    await a.getByRole('button', { name: 'Công bố kết quả' }).click();
    await a.getByRole('button', { name: 'Xác nhận công bố' }).click();
    await hasText(a.getByRole('status'), 'Đã công bố kết quả');
    await day(a, '25-results-published-1366');

    // A delegate checks from their phone that their tracking code is in the box.
    const checker = await openPhone(browser);
    await checker.page.goto(`${receiptsUrl}?code=${encodeURIComponent(receipt.toLowerCase())}`);
    await hasText(checker.page.locator('body'), `Mã ${receipt} có trong hòm phiếu.`);
    await day(checker.page, '25b-receipt-check-360');
    expect(checker.errors).toEqual([]);
    await checker.context.close();

    const results = (await server.admin.call('GET /api/admin/sessions/:id/results', { params: { id: sessionId } })) as TallyResult;
    expect(results.collected).toEqual({ phone: 12, paper: 2, total: 14 });
    expect(results.issued.total).toBe(55);
    // Person 1: low on every ballot, 2/3 crossed.
    expect(results.persons[0]!.counts.low).toBe(14);
    expect(results.persons[2]!.invalid).toBe(1);

    for (const p of projectors) {
      await p.getByTestId('results').waitFor(POLL);
      await isText(p.getByTestId('base-line'), 'Tỉ lệ trên tổng số phiếu thu về: 14');
      await hasText(p.locator('[data-testid="result-row"][data-order="1"]'), formatPercent(results.persons[0]!.percents.low ?? null));
    }
    await day(projectors[0]!, '26-display-results-1920');
    await day(projectors[1]!, '26-display-results-1280');

    // --- Minutes: print page and PDF; CSV.
    const minutesPopup = secretariat.waitForEvent('page');
    await a.getByRole('link', { name: 'Biên bản kiểm phiếu (trang in A4)' }).click();
    const minutes = await minutesPopup;
    await minutes.waitForLoadState();
    await hasText(minutes.locator('body'), 'BIÊN BẢN KIỂM PHIẾU');
    await minutes.setViewportSize({ width: 900, height: 1200 });
    await day(minutes, '27-minutes-print');
    await minutes.close();

    const pdfDownload = a.waitForEvent('download');
    await a.getByRole('link', { name: 'Biên bản kiểm phiếu (PDF)' }).click();
    const minutesText = await pdfText(new Uint8Array(readFileSync((await (await pdfDownload).path())!)));
    for (const line of [
      '– Số người được triệu tập: 55',
      '– Tổng số phiếu phát ra: 55 (phiếu điện tử: 53; phiếu giấy: 2)',
      '– Tổng số phiếu thu về: 14 (phiếu điện tử: 12; phiếu giấy: 2)',
      'Tỉ lệ phần trăm tính trên tổng số phiếu thu về (14 phiếu).',
      '1. Đỗ Thị Thanh Hương — Trưởng ban',
    ])
      expect(minutesText).toContain(line);
    for (const p of results.persons) {
      expect(minutesText).toContain(p.fullName);
      for (const level of ['high', 'medium', 'low']) expect(minutesText).toContain(formatPercent(p.percents[level] ?? null));
    }

    const csvDownload = a.waitForEvent('download');
    await a.getByRole('link', { name: 'Kết quả (CSV, mở bằng Excel)' }).click();
    const csv = readFileSync((await (await csvDownload).path())!, 'utf8');
    expect(csv.charCodeAt(0)).toBe(0xfeff);
    for (const name of NAMES) expect(csv).toContain(name);

    // --- A second vote for the standing committee, from a copy, under NQ 96/2023/QH15.
    await a.getByRole('button', { name: '← Danh sách cuộc lấy phiếu' }).click();
    await a.getByTestId('session-row').first().waitFor();
    await day(a, '28-list-1366');
    await a.getByTestId('session-row').filter({ hasText: TITLE }).getByRole('button', { name: 'Nhân bản' }).click();
    await confirmModal(a);
    await a.waitForURL(/\/setup$/);
    const copyId = /\/admin\/s\/([^/]+)\//.exec(a.url())![1]!;
    expect(copyId).not.toBe(sessionId);
    await a.fill('input[name=title]', 'Bỏ phiếu tín nhiệm Ban Thường vụ Tỉnh ủy');
    await a.selectOption('select[name=presetId]', 'nq96-2023-bo-phieu');
    await a.fill('input[name=summoned]', '15');
    await a.fill('input[name=present]', '15');
    await a.getByRole('button', { name: 'Lưu', exact: true }).click();
    await confirmModal(a);
    await hasText(a.getByRole('status'), 'Đã lưu');
    await day(a, '29-copy-setup-1366');
    await tab(a, 'Người được lấy phiếu');
    await a.getByText('Nhập từ bảng tính hoặc tệp CSV').click();
    await a.fill('details.import textarea', PEOPLE.slice(0, 5).map(([n, p]) => `${n}\t${p}`).join('\n'));
    await a.getByRole('button', { name: 'Xem trước' }).click();
    await a.getByText('Thay cả danh sách').click();
    await a.getByRole('button', { name: 'Nhập 5 người' }).click();
    await confirmModal(a);
    await expect.poll(() => a.getByTestId('person-row').count(), POLL).toBe(5);
    await day(a, '30-copy-people-1366');
    const copy = await server.admin.call('GET /api/admin/sessions/:id', { params: { id: copyId } });
    expect(copy.presetId).toBe('nq96-2023-bo-phieu');
    expect(copy.preset.levels.map((l: { label: { vi: string } }) => l.label.vi)).toEqual(['Tín nhiệm', 'Không tín nhiệm']);
    expect(copy.persons).toHaveLength(5);

    // The same console at tablet width.
    await a.setViewportSize(TABLET);
    await day(a, '31-copy-people-768');
    expect(consoleErrors).toEqual([]);
  });
});
