/**
 * The secretariat console in real Chromium against the real server: log in, create a vote,
 * import people, issue, print and void slips, open (with live turnout), close, read the log;
 * the sealing ceremony and the opening of the box, typed and scanned with a (fake) camera.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Locator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { castMessage, sealBallot, slipFromPath, WsClient } from '../scripts/lib/client';
import { prepareSession, TEST_PASSWORD, type TestServer } from '../test/server';
import { screenshot, useServerAndBrowser } from './browser';
import { launchWithCamera, qrFrame, y4mVideo } from './fake-camera';

const POLL = { timeout: 10_000 };
/** Wait until the element's text contains `sub`. */
const hasText = (loc: Locator, sub: string) => expect.poll(() => loc.innerText(), POLL).toContain(sub);
/** Wait until the element's text is exactly `text`. */
const isText = (loc: Locator, text: string) => expect.poll(async () => (await loc.innerText()).trim(), POLL).toBe(text);
const hasAttr = (loc: Locator, name: string, value: string) => expect.poll(() => loc.getAttribute(name), POLL).toBe(value);
const hasValue = (loc: Locator, value: string) => expect.poll(() => loc.inputValue(), POLL).toBe(value);
const hasCount = (loc: Locator, n: number) => expect.poll(() => loc.count(), POLL).toBe(n);

let server: TestServer;
let browser: Browser;
useServerAndBrowser((s, b) => ((server = s), (browser = b)));

async function login(page: Page, operator: string): Promise<void> {
  await page.goto(`${server.url}/admin`);
  await page.fill('input[name=password]', TEST_PASSWORD);
  await page.fill('input[name=operator]', operator);
  await page.click('button[type=submit]');
  await page.getByText(`Đang thao tác: ${operator}`).waitFor();
}

/** Confirm the open modal (the console asks before every record-changing action). */
async function confirmModal(page: Page): Promise<void> {
  await page.locator('.modal').waitFor();
  await page.locator('.modal .actions button').last().click();
  await page.locator('.modal').waitFor({ state: 'detached' });
}

