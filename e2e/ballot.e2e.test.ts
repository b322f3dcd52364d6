/**
 * The delegate's page in real Chromium at phone size against the real server: wait screen,
 * opening by itself, rating, review, submit (sealed to the box), recorded with its tracking
 * code, used; the code found in the opened box's published list; the typed code; a dropped
 * network; English; 320 px and 200% text. Screenshots land in e2e/screenshots/ballot-*.png.
 */
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { closeAndOpenBox, prepareSession, type TestServer } from '../test/server';
import { PHONE, screenshot, useServerAndBrowser } from './browser';

let server: TestServer;
let browser: Browser;
useServerAndBrowser((s, b) => ((server = s), (browser = b)));

async function phone(viewport = PHONE): Promise<{ context: BrowserContext; page: Page; foreign: string[]; errors: string[] }> {
  const context = await browser.newContext({ viewport, hasTouch: true, isMobile: true });
  const page = await context.newPage();
  const foreign: string[] = [];
  const errors: string[] = [];
  page.on('request', (req) => {
    if (!req.url().startsWith(server.url) && !req.url().startsWith(server.url.replace('http', 'ws'))) foreign.push(req.url());
  });
  page.on('pageerror', (err) => errors.push(err.message));
  return { context, page, foreign, errors };
}

/** True when the page scrolls sideways: nothing may be wider than the screen. */
const scrollsSideways = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth > document.documentElement.clientWidth);

/**
 * Text that fails WCAG AA contrast against the background it sits on: 4.5:1, or 3:1 for
 * large text (24 px, or 18.66 px bold).
 */
function lowContrast(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const parse = (c: string) => {
      const [r = 0, g = 0, b = 0, a = 1] = (/rgba?\(([^)]+)\)/.exec(c)?.[1] ?? '0,0,0,0').split(',').map(Number);
      return { r, g, b, a };
    };
    const lum = ({ r, g, b }: { r: number; g: number; b: number }) => {
      const f = (v: number) => ((v /= 255) <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4);
      return 0.2126 * f(r) + 0.7152 * f(g) + 0.0722 * f(b);
    };
    const background = (el: Element | null) => {
      for (let e = el; e; e = e.parentElement) {
        const c = parse(getComputedStyle(e).backgroundColor);
        if (c.a > 0.5) return c;
      }
      return { r: 255, g: 255, b: 255, a: 1 };
    };
    const bad: string[] = [];
    for (const el of document.querySelectorAll('body *')) {
      if (![...el.childNodes].some((n) => n.nodeType === 3 && n.textContent!.trim())) continue;
      const cs = getComputedStyle(el);
      if (cs.display === 'none' || cs.visibility === 'hidden' || el.closest('.sr-only')) continue;
      const [hi, lo] = [lum(parse(cs.color)), lum(background(el))].sort((x, y) => y - x) as [number, number];
      const ratio = (hi + 0.05) / (lo + 0.05);
      const size = parseFloat(cs.fontSize);
      const need = size >= 24 || (size >= 18.66 && Number(cs.fontWeight) >= 700) ? 3 : 4.5;
      if (ratio < need) bad.push(`${el.tagName}.${el.className} ${ratio.toFixed(2)} "${el.textContent!.trim().slice(0, 30)}"`);
    }
    return bad;
  });
}

const person = (page: Page, name: string) => page.getByRole('group', { name: new RegExp(name) });

