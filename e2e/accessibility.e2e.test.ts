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
import { fetchReceipts, entryOf } from '../scripts/lib/client';
import { castBallots } from '../test/results';
import { prepareSession, TEST_COMMITTEE, TEST_PASSWORD, type TestServer } from '../test/server';
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

/** Each face's language switch (the projector's is the L key, as its operator uses it). */
const TOGGLE: Record<Exclude<Face, 'display'>, string> = {
  ballot: 'header.bar button.lang',
  console: 'header.top .who button.link[lang], main.login .spread button.link',
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
  // Every screen is audited under the policy the server sends (no bypassCSP, no loosening).
  page.on('response', (r) => {
    if (r.request().isNavigationRequest() && r.url().startsWith(server.url) && !r.headers()['content-security-policy']) errors.push(`no Content-Security-Policy on ${r.url()}`);
  });
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
  if (tab.face === 'display') await tab.page.keyboard.press('l');
  else await tab.page.locator(TOGGLE[tab.face]).first().dispatchEvent('click');
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

describe('the audit itself', () => {
  it('decides text over a gradient by its painted colours: grey on a light gradient fails, white on a dark one passes', async () => {
    const context = await browser.newContext({ viewport: PHONE });
    const page = await context.newPage();
    await page.setContent(`<!doctype html><html lang="vi"><head><title>Kiểm tra</title></head><body><main><h1>Kiểm tra</h1>
      <p id="weak" style="background:linear-gradient(90deg,#fff,#ddd);color:#999;padding:8px">Chữ xám trên nền sáng</p>
      <p id="strong" style="background:linear-gradient(90deg,#102030,#000);color:#fff;padding:8px">Chữ trắng trên nền tối</p></main></body></html>`);
    const found = await audit(page, 'gradients');
    expect(found.map((f) => [f.rule, f.target])).toEqual([['color-contrast', '["#weak"]']]);
    expect(found[0]!.detail).toMatch(/painted contrast 2\.\d\d:1/);
    await context.close();
  });
});

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

    await server.admin.call('POST /api/admin/sessions/:id/open', { params: { id: session.id }, body: {} });
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

    // The page's address is the slip's without its fragment: going there with one alone would not load it again.
    await page.goto('about:blank');
    await page.goto(`${server.url}${slips[0]!.path}`);
    await page.getByTestId('receipt').waitFor(POLL);
    await both(a, 'scanned again on the phone that cast it', found);

    const b = await open('ballot', PHONE, true);
    await b.page.goto(`${server.url}${slips[0]!.path}`);
    await b.page.getByRole('heading', { name: 'Phiếu này đã được sử dụng' }).waitFor(POLL);
    await both(b, 'used, on another phone', found);

    await server.admin.call('POST /api/admin/sessions/:id/slips/void', { params: { id: session.id }, body: { code: slips[1]!.code } });
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
    await server.admin.call('POST /api/admin/sessions/:id/close', { params: { id: session.id } });
    await b.page.getByRole('heading', { name: 'Cuộc lấy phiếu đã kết thúc' }).waitFor(POLL);
    await both(b, 'after close', found, 'ballot-closed');

    expect([...a.errors, ...b.errors]).toEqual([]);
    await a.context.close();
    await b.context.close();
    noFindings(found);
  });
});

/**
 * Where the keyboard focus is, and whether a person can see it: an outline on the focused
 * element or on the choice (label) around it, on screen, and not hidden under another box.
 */
function focusNow(page: Page): Promise<{ what: string; visible: boolean; why: string }> {
  return page.evaluate(() => {
    const el = document.activeElement as HTMLElement | null;
    if (!el || el === document.body) return { what: 'nothing', visible: false, why: 'no focus' };
    const what = `${el.tagName.toLowerCase()}${el.getAttribute('type') ? `[${el.getAttribute('type')}]` : ''} "${(el.closest('label')?.textContent ?? el.textContent ?? '').trim().slice(0, 40)}"`;
    const ring = (e: Element) => {
      const cs = getComputedStyle(e);
      return cs.outlineStyle !== 'none' && parseFloat(cs.outlineWidth) >= 2;
    };
    const shown = [el, el.closest('label')].find((e): e is HTMLElement => e !== null && ring(e));
    if (!el.matches(':focus-visible') || !shown) return { what, visible: false, why: 'no focus ring' };
    const r = shown.getBoundingClientRect();
    if (r.top < 0 || r.bottom > innerHeight || r.left < 0 || r.right > innerWidth) return { what, visible: false, why: 'off screen' };
    const hit = document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2);
    if (!hit || !(shown.contains(hit) || hit.contains(shown))) return { what, visible: false, why: `under ${hit?.tagName.toLowerCase()}.${hit?.className}` };
    return { what, visible: true, why: '' };
  });
}

