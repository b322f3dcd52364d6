/**
 * The Content-Security-Policy as Chromium enforces it: every page the app serves — the typed
 * code page, a ballot from open to recorded, every console tab, the display before and after
 * publishing, the slip print page, the tracking-code list and the minutes print page — runs
 * without a single violation (no inline style, no inline script, no other host), and the live
 * WebSocket still connects under `connect-src 'self' ws://<this host>`.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { castMessage, sealBallot, slipFromPath, WsClient } from '../scripts/lib/client';
import { closeAndOpenBox, prepareSession, type TestServer } from '../test/server';
import type { Browser } from 'playwright-core';
import { PHONE, PROJECTOR, useServerAndBrowser } from './browser';
import { LAPTOP, login, POLL } from './rehearsal-helpers';

let server: TestServer;
let browser: Browser;
useServerAndBrowser((s, b) => ((server = s), (browser = b)));

/** A page that records every CSP violation it meets, from the first byte. */
async function watched(viewport: { width: number; height: number }): Promise<{ page: Page; violations: string[]; close(): Promise<void> }> {
  const context = await browser.newContext({ viewport });
  const page = await context.newPage();
  const violations: string[] = [];
  await page.exposeFunction('__cspViolation', (text: string) => violations.push(text));
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) => {
      (window as unknown as { __cspViolation(t: string): void }).__cspViolation(`${e.violatedDirective} ${e.blockedURI} ${e.sourceFile}:${e.lineNumber}`);
    });
  });
  page.on('console', (msg) => {
    if (msg.type() === 'error' && /Content Security Policy/i.test(msg.text())) violations.push(msg.text());
  });
  return { page, violations, close: () => context.close() };
}

describe('the Content-Security-Policy in Chromium', () => {
  it('meets no violation on any page, and the sockets connect', async () => {
    const { session, slips, persons, shares } = await prepareSession(server.admin, { persons: 3, slips: 4 });
    const detail = await server.admin.call('GET /api/admin/sessions/:id', { params: { id: session.id } });
    const seen: Record<string, string[]> = {};

    // The typed-code page and a ballot, before and after opening, to recorded.
    const phone = await watched(PHONE);
    await phone.page.goto(`${server.url}/`);
    await phone.page.locator('input').first().waitFor(POLL);
    await phone.page.goto(`${server.url}${slips[0]!.path}`);
    await server.admin.call('POST /api/admin/sessions/:id/open', { params: { id: session.id }, body: {} });
    await phone.page.getByText('Đã đánh giá 0/3').waitFor(POLL);
    for (const p of persons) await phone.page.getByRole('group', { name: new RegExp(p.fullName) }).getByText('Tín nhiệm', { exact: true }).click();
    await phone.page.getByRole('button', { name: 'Xem lại phiếu' }).click();
    await phone.page.getByRole('button', { name: 'Gửi phiếu', exact: true }).click();
    await phone.page.getByRole('heading', { name: /đã được ghi nhận/ }).waitFor(POLL);
    seen.ballot = [...phone.violations];
    await phone.close();

    // The display (live socket) during voting.
    const display = await watched(PROJECTOR);
    await display.page.goto(`${server.url}/display/${session.id}#${detail.displayKey}`);
    await display.page.getByTestId('state').waitFor(POLL);

    // The console: every tab of the open session.
    const desk = await watched(LAPTOP);
    await login(desk.page, server.url, 'Thư ký CSP');
    await desk.page.goto(`${server.url}/admin/s/${session.id}`);
    const tabs = desk.page.getByRole('tab');
    await tabs.first().waitFor(POLL);
    for (let i = 0; i < (await tabs.count()); i++) {
      await tabs.nth(i).click();
      await desk.page.waitForLoadState('networkidle');
    }
    // The slip print page (admin cookie of this browser).
    await desk.page.goto(`${server.url}/api/admin/sessions/${session.id}/slips/print`);
    await desk.page.waitForLoadState('networkidle');

    // Close, open the box, publish: the tracking codes, the minutes print page, the results on the display.
    const ws = await WsClient.connect(server.url);
    const slip = slipFromPath(slips[1]!.path);
    await ws.openSlip(slip, { native: true });
    expect(await ws.request(castMessage(await sealBallot(slip, await server.admin.ballotBox(session.id), {}, { native: true })))).toMatchObject({ type: 'recorded' });
    ws.close();
    await closeAndOpenBox(server.admin, session.id, shares);
    await server.admin.call('POST /api/admin/sessions/:id/publish', { params: { id: session.id } });
    await display.page.getByTestId('results').waitFor(POLL);
    seen.display = [...display.violations];
    await display.close();
    await desk.page.goto(`${server.url}/r/${session.id}`);
    await desk.page.waitForLoadState('networkidle');
    await desk.page.goto(`${server.url}/api/admin/sessions/${session.id}/minutes`);
    await desk.page.waitForLoadState('networkidle');
    await desk.page.goto(`${server.url}/admin/s/${session.id}`);
    await desk.page.getByRole('tab').first().waitFor(POLL);
    seen.console = [...desk.violations];
    await desk.close();

    expect(seen).toEqual({ ballot: [], display: [], console: [] });

    // The watch itself works: an inline style attribute, as a careless change would add, is caught.
    const control = await watched(LAPTOP);
    await control.page.goto(`${server.url}/`);
    await control.page.evaluate(() => document.body.insertAdjacentHTML('beforeend', '<div style="color:red">x</div>'));
    await expect.poll(() => control.violations.length, POLL).toBeGreaterThan(0);
    expect(control.violations.join('\n')).toMatch(/style-src/);
    await control.close();
  });
});
