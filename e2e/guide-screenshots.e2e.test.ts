/**
 * The pictures of the operator's guide (docs/huong-dan-su-dung.md), taken from one whole vote
 * driven through the real app in Chromium as a new secretariat would: log in, prepare the
 * vote, the committee, slips printed and the leftovers voided by the laptop camera, the
 * sealing ceremony, opening, 8 phones voting, turnout on the projector, one paper ballot keyed
 * twice (once wrongly), closing while a backup holds the data file (the "Dọn lại" banner),
 * the box opened with two shares, publishing, the minutes. Each picture is taken after the
 * screen has been checked to say what its caption says.
 *
 * `npm run guide:screenshots` writes them into docs/guide/ (committed) and checks every picture
 * the guide links to was taken and every picture taken is linked. Skipped without
 * TINNHIEM_GUIDE_DIR, so an ordinary e2e run (and CI) never rewrites the docs. Laptop 1366×768
 * for the console, phone 360×740, projector 1280×720 (e2e/guide-shots.ts). A member's share is
 * painted over even though this is a demo vote.
 */
import Sqlite from 'better-sqlite3';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { slipFromScan } from '../shared/slip-code';
import type { TestServer } from '../test/server';
import { useServerAndBrowser } from './browser';
import { blankFrame, launchWithCamera, photoFrame, y4mVideo } from './fake-camera';
import { checkGuidePictures, GUIDE_SIZES, guideShot } from './guide-shots';
import { confirmModal, hasText, isText, login, openPhone, openTheBox, POLL, rateAndSubmit, sealTheBox, tab, type Phone } from './rehearsal-helpers';

const TITLE = 'Lấy phiếu tín nhiệm Ban Thường vụ Huyện ủy năm 2026';
const PEOPLE: [string, string][] = [
  ['Nguyễn Văn Thắng', 'Bí thư Huyện ủy'],
  ['Trần Thị Thu Hà', 'Phó Bí thư Thường trực Huyện ủy'],
  ['Lê Quang Huy', 'Phó Bí thư Huyện ủy, Chủ tịch UBND huyện'],
  ['Phạm Thị Hồng Nhung', 'Chủ nhiệm Ủy ban Kiểm tra Huyện ủy'],
  ['Hoàng Văn Dũng', 'Trưởng Ban Tổ chức Huyện ủy'],
];
const NAMES = PEOPLE.map(([name]) => name);
const COMMITTEE: [string, string][] = [
  ['Đỗ Thị Thanh Hương', 'Trưởng ban'],
  ['Ngô Văn Lực', 'Ủy viên'],
  ['Trịnh Bảo Châu', 'Ủy viên'],
];
const LEVELS = ['Tín nhiệm cao', 'Tín nhiệm', 'Tín nhiệm thấp'];
/** Phone n's choices: varied, nobody left unmarked. */
const choices = (n: number) => NAMES.map((_, i) => LEVELS[(n + i) % 3]!);
/**
 * 10 summoned, 9 present: 10 slips printed (9 + 10 %). 8 delegates draw a slip and vote on
 * their phones, 1 has no phone and gets a paper ballot, so 8 + 1 = 9 handed out (phát ra); the
 * 2 slips left on the table are voided before opening, since phát ra counts every slip not voided.
 */
const SUMMONED = 10;
const PRESENT = 9;
const PHONES = 8;
const PAPER = 1;

let server: TestServer;
let browser: Browser;
useServerAndBrowser((s, b) => ((server = s), (browser = b)));

const laptop = (b: Browser = browser): Promise<BrowserContext> => b.newContext({ viewport: GUIDE_SIZES.laptop, acceptDownloads: true });

