/**
 * axe-core on every screen of the three faces, in Vietnamese and in English, at the sizes
 * where each is used: the ballot page at phone size, the console at laptop size (and phone
 * size for one state), the projector at 1280×720 and 1920×1080. Every state is reached
 * through the real app (real server, sealed box, real WebSockets); any violation of impact
 * moderate or higher fails, undecided contrast is decided from the colours really painted
 * (e2e/axe-audit.ts). A ballot is then completed by keyboard alone, its focus visible at
 * every step.
 */
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { castBallots } from '../server/results-test-helpers';
import { prepareSession, TEST_COMMITTEE, TEST_PASSWORD, type TestServer } from '../server/test-helpers';
import { randomSymbols, slipPath } from '../shared/slip-code';
import { audit, formatFinding, type Finding } from './axe-audit';
import { PHONE, PROJECTOR, screenshot, useServerAndBrowser } from './browser';
import { LAPTOP } from './rehearsal-helpers';

const SMALL_PROJECTOR = { width: 1280, height: 720 };
const POLL = { timeout: 15_000 };

let server: TestServer;
let browser: Browser;
useServerAndBrowser((s, b) => ((server = s), (browser = b)));

type Lang = 'vi' | 'en';
type Face = 'ballot' | 'console' | 'display';

/** Each face's language switch. */
const TOGGLE: Record<Face, string> = {
  ballot: 'header.bar button.lang',
  console: 'header.top .who button.link[lang], main.login .spread button.link',
  display: '.corner button.lang',
};

interface Tab {
  page: Page;
  face: Face;
  size: string;
  /** Requests under way: a screen is audited once its data has arrived. */
  inflight: Set<unknown>;
  errors: string[];
}

async function open(face: Face, viewport: { width: number; height: number }, phone = false): Promise<Tab & { context: BrowserContext }> {
  const context = await browser.newContext({ viewport, ...(phone ? { hasTouch: true, isMobile: true } : {}) });
  const page = await context.newPage();
  const inflight = new Set<unknown>();
  const errors: string[] = [];
  page.on('request', (r) => inflight.add(r));
  page.on('requestfinished', (r) => inflight.delete(r));
  page.on('requestfailed', (r) => inflight.delete(r));
  page.on('pageerror', (e) => errors.push(e.message));
  return { context, page, face, size: `${viewport.width}×${viewport.height}`, inflight, errors };
}

/** Wait until no request is under way and the page has painted what the last one brought. */
async function quiet(tab: Tab): Promise<void> {
  await expect.poll(() => tab.inflight.size, POLL).toBe(0);
  await tab.page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
  await expect.poll(() => tab.inflight.size, POLL).toBe(0);
}

async function setLang(tab: Tab, lang: Lang): Promise<void> {
  const html = () => tab.page.evaluate(() => document.documentElement.lang);
  if ((await html()) === lang) return;
  // Dispatched, not clicked: a dialog may cover the switch, and the screen under it stays as it is.
  await tab.page.locator(TOGGLE[tab.face]).first().dispatchEvent('click');
  await expect.poll(html, POLL).toBe(lang);
}

/** Audit what the tab shows in one language; the findings go into `found`. */
async function check(tab: Tab, screen: string, found: Finding[], lang: Lang): Promise<void> {
  await setLang(tab, lang);
  await quiet(tab);
  found.push(...(await audit(tab.page, `${tab.face} ${screen} [${lang} ${tab.size}]`)));
}

/** Audit what the tab shows in Vietnamese, then in English, and come back to Vietnamese. */
async function both(tab: Tab, screen: string, found: Finding[], shot?: string): Promise<void> {
  await check(tab, screen, found, 'vi');
  if (shot) await screenshot(tab.page, `a11y-${shot}-vi`);
  await check(tab, screen, found, 'en');
  if (shot) await screenshot(tab.page, `a11y-${shot}-en`);
  await setLang(tab, 'vi');
}

const noFindings = (found: Finding[]) => expect(found.map(formatFinding)).toEqual([]);

const person = (page: Page, name: string) => page.getByRole('group', { name: new RegExp(name) });