describe('console walk-through in Chromium', () => {
  it('login → create → people → slips → open → live turnout → close → log', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    await page.goto(`${server.url}/admin`);
    await screenshot(page, 'console-login-1280');
    await page.fill('input[name=password]', 'wrong');
    await page.click('button[type=submit]');
    await expect.poll(() => page.locator('[data-code=wrong-password]').count()).toBe(1);
    await login(page, 'Lê Thư Ký');
    await page.getByTestId('lan-url').or(page.getByText('Máy chưa nối mạng LAN')).first().waitFor();

    // Create a vote from the default preset.
    await page.fill('input[name=title]', 'Lấy phiếu tín nhiệm Ban Thường vụ Tỉnh ủy');
    await page.fill('input[name=organisation]', 'Đảng bộ tỉnh Thái Bình');
    await page.fill('input[name=summoned]', '20');
    await page.fill('input[name=present]', '15');
    await hasAttr(page.getByTestId('quorum-badge'), 'data-met', 'true');
    await page.getByRole('button', { name: 'Tạo', exact: true }).click();
    await confirmModal(page);
    await page.waitForURL(/\/admin\/s\/[^/]+\/people$/);
    const sessionId = /\/admin\/s\/([^/]+)\//.exec(page.url())![1]!;

    // Paste three people from a spreadsheet, one bad row; preview, then import.
    await page.getByText('Nhập từ bảng tính hoặc tệp CSV').click();
    const nfd = 'Nguyễn Thị Hồng'.normalize('NFD');
    await page.fill('details.import textarea', `Họ và tên\tChức vụ\n${nfd}\tBí thư Tỉnh ủy\n\tKhông tên\nPhạm Văn Đức\tPhó Bí thư\n=SUM(A1)\tỦy viên`);
    await page.getByRole('button', { name: 'Xem trước' }).click();
    const preview = page.getByTestId('import-preview');
    await hasText(preview, '3 dòng hợp lệ, 1 dòng lỗi');
    await hasText(preview.locator('[data-code=csv-empty-name]'), 'Dòng 3');
    await hasText(preview, '=SUM(A1)');
    await screenshot(page, 'console-import-preview-1280');
    await page.getByRole('button', { name: 'Nhập 3 người' }).click();
    await confirmModal(page);
    await hasCount(page.getByTestId('person-row'), 3);
    await hasValue(page.getByTestId('person-row').first().locator('input').first(), 'Nguyễn Thị Hồng'.normalize('NFC'));

    // Issue slips (default is present + 10%).
    await page.getByRole('tab', { name: 'Phiếu QR' }).click();
    await hasValue(page.locator('input[name=count]'), '17');
    await page.fill('input[name=count]', '5');
    await page.getByRole('button', { name: 'Phát hành', exact: true }).click();
    await confirmModal(page);
    await hasText(page.getByTestId('slip-counts'), 'Đã phát hành 5 phiếu QR: 5 chưa dùng (5 chưa in)');

    // Print view opens in a new tab with a QR per slip.
    const popup = page.context().waitForEvent('page');
    await page.getByRole('button', { name: /Mở trang in: mọi phiếu chưa dùng/ }).click();
    await confirmModal(page);
    const printPage = await popup;
    await printPage.waitForLoadState();
    expect(await printPage.locator('svg.qr').count()).toBe(5);
    await printPage.setViewportSize({ width: 900, height: 1200 });
    await screenshot(printPage, 'console-slips-print');
    await printPage.close();

    // Void a lost slip by its typed code (lower case, no dash) and issue a replacement.
    const { slips } = await server.admin.call('GET /api/admin/sessions/:id/slips', { params: { id: sessionId } });
    const lost = slips[0]!.code as string;
    await page.fill('input[name=code]', lost.toLowerCase().replace('-', ''));
    await page.getByRole('button', { name: 'Hủy phiếu', exact: true }).click();
    await confirmModal(page);
    await hasText(page.getByRole('status'), 'phát hành 1 phiếu thay thế');
    await hasText(page.getByTestId('slip-counts'), 'Đã phát hành 5 phiếu QR: 5 chưa dùng (1 chưa in), 0 đã bỏ phiếu, 1 đã hủy');
    await screenshot(page, 'console-slips-1280');

    // The box is sealed by default, so Open waits for the seal; this vote takes an unsealed box.
    await page.getByRole('tab', { name: 'Điều hành' }).click();
    expect(await page.getByRole('button', { name: 'Mở bỏ phiếu' }).isDisabled()).toBe(true);
    await isText(page.getByTestId('needs-seal'), 'Cần niêm phong hòm phiếu trước khi mở bỏ phiếu.');
    await page.getByRole('button', { name: 'Đến phần niêm phong (thẻ Thông tin)' }).click();
    await page.getByTestId('box-panel').getByText('Không niêm phong', { exact: true }).click();
    await hasText(page.locator('.modal'), 'Máy chủ sẽ đọc được từng phiếu điện thoại ngay khi phiếu đến');
    await confirmModal(page);
    await isText(page.getByTestId('box-status'), 'Hòm phiếu không niêm phong: máy chủ đọc được từng phiếu khi phiếu đến.');

    // Open voting; a phone casts; turnout moves live.
    await page.getByRole('tab', { name: 'Điều hành' }).click();
    await page.getByRole('button', { name: 'Mở bỏ phiếu' }).click();
    await confirmModal(page);
    await isText(page.getByTestId('session-state'), 'Đang bỏ phiếu');
    await isText(page.getByTestId('issued'), '5');
    const { slips: unused } = await server.admin.call('GET /api/admin/sessions/:id/slips', { params: { id: sessionId }, query: { state: 'unused' } });
    const detail = await server.admin.call('GET /api/admin/sessions/:id', { params: { id: sessionId } });
    const box = await server.admin.ballotBox(sessionId);
    const ws = await WsClient.connect(server.url);
    const cast = await sealBallot(slipFromPath(unused[0]!.path), box, { [detail.persons[0]!.id]: 'high' });
    await ws.request({ type: 'slip.open', slipId: cast.slipId, proof: cast.proof });
    expect(await ws.request({ type: 'cast', slipId: cast.slipId, nonce: cast.nonce, sealed: cast.sealed, auth: cast.auth })).toMatchObject({ type: 'recorded' });
    ws.close();
    await isText(page.getByTestId('collected'), '1');
    // The key is covered (the laptop may be mirrored) until asked for.
    await hasText(page.getByTestId('display-link'), `/display/${sessionId}#`);
    expect(await page.locator('body').innerText()).not.toContain(detail.displayKey);
    await screenshot(page, 'console-run-open-1280');
    await page.getByRole('button', { name: 'Hiện', exact: true }).click();
    await hasText(page.getByTestId('display-link'), `/display/${sessionId}#${detail.displayKey}`);
    await page.getByRole('button', { name: 'Ẩn', exact: true }).click();

    // Close voting: final.
    await page.getByRole('button', { name: 'Kết thúc bỏ phiếu' }).click();
    await confirmModal(page);
    await isText(page.getByTestId('session-state'), 'Đã kết thúc');

    // The log shows what happened, with the operator's name; no slip code in it.
    await page.getByRole('tab', { name: 'Nhật ký' }).click();
    await page.locator('table.audit tbody tr').first().waitFor();
    const events = await page.locator('table.audit tbody tr').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-event')));
    expect(events).toEqual(
      expect.arrayContaining(['session.created', 'persons.changed', 'slips.issued', 'slips.printed', 'slips.voided', 'box.unsealed-chosen', 'session.opened', 'session.closed']),
    );
    await hasText(page.locator('table.audit'), 'Lê Thư Ký');
    expect(await page.locator('table.audit').innerText()).not.toContain(lost);
    await screenshot(page, 'console-audit-1280');

    // English on a toggle.
    await page.getByRole('button', { name: 'English' }).click();
    await page.getByRole('tab', { name: 'Log' }).waitFor();
    await page.getByRole('button', { name: 'Tiếng Việt' }).click();
    await page.close();
  });

  it('opening below quorum needs the override box ticked, at 768 px wide', async () => {
    const page = await browser.newPage({ viewport: { width: 768, height: 1000 } });
    const session = await server.admin.call('POST /api/admin/sessions', { body: {
      title: 'Bỏ phiếu thiếu số lượng',
      organisation: 'HĐND xã',
      place: '',
      heldOn: '2026-11-27',
      presetId: 'qd96-2023',
      summoned: 30,
      present: 19,
    } });
    await server.admin.call('PUT /api/admin/sessions/:id/persons', { params: { id: session.id }, body: { persons: [{ fullName: 'Trần Văn Bình', position: 'Chủ tịch' }] } });
    await server.admin.call('POST /api/admin/sessions/:id/slips', { params: { id: session.id }, body: { count: 2 } });
    await server.admin.call('POST /api/admin/sessions/:id/box/mode', { params: { id: session.id }, body: { sealed: false } });
    await login(page, 'Thư ký 2');
    await page.goto(`${server.url}/admin/s/${session.id}/run`);
    await hasAttr(page.getByTestId('quorum-badge'), 'data-met', 'false');
    await hasText(page.getByTestId('quorum-badge'), '19/30 có mặt (cần ít nhất 20)');
    await page.getByRole('button', { name: 'Mở bỏ phiếu' }).click();
    const confirm = page.locator('.modal .actions button').last();
    expect(await confirm.isDisabled()).toBe(true);
    await screenshot(page, 'console-quorum-override-768');
    await page.locator('.modal input[type=checkbox]').check();
    await confirm.click();
    await isText(page.getByTestId('session-state'), 'Đang bỏ phiếu');
    const { events } = await server.admin.call('GET /api/admin/sessions/:id/audit', { params: { id: session.id } });
    expect(events.find((e: { event: string }) => e.event === 'quorum.override')).toMatchObject({ actor: 'Thư ký 2', detail: { summoned: 30, present: 19 } });
    await page.close();
  });

  it('paper ballot keyed by two operators in two browsers: a mismatch discards, a match records', async () => {
    const session = await server.admin.call('POST /api/admin/sessions', { body: {
      title: 'Phiếu giấy hai người nhập',
      organisation: 'Chi bộ',
      place: '',
      heldOn: '2026-11-27',
      presetId: 'qd96-2023',
      summoned: 10,
      present: 9,
    } });
    await server.admin.call('PUT /api/admin/sessions/:id/persons', { params: { id: session.id }, body: {
      persons: [
        { fullName: 'Người Thứ Nhất', position: 'Bí thư' },
        { fullName: 'Người Thứ Hai', position: 'Phó Bí thư' },
      ],
    } });
    await server.admin.call('PUT /api/admin/sessions/:id/paper-issued', { params: { id: session.id }, body: { count: 2 } });
    await server.admin.call('POST /api/admin/sessions/:id/box/mode', { params: { id: session.id }, body: { sealed: false } });
    await server.admin.call('POST /api/admin/sessions/:id/open', { params: { id: session.id }, body: {} });
    const contextA = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    const contextB = await browser.newContext({ viewport: { width: 1024, height: 800 } });
    const a = await contextA.newPage();
    const b = await contextB.newPage();
    await login(a, 'Ủy viên An');
    await login(b, 'Ủy viên Bình');
    const paperUrl = `${server.url}/admin/s/${session.id}/paper`;

    const keySheet = async (page: Page, choices: [string, string], second: boolean) => {
      await page.goto(paperUrl);
      await page.locator('form.paper').waitFor();
      if (second) await page.getByText(/Lần nhập thứ hai cho phiếu/).click();
      for (const [i, row] of [0, 1].entries()) await page.getByTestId('sheet-row').nth(row).getByText(choices[i]!, { exact: true }).click();
      await page.getByRole('button', { name: 'Ghi lần nhập' }).click();
      if (second) await confirmModal(page);
    };

    await keySheet(a, ['Tín nhiệm cao', 'Tín nhiệm thấp'], false);
    await hasText(a.getByRole('status'), 'Đã lưu lần nhập thứ nhất');
    await keySheet(b, ['Tín nhiệm cao', 'Tín nhiệm'], true);
    await hasCount(b.locator('[data-code=paper-mismatch]'), 1);
    await hasText(b.getByTestId('paper-counts'), 'đã ghi 0, đang chờ nhập lần hai 0');

    await keySheet(b, ['Tín nhiệm cao', 'Không hợp lệ'], false);
    await keySheet(a, ['Tín nhiệm cao', 'Không hợp lệ'], true);
    await hasText(a.getByRole('status'), 'Hai lần nhập khớp nhau: đã ghi 1 phiếu giấy.');
    await hasText(a.getByTestId('paper-counts'), 'đã phát 2, đã ghi 1, đang chờ nhập lần hai 0');
    await screenshot(a, 'console-paper-1280');

    await server.admin.call('POST /api/admin/sessions/:id/close', { params: { id: session.id } });
    const results = await server.admin.call('GET /api/admin/sessions/:id/results', { params: { id: session.id } });
    expect(results.collected).toEqual({ phone: 0, paper: 1, total: 1 });
    expect(results.persons.map((p: { counts: Record<string, number>; invalid: number }) => [p.counts.high, p.invalid])).toEqual([
      [1, 0],
      [0, 1],
    ]);
    await contextA.close();
    await contextB.close();
  });

  it('seals the box one member at a time, then opens it with two of three shares, at 1366×768', async () => {
    const page = await browser.newPage({ viewport: LAPTOP });
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    const session = await server.admin.call('POST /api/admin/sessions', { body: {
      title: 'Lấy phiếu tín nhiệm Ban Thường vụ Huyện ủy',
      organisation: 'Đảng bộ huyện Kim Sơn',
      place: '',
      heldOn: '2026-11-27',
      presetId: 'qd96-2023',
      summoned: 10,
      present: 10,
    } });
    await server.admin.call('PUT /api/admin/sessions/:id/persons', { params: { id: session.id }, body: { persons: [{ fullName: 'Phạm Văn Hải', position: 'Bí thư Huyện ủy' }, { fullName: 'Vũ Thị Loan', position: 'Phó Bí thư' }] } });
    await server.admin.call('POST /api/admin/sessions/:id/slips', { params: { id: session.id }, body: { count: 3 } });
    await server.admin.call('PUT /api/admin/sessions/:id/committee', { params: { id: session.id }, body: { members: COMMITTEE } });
    await login(page, 'Lê Thư Ký');
    await page.goto(`${server.url}/admin/s/${session.id}/setup`);
    const panel = page.getByTestId('box-panel');
    await hasText(panel, 'Mỗi thành viên Ban kiểm phiếu sẽ nhận một mảnh khóa');
    await panel.scrollIntoViewIfNeeded();
    await screenshot(page, 'console-box-panel-1366');

    await panel.getByRole('button', { name: 'Niêm phong hòm phiếu' }).click();
    const modal = page.locator('.modal');
    await hasText(modal, 'phiếu điện thoại sẽ không bao giờ đọc được (phiếu giấy không bị ảnh hưởng)');
    await hasText(modal, 'NGỪNG CHIẾU');
    expect(await modal.locator('.actions button').last().isDisabled()).toBe(true);
    await modal.getByRole('checkbox').check();
    await screenshot(page, 'console-seal-confirm-1366');
    await modal.locator('.actions button').last().click();

    const ceremony = page.getByTestId('ceremony');
    const codes: string[] = [];
    for (const [i, member] of COMMITTEE.entries()) {
      await isText(ceremony.getByTestId('ceremony-member'), `Thành viên ${i + 1}/3: ${member.fullName} — ${member.role}`);
      expect(await page.getByTestId('share-code').count()).toBe(0);
      if (i === 0) await screenshot(page, 'console-ceremony-cover-1366');
      await ceremony.getByRole('button', { name: `Hiện mảnh khóa của ${member.fullName}` }).click();
      const code = (await page.getByTestId('share-code').innerText()).replace(/\s/g, '');
      expect(code).toMatch(/^([0-9A-Z]{5}-){10}[0-9A-Z]{3}$/);
      for (const earlier of codes) expect(await page.locator('body').innerText()).not.toContain(earlier);
      codes.push(code);
      if (i === 0) {
        await screenshot(page, 'console-ceremony-share-1366');
        // What "In thẻ" prints: this member's card alone.
        await page.emulateMedia({ media: 'print' });
        await screenshot(page, 'console-ceremony-card-print');
        expect(await page.locator('header.top').isVisible()).toBe(false);
        expect(await page.getByText('THẺ MẢNH KHÓA HÒM PHIẾU ĐIỆN TỬ').isVisible()).toBe(true);
        await page.emulateMedia({ media: 'screen' });
      }
      await ceremony.getByRole('button', { name: i < 2 ? 'Đã nhận — người tiếp theo' : 'Đã nhận — hoàn tất' }).click();
    }
    await hasText(ceremony, 'Đã niêm phong: cần 2/3 mảnh khóa để mở.');
    await screenshot(page, 'console-ceremony-done-1366');
    await ceremony.getByRole('button', { name: 'Đóng' }).click();
    await ceremony.waitFor({ state: 'detached' });
    await hasText(page.getByTestId('box-status'), 'cần 2/3 mảnh khóa để mở hòm');
    expect(await page.evaluate(() => JSON.stringify({ ...localStorage }) + JSON.stringify({ ...sessionStorage }))).not.toContain(codes[0]!.slice(0, 11));

    // Open, one phone votes, close.
    await page.getByRole('tab', { name: 'Điều hành' }).click();
    await hasText(page.getByTestId('run-box'), 'cần 2/3 mảnh khóa để mở sau khi kết thúc bỏ phiếu');
    await page.getByRole('button', { name: 'Mở bỏ phiếu' }).click();
    await confirmModal(page);
    await isText(page.getByTestId('session-state'), 'Đang bỏ phiếu');
    const { slips } = await server.admin.call('GET /api/admin/sessions/:id/slips', { params: { id: session.id }, query: { state: 'unused' } });
    const box = await server.admin.ballotBox(session.id);
    const ws = await WsClient.connect(server.url);
    const cast = await sealBallot(slipFromPath(slips[0]!.path), box, Object.fromEntries(box.persons.map((p) => [p.id, 'high'])));
    await ws.request({ type: 'slip.open', slipId: cast.slipId, proof: cast.proof });
    expect(await ws.request(castMessage(cast))).toMatchObject({ type: 'recorded' });
    ws.close();
    await isText(page.getByTestId('collected'), '1');
    await page.getByRole('button', { name: 'Kết thúc bỏ phiếu' }).click();
    await confirmModal(page);
    await isText(page.getByTestId('session-state'), 'Đã kết thúc');

    // Results wait for the box; two members present their shares.
    await page.getByRole('tab', { name: 'Kết quả' }).click();
    const opening = page.getByTestId('box-opening');
    await isText(opening.getByTestId('box-count'), 'Đã xuất trình 0/2 mảnh khóa — cần thêm 2');
    expect(await page.getByTestId('results-panel').count()).toBe(0);
    await screenshot(page, 'console-box-opening-1366');
    await opening.locator('input[name=share]').fill(codes[0]!);
    await opening.getByRole('button', { name: 'Xuất trình mảnh khóa' }).click();
    await hasText(opening.getByRole('status'), `Đã nhận mảnh khóa của ${COMMITTEE[0]!.fullName}.`);
    await isText(opening.getByTestId('box-count'), 'Đã xuất trình 1/2 mảnh khóa — cần thêm 1');
    // A share typed twice is refused and changes nothing.
    await opening.locator('input[name=share]').fill(codes[0]!);
    await opening.getByRole('button', { name: 'Xuất trình mảnh khóa' }).click();
    await hasText(opening.locator('[data-code=box-share-again]'), 'Mảnh khóa của thành viên này đã được xuất trình.');
    await screenshot(page, 'console-box-one-more-1366');
    await opening.locator('input[name=share]').fill(codes[2]!.toLowerCase());
    await opening.getByRole('button', { name: 'Xuất trình mảnh khóa' }).click();

    const opened = page.getByTestId('box-opened');
    await isText(opened.getByTestId('box-phone-ballots'), '1');
    await isText(opened.getByTestId('box-spoilt'), '0');
    // Unpublished results stay covered until the committee asks.
    await page.getByTestId('results-covered').waitFor(POLL);
    await page.getByRole('button', { name: 'Hiện kết quả' }).click();
    await page.getByTestId('results-panel').locator('table.results-table').waitFor(POLL);
    await hasText(opened.getByTestId('receipts-link'), `/r/${session.id}`);
    await screenshot(page, 'console-box-opened-1366');

    // The tracking code the phone showed is in the public list.
    const list = await browser.newPage({ viewport: { width: 360, height: 740 } });
    await list.goto(`${server.url}/r/${session.id}?code=${encodeURIComponent(cast.receipt)}`);
    await hasText(list.locator('body'), 'có trong hòm phiếu');
    await list.close();
    expect(errors).toEqual([]);
    await page.close();
  });

  it('a share card held up to the laptop camera (Chromium’s fake camera) is read and presented', async () => {
    const { session, shares } = await prepareSession(server.admin, { persons: 2, slips: 2 });
    await server.admin.call('POST /api/admin/sessions/:id/open', { params: { id: session.id }, body: {} });
    await server.admin.call('POST /api/admin/sessions/:id/close', { params: { id: session.id } });
    await server.admin.openBox(session.id, [shares[0]!]);
    // The camera films the second member's card.
    const video = join(server.dir, 'share-card.y4m');
    const card = qrFrame(shares[1]!);
    writeFileSync(video, y4mVideo([card, card, card]));
    const withCamera = await launchWithCamera(video);
    try {
      const page = await withCamera.newPage({ viewport: LAPTOP });
      await login(page, 'Lê Thư Ký');
      await page.goto(`${server.url}/admin/s/${session.id}/results`);
      await isText(page.getByTestId('box-count'), 'Đã xuất trình 1/2 mảnh khóa — cần thêm 1');
      await page.getByRole('button', { name: 'Quét mã QR' }).click();
      await page.getByTestId('box-opened').waitFor(POLL);
      await page.getByTestId('results-covered').waitFor(POLL);
      expect(await page.getByTestId('share-scanner').count()).toBe(0);
    } finally {
      await withCamera.close();
    }
  });
});

const LAPTOP = { width: 1366, height: 768 };
const COMMITTEE = [
  { fullName: 'Đỗ Thị Thanh Hương', role: 'Trưởng ban' },
  { fullName: 'Ngô Văn Lực', role: 'Ủy viên' },
  { fullName: 'Trịnh Bảo Châu', role: 'Ủy viên' },
];
