/**
 * Helpers for the whole-day rehearsal: the console as the secretariat drives it (log in,
 * confirm dialogs), phones as delegates hold them, and reading the minutes PDF back.
 */
import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import { expect } from 'vitest';
import { TEST_PASSWORD } from '../test/server';
import { pdfItems } from '../test/pdf';
import { PHONE } from './browser';

export const POLL = { timeout: 15_000 };
export const LAPTOP = { width: 1366, height: 768 };
export const TABLET = { width: 768, height: 1024 };
export const SMALL_PHONE = { width: 320, height: 640 };

/** Wait until the element's text contains `sub`. */
export const hasText = (loc: Locator, sub: string) => expect.poll(() => loc.innerText(), POLL).toContain(sub);
/** Wait until the element's trimmed text is exactly `text`. */
export const isText = (loc: Locator, text: string) => expect.poll(async () => (await loc.innerText()).trim(), POLL).toBe(text);

export async function login(page: Page, url: string, operator: string): Promise<void> {
  await page.goto(`${url}/admin`);
  await page.fill('input[name=password]', TEST_PASSWORD);
  await page.fill('input[name=operator]', operator);
  await page.click('button[type=submit]');
  await page.getByText(`Đang thao tác: ${operator}`).waitFor();
}

/** Confirm the ask-first dialog the console shows before every change to the record. */
export async function confirmModal(page: Page): Promise<string> {
  const modal = page.locator('.modal');
  await modal.waitFor();
  const text = await modal.innerText();
  await modal.locator('.actions button').last().click();
  await modal.waitFor({ state: 'detached' });
  return text;
}

export const tab = (page: Page, name: string) => page.getByRole('tab', { name, exact: true }).click();

export interface Phone {
  context: BrowserContext;
  page: Page;
  errors: string[];
}

export async function openPhone(browser: Browser, viewport = PHONE, bigText = false): Promise<Phone> {
  const context = await browser.newContext({ viewport, hasTouch: true, isMobile: true });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (err) => errors.push(err.message));
  if (bigText) {
    // 200% text as the phone's own setting makes it: the default font size doubled.
    const cdp = await context.newCDPSession(page);
    await cdp.send('Page.setFontSizes', { fontSizes: { standard: 32, fixed: 26 } });
  }
  return { context, page, errors };
}

const group = (page: Page, name: string) => page.getByRole('group', { name: new RegExp(name) });

/**
 * Rate every person with the level given (null leaves them unmarked), review, and send.
 * Resolves when the page says the ballot was recorded.
 */
export async function rateAndSubmit(page: Page, names: string[], levels: (string | null)[], shot?: (step: string) => Promise<void>): Promise<void> {
  await page.getByText(`Đã đánh giá 0/${names.length}`).waitFor(POLL);
  for (const [i, name] of names.entries()) {
    const level = levels[i];
    if (level) await group(page, name).getByText(level, { exact: true }).click();
  }
  await shot?.('form');
  await page.getByRole('button', { name: 'Xem lại phiếu' }).click();
  await page.getByRole('heading', { name: 'Xem lại phiếu' }).waitFor();
  await shot?.('review');
  const unmarked = levels.some((l) => l === null);
  await page.getByRole('button', { name: unmarked ? 'Vẫn gửi phiếu' : 'Gửi phiếu', exact: true }).click();
  await page.getByRole('heading', { name: 'Phiếu của đồng chí đã được ghi nhận' }).waitFor(POLL);
}

/** Every text item of a PDF, in order, trimmed. */
export async function pdfText(data: Uint8Array): Promise<string> {
  return (await pdfItems(data)).join('\n');
}

/**
 * The sealing ceremony as the secretariat runs it from the Details tab: seal (ticking that
 * the projector no longer mirrors the laptop), then each member in turn sees their share
 * alone. Returns the codes in the members' order, as each copied theirs down.
 */
export async function sealTheBox(page: Page, members: [string, string][], shot?: (step: string) => Promise<void>): Promise<string[]> {
  await tab(page, 'Thông tin');
  const panel = page.getByTestId('box-panel');
  await panel.getByRole('button', { name: 'Niêm phong hòm phiếu' }).click();
  const modal = page.locator('.modal');
  await hasText(modal, 'phiếu điện thoại sẽ không bao giờ đọc được (phiếu giấy không bị ảnh hưởng)');
  await modal.getByRole('checkbox').check();
  await modal.locator('.actions button').last().click();
  const ceremony = page.getByTestId('ceremony');
  const codes: string[] = [];
  for (const [i, [name, role]] of members.entries()) {
    await isText(ceremony.getByTestId('ceremony-member'), `Thành viên ${i + 1}/${members.length}: ${name} — ${role}`);
    // Between two members the screen is covered: no share at all.
    expect(await page.getByTestId('share-code').count()).toBe(0);
    if (i === 1) await shot?.('cover');
    await ceremony.getByRole('button', { name: `Hiện mảnh khóa của ${name}` }).click();
    codes.push((await page.getByTestId('share-code').innerText()).replace(/\s/g, ''));
    if (i === 1) await shot?.('share');
    await ceremony.getByRole('button', { name: i + 1 < members.length ? 'Đã nhận — người tiếp theo' : 'Đã nhận — hoàn tất' }).click();
  }
  await ceremony.getByTestId('ceremony-done').waitFor(POLL);
  await shot?.('done');
  await ceremony.getByRole('button', { name: 'Đóng' }).click();
  await ceremony.waitFor({ state: 'detached' });
  return codes;
}

/** Members present their shares in the Results tab, typed from their cards, until the box opens. */
export async function openTheBox(page: Page, shares: { name: string; code: string }[], shot?: (step: string) => Promise<void>): Promise<void> {
  await tab(page, 'Kết quả');
  const opening = page.getByTestId('box-opening');
  await isText(opening.getByTestId('box-count'), `Đã xuất trình 0/${shares.length} mảnh khóa — cần thêm ${shares.length}`);
  await shot?.('locked');
  for (const [i, { name, code }] of shares.entries()) {
    await opening.locator('input[name=share]').fill(code);
    await opening.getByRole('button', { name: 'Xuất trình mảnh khóa' }).click();
    if (i + 1 < shares.length) {
      await hasText(opening.getByRole('status'), `Đã nhận mảnh khóa của ${name}.`);
      await isText(opening.getByTestId('box-count'), `Đã xuất trình ${i + 1}/${shares.length} mảnh khóa — cần thêm ${shares.length - i - 1}`);
      await shot?.(`share-${i + 1}`);
    }
  }
  await page.getByTestId('box-opened').waitFor(POLL);
}