describe('the ballot page on a phone', () => {
  it('waits, opens by itself, rates, reviews, submits, shows its tracking code — again after a reload — and another phone is told "used"', async () => {
    const { session, persons, slips, shares } = await prepareSession(server.admin, { persons: 4, slips: 3 });
    const { context, page, foreign, errors } = await phone();
    // Every cast as it leaves the phone: the sealed ballot is its only content.
    const casts: string[] = [];
    page.on('websocket', (ws) => ws.on('framesent', (f) => typeof f.payload === 'string' && f.payload.includes('"cast"') && casts.push(f.payload)));
    const res = await page.goto(`${server.url}${slips[0]!.path}`);
    expect(res?.headers()['referrer-policy']).toBe('no-referrer');
    expect(res?.headers()['cache-control']).toBe('no-store');

    await page.getByRole('heading', { name: 'Hội nghị lấy phiếu tín nhiệm' }).waitFor();
    await page.getByText('Chưa bắt đầu bỏ phiếu').waitFor();
    // The secret left the address bar; the slip code is nowhere on the page.
    expect(page.url()).toBe(`${server.url}/b/${slips[0]!.id}`);
    expect(await page.textContent('body')).not.toContain(slips[0]!.code.split('-')[1]!);
    await screenshot(page, 'ballot-1-waiting');
    expect(await lowContrast(page)).toEqual([]);

    await server.admin.call('POST /api/admin/sessions/:id/open', { params: { id: session.id }, body: {} });
    await page.getByText('Đã đánh giá 0/4').waitFor();
    expect(await page.getByRole('radio').count()).toBe(12);
    await screenshot(page, 'ballot-2-form');

    await person(page, persons[0]!.fullName).getByRole('radio', { name: 'Tín nhiệm cao' }).check();
    // Keyboard: focus a group's first choice and move with the arrow keys.
    await person(page, persons[1]!.fullName).getByRole('radio', { name: 'Tín nhiệm cao' }).focus();
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowDown');
    expect(await person(page, persons[1]!.fullName).getByRole('radio', { name: 'Tín nhiệm thấp' }).isChecked()).toBe(true);
    await person(page, persons[2]!.fullName).getByText('Tín nhiệm', { exact: true }).click();
    await page.getByText('Đã đánh giá 3/4').waitFor();
    // Each choice is a big target.
    const box = await person(page, persons[0]!.fullName).locator('label').first().boundingBox();
    expect(box!.height).toBeGreaterThanOrEqual(48);
    await screenshot(page, 'ballot-3-form-filled');
    expect(await lowContrast(page)).toEqual([]);

    // A reload keeps the choices (on the phone only) and still needs no fragment.
    await page.reload();
    await page.getByText('Đã đánh giá 3/4').waitFor();
    expect(await person(page, persons[1]!.fullName).getByRole('radio', { name: 'Tín nhiệm thấp' }).isChecked()).toBe(true);

    await page.getByRole('button', { name: 'Xem lại phiếu' }).click();
    await page.getByText('Còn 1 người chưa được đánh giá').waitFor();
    await screenshot(page, 'ballot-4-review-unmarked');
    expect(await lowContrast(page)).toEqual([]);
    await page.getByRole('button', { name: 'Quay lại sửa' }).click();
    await person(page, persons[3]!.fullName).getByRole('radio', { name: 'Tín nhiệm cao' }).check();
    await page.getByRole('button', { name: 'Xem lại phiếu' }).click();
    await page.getByRole('heading', { name: 'Xem lại phiếu' }).waitFor();
    expect(await page.getByText('Chưa đánh giá').count()).toBe(0);
    await screenshot(page, 'ballot-5-review');

    await page.getByRole('button', { name: 'Gửi phiếu' }).click();
    await page.getByRole('heading', { name: 'Phiếu của đồng chí đã được ghi nhận' }).waitFor();
    const receipt = (await page.getByTestId('receipt').textContent())!;
    expect(receipt).toMatch(/^[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}$/);
    await page.getByText('Mã kiểm tra phiếu', { exact: true }).waitFor();
    expect(casts).toHaveLength(1);
    expect(Object.keys(JSON.parse(casts[0]!)).sort()).toEqual(['auth', 'nonce', 'rid', 'sealed', 'slipId', 'type']);
    expect(casts[0]!).not.toMatch(/high|medium|low|"marks"/);
    await screenshot(page, 'ballot-6-recorded');
    expect(await lowContrast(page)).toEqual([]);
    expect(await scrollsSideways(page)).toBe(false);
    const stored = await page.evaluate(() => Object.values(localStorage).join('\n'));
    const record = JSON.parse(await page.evaluate((id) => localStorage.getItem(`tinnhiem.slip.${id}`)!, slips[0]!.id)) as Record<string, unknown>;
    expect(record).toEqual({ used: true, receipt, day: expect.any(Number) });
    expect(stored).not.toMatch(/high|medium|low|secret|sealed|nonce|auth|marks/);
    expect(stored).not.toContain(slips[0]!.code.split('-')[1]!);
    expect(await page.textContent('body')).not.toMatch(/Tín nhiệm cao|Tín nhiệm thấp/);

    // Reloaded (or picked up later by someone else): "recorded" and the code, from the phone alone — never the choices.
    const asked: string[] = [];
    page.on('websocket', (ws) => ws.on('framesent', (f) => asked.push(String(f.payload))));
    await page.reload();
    await page.getByRole('heading', { name: 'Phiếu của đồng chí đã được ghi nhận' }).waitFor();
    expect(await page.getByTestId('receipt').textContent()).toBe(receipt);
    const reloaded = (await page.textContent('body'))!;
    expect(reloaded).not.toContain('đã được sử dụng');
    expect(reloaded).not.toMatch(/Tín nhiệm cao|Tín nhiệm thấp|Nguyễn Văn/);
    expect(asked).toEqual([]);
    await screenshot(page, 'ballot-6b-reloaded-recorded');
    expect(await lowContrast(page)).toEqual([]);

    // Scanning the same slip again on this phone: the same. Another phone is told "used", without a code.
    await page.goto(`${server.url}${slips[0]!.path}`);
    await page.getByRole('heading', { name: 'Phiếu của đồng chí đã được ghi nhận' }).waitFor();
    expect(await page.getByTestId('receipt').textContent()).toBe(receipt);
    await screenshot(page, 'ballot-7a-rescanned-recorded');
    const other = await phone();
    await other.page.goto(`${server.url}${slips[0]!.path}`);
    await other.page.getByRole('heading', { name: 'Phiếu này đã được sử dụng' }).waitFor();
    await other.page.getByText(/Nếu đồng chí đã bỏ phiếu này trên điện thoại hoặc trình duyệt khác, phiếu đã được ghi nhận\. Nếu chưa, xin liên hệ Ban kiểm phiếu\./).waitFor();
    expect(await other.page.getByTestId('receipt').count()).toBe(0);
    await screenshot(other.page, 'ballot-7-used');
    await other.context.close();

    const turnout = await server.admin.call('GET /api/admin/sessions/:id/turnout', { params: { id: session.id } });
    expect(turnout.collected).toBe(1);

    // Once the committee opens the box, the code is in the published list, typed as the delegate might.
    await closeAndOpenBox(server.admin, session.id, shares);
    await page.goto(`${server.url}/r/${session.id}`);
    await page.getByLabel(/Mã kiểm tra trên điện thoại/).fill(receipt.toLowerCase().replace(/-/g, ' '));
    await page.getByRole('button', { name: /Kiểm tra/ }).click();
    await page.getByText(`Mã ${receipt} có trong hòm phiếu.`).waitFor();
    await screenshot(page, 'ballot-16-receipt-found');
    expect(foreign).toEqual([]);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('a People\'s Council vote addresses delegates as "đại biểu": the ballot, "recorded" after a reload, "used" on another phone', async () => {
    const { session, persons, slips } = await prepareSession(server.admin, { persons: 2, slips: 2, presetId: 'nq96-2023-lay-phieu' });
    await server.admin.call('POST /api/admin/sessions/:id/open', { params: { id: session.id }, body: {} });
    const { context, page, errors } = await phone();
    await page.goto(`${server.url}${slips[0]!.path}`);
    await page.getByText('Đã đánh giá 0/2').waitFor();
    for (const p of persons) await person(page, p.fullName).getByRole('radio', { name: 'Tín nhiệm', exact: true }).check();
    await page.getByRole('button', { name: 'Xem lại phiếu' }).click();
    await page.getByRole('button', { name: 'Gửi phiếu' }).click();
    await page.getByRole('heading', { name: 'Phiếu của đại biểu đã được ghi nhận' }).waitFor();
    const receipt = (await page.getByTestId('receipt').textContent())!;
    expect(await page.textContent('body')).toContain('Đại biểu có thể đóng trang này.');

    await page.reload();
    await page.getByRole('heading', { name: 'Phiếu của đại biểu đã được ghi nhận' }).waitFor();
    expect(await page.getByTestId('receipt').textContent()).toBe(receipt);
    const body = (await page.textContent('body'))!;
    expect(body).not.toMatch(/đồng chí/i);
    expect(body).toContain('đại biểu có thể đối chiếu');
    expect(body).not.toMatch(/Tín nhiệm cao|Tín nhiệm thấp/);
    expect(await scrollsSideways(page)).toBe(false);
    expect(await lowContrast(page)).toEqual([]);
    await screenshot(page, 'ballot-17-dai-bieu-reloaded-recorded');

    const other = await phone();
    await other.page.goto(`${server.url}${slips[0]!.path}`);
    await other.page.getByRole('heading', { name: 'Phiếu này đã được sử dụng' }).waitFor();
    await other.page.getByText(/Nếu đại biểu đã bỏ phiếu này/).waitFor();
    expect(await other.page.getByTestId('receipt').count()).toBe(0);
    await screenshot(other.page, 'ballot-18-dai-bieu-used');
    // English says "you" whatever the vote's address.
    await page.getByRole('button', { name: 'English' }).click();
    await page.getByRole('heading', { name: 'Your ballot has been recorded' }).waitFor();
    await other.context.close();
    expect(errors).toEqual([]);
    await context.close();
  });

  it('a page older than the server (after an upgrade mid-vote) says to reload, in the vote\'s address; reloaded, the choices are back', async () => {
    const { session, persons, slips } = await prepareSession(server.admin, { persons: 2, slips: 1, presetId: 'nq96-2023-lay-phieu' });
    await server.admin.call('POST /api/admin/sessions/:id/open', { params: { id: session.id }, body: {} });
    const { context, page, errors } = await phone();
    // Between the phone and the real server: once `upgraded`, the server's pongs name the next
    // protocol version, as a newer server's would.
    let upgraded = false;
    await context.routeWebSocket(/\/ws$/, (ws) => {
      const real = ws.connectToServer();
      real.onMessage((message) => ws.send(upgraded && typeof message === 'string' ? message.replace(/"version":(\d+)/, (_m, v: string) => `"version":${Number(v) + 1}`) : message));
    });
    await page.goto(`${server.url}${slips[0]!.path}`);
    await page.getByText('Đã đánh giá 0/2').waitFor();
    await person(page, persons[0]!.fullName).getByRole('radio', { name: 'Tín nhiệm cao' }).check();
    upgraded = true;
    for (const client of server.app.websocketServer.clients) client.terminate();
    await page.getByText('Trang này đã cũ. Xin đại biểu tải lại trang (giữ nguyên đường dẫn).').waitFor();
    expect(await page.getByRole('radio').count()).toBe(0);
    expect(await page.textContent('body')).not.toMatch(/đồng chí/i);
    expect(await lowContrast(page)).toEqual([]);
    expect(await scrollsSideways(page)).toBe(false);
    await screenshot(page, 'ballot-19-outdated-dai-bieu');
    // The new page (what a reload fetches after a real upgrade) opens with the choice kept.
    upgraded = false;
    await page.getByRole('button', { name: 'Thử lại' }).click();
    await page.getByText('Đã đánh giá 1/2').waitFor();
    expect(await person(page, persons[0]!.fullName).getByRole('radio', { name: 'Tín nhiệm cao' }).isChecked()).toBe(true);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('the root page takes a typed code, in any case, and refuses a malformed one', async () => {
    const { session, slips } = await prepareSession(server.admin, { persons: 2, slips: 2 });
    await server.admin.call('POST /api/admin/sessions/:id/open', { params: { id: session.id }, body: {} });
    const { context, page, errors } = await phone();
    await page.goto(`${server.url}/`);
    const historyBefore = await page.evaluate(() => history.length);
    await page.getByLabel('Mã phiếu').fill('ABC-12');
    await page.getByRole('button', { name: 'Mở phiếu' }).click();
    await page.getByText('Mã phiếu gồm 11 ký tự').waitFor();
    await screenshot(page, 'ballot-8-entry-error');
    expect(await lowContrast(page)).toEqual([]);
    await page.getByLabel('Mã phiếu').fill(slips[1]!.code.toLowerCase().replace('-', ' '));
    await page.getByRole('button', { name: 'Mở phiếu' }).click();
    await page.getByText('Đã đánh giá 0/2').waitFor();
    expect(page.url()).toBe(`${server.url}/b/${slips[1]!.id}`);
    // The secret-bearing address is not left behind in history.
    expect(await page.evaluate(() => history.length)).toBe(historyBefore);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('says "reconnecting" while the network is gone, resends on return, and records once', async () => {
    const { session, persons, slips } = await prepareSession(server.admin, { persons: 2, slips: 1 });
    await server.admin.call('POST /api/admin/sessions/:id/open', { params: { id: session.id }, body: {} });
    const { context, page } = await phone();
    await page.goto(`${server.url}${slips[0]!.path}`);
    await page.getByText('Đã đánh giá 0/2').waitFor();
    await person(page, persons[0]!.fullName).getByRole('radio', { name: 'Tín nhiệm cao' }).check();
    await person(page, persons[1]!.fullName).getByRole('radio', { name: 'Tín nhiệm', exact: true }).check();
    await page.getByRole('button', { name: 'Xem lại phiếu' }).click();

    await context.setOffline(true);
    for (const client of server.app.websocketServer.clients) client.terminate();
    await page.getByText('Đang thử kết nối lại').waitFor();
    await screenshot(page, 'ballot-9-reconnecting');
    expect(await lowContrast(page)).toEqual([]);
    await page.getByRole('button', { name: 'Gửi phiếu' }).click();
    await page.getByText('Phiếu sẽ được gửi lại tự động').waitFor();
    await screenshot(page, 'ballot-10-submitting-offline');
    expect(await lowContrast(page)).toEqual([]);
    await context.setOffline(false);
    await page.getByRole('heading', { name: 'Phiếu của đồng chí đã được ghi nhận' }).waitFor({ timeout: 30_000 });
    const turnout = await server.admin.call('GET /api/admin/sessions/:id/turnout', { params: { id: session.id } });
    expect(turnout.collected).toBe(1);
    await context.close();
  });

  it('void and closed slips, English, 320 px, 200% text and reduced motion', async () => {
    const { session, slips } = await prepareSession(server.admin, { persons: 15, slips: 3 });
    await server.admin.call('POST /api/admin/sessions/:id/open', { params: { id: session.id }, body: {} });
    const { context, page } = await phone({ width: 320, height: 640 });
    await page.goto(`${server.url}${slips[0]!.path}`);
    await page.getByText('Đã đánh giá 0/15').waitFor();
    expect(await scrollsSideways(page)).toBe(false);

    await page.getByRole('button', { name: 'English' }).click();
    await page.getByText('Rated 0 of 15').waitFor();
    expect(await page.getAttribute('html', 'lang')).toBe('en');
    await screenshot(page, 'ballot-11-english-320');
    await page.reload();
    await page.getByText('Rated 0 of 15').waitFor();
    await page.getByRole('button', { name: 'Tiếng Việt' }).click();

    await page.setViewportSize(PHONE);
    // 200% text as the browser's own setting makes it: the default font size doubled.
    const cdp = await context.newCDPSession(page);
    await cdp.send('Page.setFontSizes', { fontSizes: { standard: 32, fixed: 26 } });
    await page.reload();
    await page.getByText('Đã đánh giá 0/15').waitFor();
    expect(await page.evaluate(() => getComputedStyle(document.body).fontSize)).toBe('32px');
    expect(await scrollsSideways(page)).toBe(false);
    await screenshot(page, 'ballot-12-text-200');
    await page.locator('fieldset').nth(1).scrollIntoViewIfNeeded();
    expect((await page.locator('fieldset label').first().boundingBox())!.height).toBeGreaterThanOrEqual(96);
    await screenshot(page, 'ballot-12b-text-200-person');
    await cdp.send('Page.setFontSizes', { fontSizes: { standard: 16, fixed: 13 } });

    await page.setViewportSize({ width: 1366, height: 768 });
    await screenshot(page, 'ballot-12c-laptop');
    await page.setViewportSize(PHONE);

    await page.emulateMedia({ reducedMotion: 'reduce' });
    await page.goto(`${server.url}${slips[1]!.path}`);
    await page.getByText('Đã đánh giá 0/15').waitFor();
    expect(await page.evaluate(() => getComputedStyle(document.querySelector('.meter span')!).transitionDuration)).toBe('0s');

    await server.admin.call('POST /api/admin/sessions/:id/slips/void', { params: { id: session.id }, body: { code: slips[2]!.code } });
    await page.goto(`${server.url}${slips[2]!.path}`);
    await page.getByText('Phiếu này đã bị hủy').waitFor();
    await screenshot(page, 'ballot-13-void');
    expect(await lowContrast(page)).toEqual([]);

    await page.goto(`${server.url}${slips[1]!.path}`);
    await page.getByText('Đã đánh giá 0/15').waitFor();
    await server.admin.call('POST /api/admin/sessions/:id/close', { params: { id: session.id } });
    await page.getByRole('heading', { name: 'Cuộc lấy phiếu đã kết thúc' }).waitFor();
    await screenshot(page, 'ballot-14-closed');
    expect(await lowContrast(page)).toEqual([]);

    // A link without its secret, on a phone that never saw the slip.
    const fresh = await phone();
    await fresh.page.goto(`${server.url}/b/${slips[0]!.id}`);
    await fresh.page.getByText('Đường dẫn thiếu phần bí mật').waitFor();
    await screenshot(fresh.page, 'ballot-15-no-secret');
    await fresh.context.close();
    await context.close();
  });
});