/** Every tab of the open vote, in Vietnamese then English: each tab is audited once its data has arrived. */
async function everyTab(tab: Tab, state: string, found: Finding[]): Promise<void> {
  for (const lang of ['vi', 'en'] as const) {
    await setLang(tab, lang);
    const tabs = tab.page.getByRole('tab');
    const n = await tabs.count();
    expect(n).toBe(8);
    for (let i = 0; i < n; i++) {
      const name = (await tabs.nth(i).innerText()).trim();
      await tabs.nth(i).click();
      await expect.poll(() => tabs.nth(i).getAttribute('aria-selected'), POLL).toBe('true');
      await check(tab, `${state}, tab ${name}`, found, lang);
    }
  }
  await setLang(tab, 'vi');
}

/** The ask-first dialog that `opener` brings up, in each language (opened in that language, then cancelled). */
async function dialog(tab: Tab, screen: string, found: Finding[], opener: () => Promise<void>): Promise<void> {
  for (const lang of ['vi', 'en'] as const) {
    await setLang(tab, lang);
    await opener();
    const modal = tab.page.locator('.modal');
    await modal.waitFor();
    await check(tab, screen, found, lang);
    await modal.locator('.actions button').first().click();
    await modal.waitFor({ state: 'detached' });
  }
  await setLang(tab, 'vi');
}

/** Confirm the dialog `opener` brings up. */
async function confirmed(tab: Tab, opener: () => Promise<void>): Promise<void> {
  await opener();
  const modal = tab.page.locator('.modal');
  await modal.waitFor();
  await modal.locator('.actions button').last().click();
  await modal.waitFor({ state: 'detached' });
}

describe('the ballot by keyboard alone, focus visible at every stop', () => {
  it('Tab into each person, Space or arrows to choose, Enter to review and to send', async () => {
    const { session, persons, slips } = await prepareSession(server.admin, { persons: 4, slips: 1 });
    await server.admin.call('POST /api/admin/sessions/:id/open', { params: { id: session.id }, body: {} });
    const k = await open('ballot', PHONE);
    const { page } = k;
    await page.goto(`${server.url}${slips[0]!.path}`);
    await page.getByText('Đã đánh giá 0/4').waitFor(POLL);
    // Each screen's heading takes the focus as it appears (for screen readers); Tab starts from there.
    const headingFocused = () => expect.poll(() => page.evaluate(() => document.activeElement?.tagName), POLL).toBe('H1');
    await headingFocused();
    const stops: string[] = [];
    /** Tab until `wanted` holds for the focused element; every stop on the way must show its focus. */
    const tabTo = async (wanted: () => Promise<boolean>) => {
      for (let i = 0; i < 12; i++) {
        await page.keyboard.press('Tab');
        const f = await focusNow(page);
        stops.push(f.what);
        if (!f.visible) await screenshot(page, 'a11y-keyboard-focus-lost');
        expect(f.visible, `focus on ${f.what}: ${f.why}`).toBe(true);
        if (await wanted()) return;
      }
      throw new Error(`never reached; stops: ${stops.join(' → ')}`);
    };
    const inPerson = (name: string) => () => person(page, name).locator('input:focus').count().then((n) => n === 1);
    for (const [i, p] of persons.entries()) {
      await tabTo(inPerson(p.fullName));
      // Space takes the focused choice; arrows move along the group and choose as they go.
      if (i % 2 === 0) await page.keyboard.press('Space');
      else await page.keyboard.press('ArrowDown');
      const f = await focusNow(page);
      expect(f.visible, `focus on ${f.what} after choosing: ${f.why}`).toBe(true);
      await expect.poll(() => person(page, p.fullName).locator('input:checked').count(), POLL).toBe(1);
    }
    await page.getByText('Đã đánh giá 4/4').waitFor();
    await tabTo(() => page.getByRole('button', { name: 'Xem lại phiếu' }).evaluate((b) => b === document.activeElement));
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { name: 'Xem lại phiếu' }).waitFor(POLL);
    await headingFocused();
    expect(await page.getByText('Chưa đánh giá').count()).toBe(0);
    await tabTo(() => page.getByRole('button', { name: 'Gửi phiếu', exact: true }).evaluate((b) => b === document.activeElement));
    await screenshot(page, 'a11y-keyboard-review');
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { name: 'Phiếu của đồng chí đã được ghi nhận' }).waitFor(POLL);
    expect(await server.admin.call('GET /api/admin/sessions/:id/turnout', { params: { id: session.id } }).then((t) => t.collected)).toBe(1);
    expect(k.errors).toEqual([]);
    await k.context.close();
  });
});

