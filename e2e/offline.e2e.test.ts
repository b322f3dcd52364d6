/**
 * Every page loads from this laptop alone (the venue may have no internet): the static pages,
 * and the sealed-box flow — a phone sealing its ballot and showing its code, the published list
 * of codes, and the display with its QR.
 */
import type { Browser, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { closeAndOpenBox, prepareSession, type TestServer } from '../test/server';
import { PHONE, PROJECTOR, useServerAndBrowser } from './browser';

let server: TestServer;
let browser: Browser;
useServerAndBrowser((s, b) => ((server = s), (browser = b)));

/** A page that records every request to anywhere but this server, and every script error. */
async function watched(viewport: { width: number; height: number }): Promise<{ page: Page; foreign: string[]; errors: string[]; close(): Promise<void> }> {
  const context = await browser.newContext({ viewport });
  const page = await context.newPage();
  const foreign: string[] = [];
  const errors: string[] = [];
  page.on('request', (req) => {
    const url = new URL(req.url());
    if (!['127.0.0.1', 'data:', 'blob:'].some((h) => url.hostname === h || url.protocol === h)) foreign.push(req.url());
  });
  page.on('pageerror', (err) => errors.push(err.message));
  return { page, foreign, errors, close: () => context.close() };
}

describe('every page works with no internet', () => {
  for (const [path, viewport] of [
    ['/', PHONE],
    ['/admin', PROJECTOR],
    ['/display/abcdefgh12#key', PROJECTOR],
  ] as const) {
    it(`${path} loads only from this server, in Vietnamese, without errors`, async () => {
      const { page, foreign, errors, close } = await watched(viewport);
      const res = await page.goto(`${server.url}${path}`, { waitUntil: 'networkidle' });
      expect(res?.status()).toBe(200);
      expect(await page.getAttribute('html', 'lang')).toBe('vi');
      expect((await page.textContent('body'))!.trim().length).toBeGreaterThan(0);
      expect(foreign).toEqual([]);
      expect(errors).toEqual([]);
      await close();
    });
  }

  it('the sealed box: a phone seals and shows its code, the list of codes and the display QR load from this server', async () => {
    const { session, persons, slips, shares } = await prepareSession(server.admin, { persons: 2, slips: 2 });
    await server.admin.call('POST /api/admin/sessions/:id/open', { params: { id: session.id }, body: {} });
    const phone = await watched(PHONE);
    await phone.page.goto(`${server.url}${slips[0]!.path}`);
    await phone.page.getByText('Đã đánh giá 0/2').waitFor();
    await phone.page.getByRole('group', { name: new RegExp(persons[0]!.fullName) }).getByRole('radio', { name: 'Tín nhiệm cao' }).check();
    await phone.page.getByRole('button', { name: 'Xem lại phiếu' }).click();
    await phone.page.getByRole('button', { name: 'Vẫn gửi phiếu' }).click();
    const receipt = (await phone.page.getByTestId('receipt').textContent())!;
    await closeAndOpenBox(server.admin, session.id, shares);
    await phone.page.goto(`${server.url}/r/${session.id}?code=${encodeURIComponent(receipt)}`);
    await phone.page.getByText(`Mã ${receipt} có trong hòm phiếu.`).waitFor();

    const display = await watched(PROJECTOR);
    await display.page.goto(`${server.url}/display/${session.id}#${session.displayKey}`, { waitUntil: 'networkidle' });
    await display.page.getByTestId('receipts-qr').waitFor();
    for (const { foreign, errors } of [phone, display]) {
      expect(foreign).toEqual([]);
      expect(errors).toEqual([]);
    }
    await phone.close();
    await display.close();
  });
});