// Only `npm run guide:screenshots` (TINNHIEM_GUIDE_DIR set) takes the pictures: an ordinary e2e
// run, and CI, must never rewrite the committed docs/guide/.
describe.skipIf(!process.env.TINNHIEM_GUIDE_DIR)('the guide’s pictures', () => {
  // A whole day in one browser: a few minutes on a busy 2-core machine; each step waits on what the screen says.
  it('one whole vote, each screen checked, then pictured', async () => {
    const errors: string[] = [];
    const desk = await laptop();
    const a = await desk.newPage();
    a.on('pageerror', (e) => errors.push(e.message));

    // --- Log in: the password printed by `npm start`, and one's own name.
    await a.goto(`${server.url}/admin`);
    await a.getByRole('heading', { name: 'Đăng nhập bàn thư ký' }).waitFor();
    await a.fill('input[name=password]', 'xxxx-xxxx-xxxx-xxxx');
    await a.fill('input[name=operator]', 'Lê Thư Ký');
    await guideShot(a, 'dang-nhap');
    await login(a, server.url, 'Lê Thư Ký');

    // --- A new vote: details, locality, rules, numbers summoned and present.
    await a.fill('input[name=title]', TITLE);
    await a.fill('input[name=organisation]', 'Đảng bộ huyện Phú Vang');
    await a.fill('input[name=place]', 'Hội trường Huyện ủy, số 12 Lê Lợi');
    await a.fill('input[name=locality]', 'Phú Vang');
    await a.fill('input[name=heldOn]', '2026-11-27');
    await a.selectOption('select[name=presetId]', 'qd96-2023');
    await a.fill('input[name=summoned]', String(SUMMONED));
    await a.fill('input[name=present]', String(PRESENT));
    await hasText(a.getByTestId('quorum-badge'), `Đủ số lượng: ${PRESENT}/${SUMMONED} có mặt (cần ít nhất 7)`);
    await a.getByRole('heading', { name: 'Tạo cuộc lấy phiếu mới' }).scrollIntoViewIfNeeded();
    await a.evaluate(() => window.scrollBy(0, -8));
    await guideShot(a, 'tao-cuoc-lay-phieu');
    await a.getByRole('button', { name: 'Tạo', exact: true }).click();
    expect(await confirmModal(a)).toContain(`Tạo cuộc lấy phiếu “${TITLE}”?`);
    await a.waitForURL(/\/admin\/s\/[^/]+\/people$/);
    const sessionId = /\/admin\/s\/([^/]+)\//.exec(a.url())![1]!;

    // --- People rated: pasted from a spreadsheet, previewed, then imported.
    await a.getByText('Nhập từ bảng tính hoặc tệp CSV').click();
    await a.fill('details.import textarea', ['Họ và tên\tChức vụ', ...PEOPLE.map(([n, p]) => `${n}\t${p}`)].join('\n'));
    await a.getByRole('button', { name: 'Xem trước' }).click();
    await hasText(a.getByTestId('import-preview'), '5 dòng hợp lệ, 0 dòng lỗi');
    await a.getByTestId('import-preview').scrollIntoViewIfNeeded();
    await guideShot(a, 'nhap-danh-sach');
    await a.getByRole('button', { name: 'Nhập 5 người' }).click();
    await confirmModal(a);
    await expect.poll(() => a.getByTestId('person-row').count(), POLL).toBe(5);
    await a.evaluate(() => window.scrollTo(0, 0));
    await guideShot(a, 'danh-sach-nguoi');

    // --- The rules applied (the preset's own words), on the Details tab.
    await tab(a, 'Thông tin');
    const rules = a.getByTestId('preset-panel');
    await hasText(rules, 'Tín nhiệm thấp');
    await hasText(rules, 'đồng chí');
    await rules.scrollIntoViewIfNeeded();
    await guideShot(rules, 'quy-dinh-ap-dung');

    // --- The tally committee, three members.
    await tab(a, 'Ban kiểm phiếu');
    await a.getByTestId('member-row').first().waitFor();
    for (const [i, [name, role]] of COMMITTEE.entries()) {
      if (i > 0) await a.getByRole('button', { name: '+ Thêm thành viên' }).click();
      const row = a.getByTestId('member-row').nth(i);
      await row.getByLabel('Họ và tên').fill(name);
      await row.getByLabel('Chức danh').fill(role);
    }
    await a.getByRole('button', { name: 'Lưu', exact: true }).click();
    await confirmModal(a);
    await hasText(a.getByRole('status'), 'Đã lưu');
    await guideShot(a, 'ban-kiem-phieu');

    // --- Slips: present + 10 %, issued, then the print page.
    await tab(a, 'Phiếu QR');
    await expect.poll(() => a.locator('input[name=count]').inputValue(), POLL).toBe('10');
    await a.getByRole('button', { name: 'Phát hành', exact: true }).click();
    await confirmModal(a);
    await hasText(a.getByRole('status'), 'Đã phát hành 10 phiếu QR. Bước tiếp theo: in phiếu.');
    await guideShot(a, 'phat-hanh-phieu');
    const popup = desk.waitForEvent('page');
    await a.getByRole('button', { name: /Mở trang in: mọi phiếu chưa dùng/ }).click();
    await confirmModal(a);
    const print = await popup;
    await print.waitForLoadState();
    expect(await print.locator('svg.qr').count()).toBe(10);
    await hasText(print.locator('.slip').first(), 'PHIẾU TÍN NHIỆM');
    await guideShot(print, 'trang-in-phieu');
    await print.close();

    // The slips as the console's own session reads them (the codes the hall holds on paper).
    const slips = await a.evaluate(async (url) => {
      const answer = await fetch(url);
      if (!answer.ok) throw new Error(`slips: ${answer.status}`);
      return ((await answer.json()) as { slips: { id: string; code: string; path: string }[] }).slips;
    }, `/api/admin/sessions/${sessionId}/slips?state=unused`);
    const handedOut = slips.slice(0, PHONES);
    const leftover = slips.slice(PHONES);
    expect(leftover).toHaveLength(2);

    // --- The two slips left on the table, shown to the laptop camera (Chromium's fake one, playing photographs of them).
    const camera = await cameraFilming(desk, sessionId, leftover.map((s) => s.id), server.dir);
    try {
      const scanDesk = await laptop(camera);
      const s = await scanDesk.newPage();
      s.on('pageerror', (e) => errors.push(e.message));
      await login(s, server.url, 'Lê Thư Ký');
      await s.goto(`${server.url}/admin/s/${sessionId}/slips`);
      await s.getByRole('button', { name: 'Quét mã QR các phiếu còn lại' }).click();
      expect(await confirmModal(s)).toContain('Mỗi phiếu quét được bằng camera sẽ bị hủy ngay');
      await expect.poll(() => s.getByTestId('scan-count').getAttribute('data-voided'), POLL).toBe('2');
      await hasText(s.getByTestId('scan-count'), 'Đã hủy 2 phiếu bằng camera');
      for (const slip of leftover) await hasText(s.getByTestId('scan-log'), `Đã hủy phiếu ${slip.id}.`);
      // The panel at the top of the screen: its running count and the list of slips voided in view.
      await s.getByRole('heading', { name: 'Hủy các phiếu không phát ra' }).evaluate((h) => h.scrollIntoView({ block: 'start' }));
      await guideShot(s, 'huy-phieu-con-lai');
      await s.getByRole('button', { name: 'Xong, tắt camera' }).click();
      await scanDesk.close();
    } finally {
      await camera.close();
    }
    await a.reload();
    await hasText(a.getByTestId('slip-counts'), `Đã phát hành ${PHONES} phiếu QR: ${PHONES} chưa dùng (0 chưa in), 0 đã bỏ phiếu, 2 đã hủy.`);

    // --- One delegate without a phone gets a paper ballot.
    await tab(a, 'Phiếu giấy');
    await a.fill('input[name=paperIssued]', String(PAPER));
    await a.getByRole('button', { name: 'Lưu', exact: true }).click();
    await confirmModal(a);
    await hasText(a.getByTestId('paper-counts'), `đã phát ${PAPER}`);

    // --- The projector, from the display link (its key covered until "Hiện").
    await tab(a, 'Điều hành');
    // phát ra: the slips not voided plus the paper ballots handed out, one per delegate present.
    await isText(a.getByTestId('issued'), String(PHONES + PAPER));
    expect(PHONES + PAPER).toBe(PRESENT);
    await a.getByRole('button', { name: 'Hiện', exact: true }).click();
    const displayUrl = (await a.getByTestId('display-link').innerText()).trim().replace(/^https?:\/\/[^/]+/, server.url);
    await a.getByRole('button', { name: 'Ẩn', exact: true }).click();
    expect(await a.locator('body').innerText()).not.toContain(displayUrl.split('#')[1]!);
    const projector = await (await browser.newContext({ viewport: GUIDE_SIZES.projector })).newPage();
    projector.on('pageerror', (e) => errors.push(e.message));
    await projector.goto(displayUrl);
    await projector.getByText('Chưa bắt đầu bỏ phiếu').first().waitFor(POLL);
    await isText(projector.getByTestId('issued'), String(PRESENT));
    await guideShot(projector, 'chieu-truoc-khi-mo');

    // --- The box must be sealed first: the Run tab says so.
    expect(await a.getByRole('button', { name: 'Mở bỏ phiếu' }).isDisabled()).toBe(true);
    await isText(a.getByTestId('needs-seal'), 'Cần niêm phong hòm phiếu trước khi mở bỏ phiếu.');
    await guideShot(a, 'dieu-hanh-chua-niem-phong');

    // --- The sealing ceremony: the warning with its tick box, a member's cover, a share, the end.
    await tab(a, 'Thông tin');
    const boxPanel = a.getByTestId('box-panel');
    await boxPanel.scrollIntoViewIfNeeded();
    await hasText(boxPanel, '2 trong 3 thành viên (đa số, mặc định)');
    await guideShot(boxPanel, 'hom-phieu-chua-niem-phong');
    const shares = await sealTheBox(a, COMMITTEE, async (step) => {
      if (step === 'cover') {
        await hasText(a.getByTestId('ceremony'), 'Mời đồng chí Ngô Văn Lực lại gần màn hình');
        await guideShot(a, 'niem-phong-man-che');
      } else if (step === 'share') {
        await hasText(a.getByTestId('ceremony'), 'Chỉ người này nhìn màn hình.');
        const card = a.getByTestId('share-card');
        await guideShot(a, 'niem-phong-manh-khoa', [card.locator('svg.qr'), card.getByTestId('share-code')]);
      } else if (step === 'done') {
        await hasText(a.getByTestId('ceremony'), 'Đã niêm phong: cần 2/3 mảnh khóa để mở.');
        await guideShot(a, 'niem-phong-xong');
      }
    });
    await hasText(a.getByTestId('box-status'), 'cần 2/3 mảnh khóa để mở hòm');

    // --- Phones: a delegate scans before voting opens and waits.
    const phones: Phone[] = [];
    for (let i = 0; i < PHONES; i++) phones.push(await openPhone(browser, GUIDE_SIZES.phone));
    await phones[0]!.page.goto(`${server.url}${handedOut[0]!.path}`);
    await phones[0]!.page.getByText('Chưa bắt đầu bỏ phiếu').waitFor(POLL);
    await guideShot(phones[0]!.page, 'dt-cho-mo');

    // --- Open voting.
    await tab(a, 'Điều hành');
    await hasText(a.getByTestId('run-box'), 'cần 2/3 mảnh khóa để mở sau khi kết thúc bỏ phiếu');
    await a.getByRole('button', { name: 'Mở bỏ phiếu' }).click();
    await a.locator('.modal').waitFor();
    await hasText(a.locator('.modal'), `Mở bỏ phiếu cho “${TITLE}”?`);
    await guideShot(a, 'mo-bo-phieu-xac-nhan');
    await confirmModal(a);
    await isText(a.getByTestId('session-state'), 'Đang bỏ phiếu');

    // --- Phones vote: one types the code instead of scanning; four vote first.
    await phones[0]!.page.getByText(`Đã đánh giá 0/5`).waitFor(POLL);
    const typed = phones[1]!.page;
    await typed.goto(`${server.url}/`);
    await typed.getByLabel('Mã phiếu').fill(handedOut[1]!.code);
    await guideShot(typed, 'dt-nhap-ma');
    await typed.getByRole('button', { name: 'Mở phiếu' }).click();
    for (let i = 2; i < PHONES; i++) await phones[i]!.page.goto(`${server.url}${handedOut[i]!.path}`);
    await rateAndSubmit(phones[0]!.page, NAMES, choices(0), async (step) => {
      if (step === 'form') {
        await phones[0]!.page.getByRole('group', { name: new RegExp(NAMES[1]!) }).scrollIntoViewIfNeeded();
        await guideShot(phones[0]!.page, 'dt-phieu');
      } else if (step === 'review') await guideShot(phones[0]!.page, 'dt-xem-lai');
    });
    await phones[0]!.page.getByTestId('receipt').waitFor();
    await guideShot(phones[0]!.page, 'dt-da-ghi-nhan');
    await Promise.all([1, 2, 3].map((i) => rateAndSubmit(phones[i]!.page, NAMES, choices(i))));

    // --- Turnout, on the console and on the projector.
    await isText(a.getByTestId('collected'), '4');
    await guideShot(a, 'dieu-hanh-dang-bo-phieu');
    await projector.getByTestId('collected').filter({ hasText: '4' }).waitFor(POLL);
    await guideShot(projector, 'chieu-dang-bo-phieu');

    // --- What a phone may say: a slip already used, a voided slip, a code that does not exist.
    const other = await openPhone(browser, GUIDE_SIZES.phone);
    await other.page.goto(`${server.url}${handedOut[0]!.path}`);
    await other.page.getByRole('heading', { name: 'Phiếu này đã được sử dụng' }).waitFor(POLL);
    expect(await other.page.locator('body').innerText()).not.toMatch(/Tín nhiệm cao|Tín nhiệm thấp/);
    await guideShot(other.page, 'dt-da-su-dung');
    await other.page.goto(`${server.url}${leftover[0]!.path}`);
    await hasText(other.page.locator('body'), 'Phiếu này đã bị hủy. Xin liên hệ Ban kiểm phiếu để nhận phiếu khác.');
    await guideShot(other.page, 'dt-phieu-da-huy');
    await other.page.goto(`${server.url}/`);
    await other.page.getByLabel('Mã phiếu').fill(unknownCode(slips.map((x) => x.code)));
    await other.page.getByRole('button', { name: 'Mở phiếu' }).click();
    await hasText(other.page.locator('body'), 'Mã phiếu không đúng. Xin kiểm tra lại mã in trên phiếu');
    await guideShot(other.page, 'dt-ma-khong-dung');
    await other.context.close();

    await Promise.all(range(4, PHONES).map((i) => rateAndSubmit(phones[i]!.page, NAMES, choices(i))));
    for (const p of phones) {
      expect(p.errors).toEqual([]);
      await p.context.close();
    }
    await isText(a.getByTestId('collected'), String(PHONES));

    // --- The paper ballot, keyed twice by two people (the second in a private window of the
    // same laptop): first a misreading, both entries discarded, then a match.
    const second = await laptop();
    const b = await second.newPage();
    b.on('pageerror', (e) => errors.push(e.message));
    await login(b, server.url, 'Ngô Văn Lực');
    const sheet = NAMES.map((_, i) => (i === 0 ? LEVELS[2]! : i === 3 ? 'Không hợp lệ' : LEVELS[0]!));
    const misread = sheet.map((l, i) => (i === 2 ? LEVELS[1]! : l));
    const key = async (page: Page, marks: string[], secondEntry: boolean, shot?: string) => {
      await page.goto(`${server.url}/admin/s/${sessionId}/paper`);
      await page.locator('form.paper').waitFor();
      if (secondEntry) await page.getByText(/Lần nhập thứ hai cho phiếu/).click();
      for (const [i, mark] of marks.entries()) await page.getByTestId('sheet-row').nth(i).getByText(mark, { exact: true }).click();
      if (shot) await guideShot(page, shot);
      await page.getByRole('button', { name: 'Ghi lần nhập' }).click();
      if (secondEntry) await confirmModal(page);
    };
    await key(a, sheet, false, 'phieu-giay-lan-1');
    await hasText(a.getByRole('status'), 'Đã lưu lần nhập thứ nhất');
    await key(b, misread, true);
    await b.locator('[data-code=paper-mismatch]').waitFor(POLL);
    await hasText(b.locator('form.paper'), 'Cả hai lần nhập đã bị hủy');
    await guideShot(b, 'phieu-giay-khong-khop');
    await key(a, sheet, false);
    await key(b, sheet, true, 'phieu-giay-lan-2');
    await hasText(b.getByRole('status'), 'Hai lần nhập khớp nhau: đã ghi 1 phiếu giấy.');
    await hasText(b.getByTestId('paper-counts'), 'đã phát 1, đã ghi 1, đang chờ nhập lần hai 0');
    await second.close();

    // --- Close, while a backup program holds the data file open: the console asks for "Dọn lại".
    await tab(a, 'Điều hành');
    await isText(a.getByTestId('collected'), String(PRESENT));
    const reader = new Sqlite(server.dbFile, { readonly: true });
    reader.prepare('begin').run();
    reader.prepare('select count(*) from sealed_ballots').get();
    try {
      await a.getByRole('button', { name: 'Kết thúc bỏ phiếu' }).click();
      await hasText(a.locator('.modal'), 'Kết thúc bỏ phiếu? Đây là bước cuối: không mở lại được');
      await guideShot(a, 'ket-thuc-xac-nhan');
      expect(await confirmModal(a)).toContain('Đây là bước cuối: không mở lại được');
      await isText(a.getByTestId('session-state'), 'Đã kết thúc');
      await hasText(a.getByTestId('traces-pending'), 'Xin đóng chương trình đó rồi bấm “Dọn lại”.');
      await guideShot(a, 'ket-thuc-don-lai');
    } finally {
      reader.prepare('commit').run();
      reader.close();
    }
    await a.getByTestId('traces-pending').getByRole('button', { name: 'Dọn lại' }).click();
    await a.getByTestId('traces-pending').waitFor({ state: 'detached', ...POLL });
    await projector.getByText('Xin chờ Ban kiểm phiếu mở hòm phiếu điện tử').waitFor(POLL);
    await guideShot(projector, 'chieu-hom-niem-phong');

    // --- The box opened by the first and the third member, typing the codes on their cards.
    await openTheBox(
      a,
      [
        { name: COMMITTEE[0]![0], code: shares[0]! },
        { name: COMMITTEE[2]![0], code: shares[2]! },
      ],
      async (step) => {
        if (step === 'share-1') await guideShot(a, 'mo-hom-mot-manh');
      },
    );
    await isText(a.getByTestId('box-phone-ballots'), String(PHONES));
    await a.getByTestId('results-covered').waitFor(POLL);
    await a.getByTestId('box-opened').scrollIntoViewIfNeeded();
    await guideShot(a, 'hom-da-mo');
    await projector.getByText('Hòm phiếu điện tử đã được mở').waitFor(POLL);
    await guideShot(projector, 'chieu-hom-da-mo');

    // --- Publish: results shown to the committee, confirmed, then on the projector.
    await a.getByRole('button', { name: 'Hiện kết quả' }).click();
    await a.getByTestId('results-panel').locator('table.results-table').waitFor(POLL);
    await a.getByRole('button', { name: 'Công bố kết quả' }).click();
    await hasText(a.getByTestId('results-panel'), 'Công bố kết quả? Mọi màn hình chiếu sẽ hiển thị kết quả của từng người.');
    await a.getByRole('button', { name: 'Xác nhận công bố' }).scrollIntoViewIfNeeded();
    await guideShot(a, 'cong-bo-xac-nhan');
    await a.getByRole('button', { name: 'Xác nhận công bố' }).click();
    await hasText(a.getByRole('status'), 'Đã công bố kết quả');
    await projector.getByTestId('results').waitFor(POLL);
    await isText(projector.getByTestId('base-line'), `Tỉ lệ trên tổng số phiếu thu về: ${PRESENT}`);
    for (const name of NAMES) await hasText(projector.getByTestId('results'), name);
    await guideShot(projector, 'chieu-ket-qua');

    // --- Minutes and data: the links, then the print page.
    await hasText(a.locator('ul.exports'), 'Biên bản kiểm phiếu (Word, để sửa trước khi ký)');
    await a.getByRole('heading', { name: 'Biên bản và dữ liệu' }).evaluate((h) => h.scrollIntoView({ block: 'start' }));
    await guideShot(a, 'bien-ban-va-du-lieu');
    const minutesPopup = desk.waitForEvent('page');
    await a.getByRole('link', { name: 'Biên bản kiểm phiếu (trang in A4)' }).click();
    const minutes = await minutesPopup;
    await minutes.waitForLoadState();
    await hasText(minutes.locator('body'), 'BIÊN BẢN KIỂM PHIẾU');
    await hasText(minutes.locator('body'), 'Phú Vang, ngày 27 tháng 11 năm 2026');
    expect(await minutes.locator('body').innerText()).not.toContain('DỰ THẢO');
    await guideShot(minutes, 'bien-ban-trang-in');
    await minutes.close();

    await projector.context().close();
    await desk.close();
    expect(errors).toEqual([]);
    checkGuidePictures();
  }, 300_000);
});