describe('accessibility: the console at 1366×768 (and 360×740)', () => {
  it('login, list, every tab in draft, open, closed and published, dialogs, paper second entry, sealing ceremony, box opening', async () => {
    const found: Finding[] = [];
    // A vote whose box the console itself seals, so the ceremony runs on screen.
    const session = await server.admin.call('POST /api/admin/sessions', { body: {
      title: 'Lấy phiếu tín nhiệm Thường trực HĐND tỉnh',
      organisation: 'Hội đồng nhân dân tỉnh Nam Định',
      place: 'Nam Định',
      heldOn: '2026-11-27',
      presetId: 'nq96-2023-lay-phieu',
      summoned: 50,
      present: 48,
    } });
    const { persons } = await server.admin.call('PUT /api/admin/sessions/:id/persons', { params: { id: session.id }, body: {
      // Fifteen, as many as a real list (the People tab's table runs below the fold).
      persons: Array.from({ length: 15 }, (_, i) => ({
        fullName: `${['Phạm Thị Thu Hà', 'Đặng Văn Quang', 'Vũ Minh Tuấn', 'Hoàng Thị Ánh Nguyệt', 'Trịnh Quốc Khánh'][i % 5]} ${i + 1}`,
        position: i % 3 === 0 ? 'Phó Chủ tịch Hội đồng nhân dân tỉnh, Trưởng Ban Pháp chế' : 'Ủy viên Thường trực Hội đồng nhân dân tỉnh',
      })),
    } });
    const { slips } = await server.admin.call('POST /api/admin/sessions/:id/slips', { params: { id: session.id }, body: { count: 4 } });
    await server.admin.enterCommittee(session.id, TEST_COMMITTEE);

    const c = await open('console', LAPTOP);
    const { page } = c;
    await page.goto(`${server.url}/admin`);
    await page.locator('input[name=password]').waitFor();
    await both(c, 'login', found, 'console-login');
    await page.fill('input[name=password]', 'wrong password');
    await page.click('button[type=submit]');
    await page.locator('[data-code=wrong-password]').waitFor(POLL);
    await both(c, 'login refused', found);
    await page.fill('input[name=password]', TEST_PASSWORD);
    await page.fill('input[name=operator]', 'Lê Thư Ký');
    await page.click('button[type=submit]');
    await page.getByText('Đang thao tác: Lê Thư Ký').waitFor(POLL);
    await page.getByTestId('session-row').first().waitFor(POLL);
    await both(c, 'session list', found, 'console-list');

    await page.goto(`${server.url}/admin/s/${session.id}/setup`);
    const panel = page.getByTestId('box-panel');
    await panel.getByRole('button', { name: 'Niêm phong hòm phiếu' }).waitFor(POLL);
    await both(c, 'draft, box not sealed yet', found);

    // The sealing ceremony: the ask-first dialog with its tick box, a member's cover, their share, the end.
    for (const lang of ['vi', 'en'] as const) {
      await setLang(c, lang);
      await panel.locator('button.primary').first().click();
      await page.locator('.modal').getByRole('checkbox').waitFor();
      await check(c, 'seal dialog', found, lang);
      await page.locator('.modal .actions button').first().click();
      await page.locator('.modal').waitFor({ state: 'detached' });
    }
    await setLang(c, 'vi');
    await panel.getByRole('button', { name: 'Niêm phong hòm phiếu' }).click();
    await page.locator('.modal').getByRole('checkbox').check();
    await page.locator('.modal .actions button').last().click();
    const ceremony = page.getByTestId('ceremony');
    const shares: string[] = [];
    for (const [i, name] of TEST_COMMITTEE.entries()) {
      await ceremony.getByRole('button', { name: `Hiện mảnh khóa của ${name}` }).waitFor(POLL);
      if (i === 0) await both(c, 'ceremony, a member’s cover', found, 'console-ceremony-cover');
      await ceremony.getByRole('button', { name: `Hiện mảnh khóa của ${name}` }).click();
      shares.push((await page.getByTestId('share-code').innerText()).replace(/\s/g, ''));
      if (i === 0) await both(c, 'ceremony, a member’s share', found, 'console-ceremony-share');
      await ceremony.getByRole('button', { name: i + 1 < TEST_COMMITTEE.length ? 'Đã nhận — người tiếp theo' : 'Đã nhận — hoàn tất' }).click();
    }
    await ceremony.getByTestId('ceremony-done').waitFor(POLL);
    await both(c, 'ceremony done', found);
    await ceremony.getByRole('button', { name: 'Đóng' }).click();
    await ceremony.waitFor({ state: 'detached' });

    await everyTab(c, 'draft', found);
    // The People tab mid-edit: a new row without a name, and an import preview with a bad row.
    await page.getByRole('tab').nth(1).click();
    await page.getByRole('button', { name: '+ Thêm người' }).click();
    await page.getByText('Nhập từ bảng tính hoặc tệp CSV').click();
    await page.fill('details.import textarea', 'Họ và tên\tChức vụ\nHoàng Thị Lan\tỦy viên\n\tKhông tên\n=SUM(A1)\tỦy viên');
    await page.getByRole('button', { name: 'Xem trước' }).click();
    await page.getByTestId('import-preview').waitFor(POLL);
    await both(c, 'people, unsaved row and import preview', found, 'console-people-import');
    await page.getByRole('tab').nth(4).click();
    const openButton = page.locator('.row button.primary.big-button');
    await dialog(c, 'open voting dialog', found, () => openButton.click());
    await confirmed(c, () => openButton.click());
    await expect.poll(() => page.getByTestId('session-state').innerText(), POLL).toBe('Đang bỏ phiếu');

    // A phone ballot, and a paper sheet keyed once by another operator (server.admin).
    await castBallots(server.url, session.id, slips.slice(0, 1), [{ [persons[0]!.id]: 'high', [persons[1]!.id]: 'low', [persons[2]!.id]: null }]);
    await server.admin.call('PUT /api/admin/sessions/:id/paper-issued', { params: { id: session.id }, body: { count: 3 } });
    const marks = Object.fromEntries((persons as { id: string }[]).map((p) => [p.id, 'medium']));
    const first = await server.admin.call('POST /api/admin/sessions/:id/paper/entries', { params: { id: session.id }, body: { invalidSheet: false, marks } });
    await everyTab(c, 'open', found);
    await page.getByRole('tab').nth(5).click();
    await page.locator('fieldset.targets label', { hasText: entryOf(first) }).click();
    await page.getByTestId('sheet-row').first().locator('label').nth(1).click();
    await both(c, 'paper ballots, second entry', found, 'console-paper-second');
    // The same sheet keyed blind a second time: recorded (a pending entry would hold back publishing).
    for (const row of await page.getByTestId('sheet-row').all()) await row.locator('label').nth(1).click();
    await confirmed(c, () => page.locator('form.paper button[type=submit]').click());
    await expect.poll(() => page.locator('form.paper [role=status]').innerText(), POLL).toContain('');
    await expect.poll(() => server.admin.call('GET /api/admin/sessions/:id/paper', { params: { id: session.id } }).then((p) => p.pending.length), POLL).toBe(0);

    await page.getByRole('tab').nth(4).click();
    const closeButton = page.locator('.row button.danger.big-button');
    await dialog(c, 'close voting dialog', found, () => closeButton.click());
    await confirmed(c, () => closeButton.click());
    await expect.poll(() => page.getByTestId('session-state').innerText(), POLL).toBe('Đã kết thúc');
    await everyTab(c, 'closed, box sealed', found);

    // The box opening: none presented, one of two, then opened.
    await page.getByRole('tab').nth(6).click();
    const opening = page.getByTestId('box-opening');
    await opening.locator('input[name=share]').waitFor(POLL);
    await both(c, 'box opening, no share yet', found, 'console-box-locked');
    await opening.locator('input[name=share]').fill(shares[0]!);
    await opening.getByRole('button', { name: 'Xuất trình mảnh khóa' }).click();
    await expect.poll(() => opening.getByTestId('box-count').innerText(), POLL).toContain('1/2');
    await both(c, 'box opening, one share of two', found);
    await opening.locator('input[name=share]').fill(shares[1]!);
    await opening.getByRole('button', { name: 'Xuất trình mảnh khóa' }).click();
    await page.getByTestId('box-opened').waitFor(POLL);
    await both(c, 'box opened, results covered', found, 'console-box-opened');
    // Unpublished results stay covered (the laptop may be mirrored) until asked for.
    await page.getByTestId('results-covered').getByRole('button').click();
    await page.getByRole('table').first().waitFor(POLL);
    await both(c, 'results shown before publishing', found, 'console-results-shown');
    // Publishing asks first, in its own panel.
    await page.getByRole('button', { name: 'Công bố kết quả' }).click();
    await page.getByRole('alertdialog').waitFor();
    await both(c, 'publish confirmation', found);
    await page.getByRole('alertdialog').getByRole('button', { name: 'Xác nhận' }).click();
    await page.getByRole('alertdialog').waitFor({ state: 'detached' });
    await expect.poll(() => server.admin.call('GET /api/admin/sessions/:id', { params: { id: session.id } }).then((d) => d.publishedAt !== null), POLL).toBe(true);
    await everyTab(c, 'published', found);

    // The console is made for 768 px and up; at phone size it must still be usable.
    await page.setViewportSize(PHONE);
    c.size = `${PHONE.width}×${PHONE.height}`;
    await everyTab(c, 'published', found);
    await page.goto(`${server.url}/admin`);
    await page.getByTestId('session-row').first().waitFor(POLL);
    await both(c, 'session list', found, 'console-list-phone');
    expect(c.errors).toEqual([]);
    await c.context.close();
    noFindings(found);
  });
});