describe('accessibility: the ballot page at 360×740', () => {
  it('typed code, waiting, empty, marked, review, offline, recorded, used, void, unknown slip, no secret, closed', async () => {
    const found: Finding[] = [];
    const { session, persons, slips } = await prepareSession(server.admin, { persons: 3, slips: 6 });
    const a = await open('ballot', PHONE, true);
    const { page } = a;

    await page.goto(`${server.url}/`);
    await page.getByLabel('Mã phiếu').waitFor();
    await both(a, 'typed code', found);
    await page.getByLabel('Mã phiếu').fill('ABC-12');
    await page.getByRole('button', { name: 'Mở phiếu' }).click();
    await page.getByText('Mã phiếu gồm 11 ký tự').waitFor();
    await both(a, 'typed code refused', found);

    await page.goto(`${server.url}${slips[0]!.path}`);
    await page.getByText('Chưa bắt đầu bỏ phiếu').waitFor(POLL);
    await both(a, 'before voting opens', found);

    await server.admin.call('POST', `/api/admin/sessions/${session.id}/open`, {});
    await page.getByText('Đã đánh giá 0/3').waitFor(POLL);
    await both(a, 'ballot empty', found, 'ballot-empty');
    await person(page, persons[0]!.fullName).getByRole('radio', { name: 'Tín nhiệm cao' }).check();
    await person(page, persons[1]!.fullName).getByRole('radio', { name: 'Tín nhiệm thấp' }).check();
    await page.getByText('Đã đánh giá 2/3').waitFor();
    await both(a, 'ballot marked', found, 'ballot-marked');
    await page.getByRole('button', { name: 'Xem lại phiếu' }).click();
    await page.getByText('Còn 1 người chưa được đánh giá').waitFor();
    await both(a, 'review with an unmarked person', found, 'ballot-review-unmarked');
    await page.getByRole('button', { name: 'Quay lại sửa' }).click();
    await person(page, persons[2]!.fullName).getByRole('radio', { name: 'Tín nhiệm', exact: true }).check();

    // The network drops: the "reconnecting" line on the ballot, then sending while offline.
    await a.context.setOffline(true);
    for (const client of server.app.websocketServer.clients) client.terminate();
    await page.getByText('Đang thử kết nối lại').waitFor(POLL);
    await both(a, 'ballot offline', found, 'ballot-offline');
    await page.getByRole('button', { name: 'Xem lại phiếu' }).click();
    await page.getByRole('heading', { name: 'Xem lại phiếu' }).waitFor();
    await both(a, 'review offline', found);
    await page.getByRole('button', { name: 'Gửi phiếu', exact: true }).click();
    await page.getByText('Phiếu sẽ được gửi lại tự động').waitFor(POLL);
    await both(a, 'submitting offline', found);
    await a.context.setOffline(false);
    await page.getByRole('heading', { name: 'Phiếu của đồng chí đã được ghi nhận' }).waitFor({ timeout: 30_000 });
    await both(a, 'recorded with its tracking code', found, 'ballot-recorded');

    await page.goto(`${server.url}${slips[0]!.path}`);
    await page.getByRole('heading', { name: 'Phiếu này đã được sử dụng' }).waitFor(POLL);
    await both(a, 'used, with its tracking code', found);

    const b = await open('ballot', PHONE, true);
    await b.page.goto(`${server.url}${slips[0]!.path}`);
    await b.page.getByRole('heading', { name: 'Phiếu này đã được sử dụng' }).waitFor(POLL);
    await both(b, 'used, on another phone', found);

    await server.admin.call('POST', `/api/admin/sessions/${session.id}/slips/void`, { code: slips[1]!.code });
    await b.page.goto(`${server.url}${slips[1]!.path}`);
    await b.page.getByText('Phiếu này đã bị hủy').waitFor(POLL);
    await both(b, 'void slip', found, 'ballot-void');

    const known = new Set(slips.map((s) => s.id));
    let unknown = randomSymbols(4);
    while (known.has(unknown)) unknown = randomSymbols(4);
    await b.page.goto(`${server.url}${slipPath(unknown, randomSymbols(7))}`);
    await b.page.getByText('Mã phiếu không đúng').waitFor(POLL);
    await both(b, 'unknown slip', found, 'ballot-unknown');

    await b.page.goto(`${server.url}/b/${slips[3]!.id}`);
    await b.page.getByText('Đường dẫn thiếu phần bí mật').waitFor(POLL);
    await both(b, 'link without its secret', found);

    await b.page.goto(`${server.url}${slips[2]!.path}`);
    await b.page.getByText('Đã đánh giá 0/3').waitFor(POLL);
    await server.admin.call('POST', `/api/admin/sessions/${session.id}/close`);
    await b.page.getByRole('heading', { name: 'Cuộc lấy phiếu đã kết thúc' }).waitFor(POLL);
    await both(b, 'after close', found, 'ballot-closed');

    expect([...a.errors, ...b.errors]).toEqual([]);
    await a.context.close();
    await b.context.close();
    noFindings(found);
  });
});