/** A well-formed slip code that is none of `codes` (a typo of the first). */
function unknownCode(codes: string[]): string {
  const alphabet = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
  for (const c of alphabet) {
    const code = `${c}${codes[0]!.slice(1)}`;
    if (!codes.includes(code)) return code;
  }
  throw new Error('no unknown code');
}

/**
 * A Chromium whose camera films the slips `ids` of the print page one after another: each
 * photographed as printed (at twice the screen's resolution), held for a while, then a blank sheet.
 */
async function cameraFilming(desk: BrowserContext, sessionId: string, ids: string[], dir: string): Promise<Browser> {
  const photos = await browser.newContext({ viewport: { width: 900, height: 1300 }, deviceScaleFactor: 2, storageState: await desk.storageState() });
  const page = await photos.newPage();
  await page.goto(`${server.url}/api/admin/sessions/${sessionId}/slips/print?which=unused`);
  const frames: Buffer[] = [];
  for (const slip of await page.locator('.slip').all()) {
    if (!ids.includes(slipFromScan((await slip.getAttribute('data-url'))!)!.id)) continue;
    const frame = await photoFrame(page, await slip.screenshot());
    frames.push(...Array<Buffer>(8).fill(frame), blankFrame(), blankFrame());
  }
  await photos.close();
  expect(frames).toHaveLength(ids.length * 10);
  const video = join(dir, 'guide-leftover-slips.y4m');
  writeFileSync(video, y4mVideo(frames, undefined, 5));
  return launchWithCamera(video);
}

/** from, from + 1, …, to − 1. */
const range = (from: number, to: number): number[] => Array.from({ length: to - from }, (_, i) => from + i);