describe('accessibility: the projector at 1280×720 and 1920×1080', () => {
  it('before voting, turnout, box sealed after close, box opened, published results with and without the QR, a wrong key', async () => {
    const found: Finding[] = [];
    const { session, persons, slips, shares } = await prepareSession(server.admin, { persons: 18, slips: 8, summoned: 12, present: 10 });
    const link = `${server.url}/display/${session.id}#${session.displayKey}`;
    const screens = [await open('display', SMALL_PROJECTOR), await open('display', PROJECTOR)];
    const each = async (screen: string, ready: (page: Page) => Promise<unknown>, shot?: string) => {
      for (const d of screens) {
        await ready(d.page);
        await both(d, screen, found, shot && `${shot}-${d.size}`);
      }
    };
    await each('before voting', async (page) => {
      await page.goto(link);
      await page.getByText('Chưa bắt đầu bỏ phiếu').waitFor(POLL);
    });

    await server.admin.call('POST /api/admin/sessions/:id/open', { params: { id: session.id }, body: {} });
    const ids = persons.map((p) => p.id);
    const ballots = Array.from({ length: 6 }, (_, i) => Object.fromEntries(ids.map((id, j) => [id, (['high', 'medium', 'low', null] as const)[(i + j) % 4]!])));
    await castBallots(server.url, session.id, slips.slice(0, 6), ballots);
    await each('turnout', (page) => expect.poll(() => page.getByTestId('collected').textContent(), POLL).toBe('6'), 'display-turnout');

    await server.admin.call('POST /api/admin/sessions/:id/close', { params: { id: session.id } });
    await each('closed, box sealed', (page) => page.getByTestId('box-locked').waitFor(POLL), 'display-box-locked');
    await server.admin.openBox(session.id, shares.slice(0, 2));
    const receipts = (await fetchReceipts(server.url, session.id))!.codes;
    await each('box opened', (page) => page.getByTestId('receipts').waitFor(POLL), 'display-box-opened');

    // The public list of tracking codes a delegate opens from the projector's QR: one page in both languages.
    const r = await open('ballot', PHONE, true);
    for (const [screen, query] of [
      ['tracking codes list', ''],
      ['tracking code found', `?code=${encodeURIComponent(receipts[0]!)}`],
      ['tracking code not found', '?code=0000-0000-0000'],
    ] as const) {
      await r.page.goto(`${server.url}/r/${session.id}${query}`);
      await r.page.locator('main, body').first().waitFor();
      await quiet(r);
      found.push(...(await audit(r.page, `receipts ${screen} [${await r.page.evaluate(() => document.documentElement.lang)} ${r.size}]`)));
    }
    await screenshot(r.page, 'a11y-receipts-not-found');
    expect(r.errors).toEqual([]);
    await r.context.close();

    await server.admin.call('POST /api/admin/sessions/:id/publish', { params: { id: session.id } });
    await each('published results', (page) => page.getByTestId('results').waitFor(POLL), 'display-results');
    await each('published results with the QR', async (page) => {
      await page.keyboard.press('q');
      await page.getByTestId('receipts-overlay').waitFor(POLL);
    });

    await each('wrong key', async (page) => {
      // Another fragment alone would not load the page again.
      await page.goto('about:blank');
      await page.goto(`${server.url}/display/${session.id}#wrong-key`);
      await page.getByRole('alert').waitFor(POLL);
    });
    for (const d of screens) {
      expect(d.errors).toEqual([]);
      await d.context.close();
    }
    noFindings(found);
  });
});
