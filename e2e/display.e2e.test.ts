/**
 * The projector page in real Chromium at 1920×1080 and 1280×720 against the real server:
 * before voting, turnout moving, a server restart (reconnect and catch up), then the
 * sealed box waiting for the committee after close, then the QR of its tracking codes with
 * its fingerprint, then the published results over two pages (invalid marks written out per
 * person) with the QR on request, pages turned by the clock and by a clicker's Page Down /
 * Page Up; live results (unsealed) taken off the screen when switched off. Screenshots land
 * in e2e/screenshots/display-*.png.
 */
import jsQR from 'jsqr';
import type { Browser, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { buildApp } from '../server/app';
import { castBallots, randomMarks, seeded, type Marks } from '../test/results';
import { prepareSession, TEST_PASSWORD, type TestServer } from '../test/server';
import type { SessionDetail } from '../shared/api-types';
import type { DisplayInfo } from '../shared/display-info';
import { formatPercent } from '../shared/format';
import type { TallyResult } from '../shared/tally';
import { PROJECTOR, screenshot, useServerAndBrowser } from './browser';

const LAPTOP = { width: 1280, height: 720 };

let server: TestServer;
let browser: Browser;
useServerAndBrowser((s, b) => ((server = s), (browser = b)));

async function projector(viewport: { width: number; height: number }) {
  const context = await browser.newContext({ viewport });
  const page = await context.newPage();
  const foreign: string[] = [];
  const errors: string[] = [];
  const origin = new URL(server.url).host;
  page.on('request', (req) => {
    if (new URL(req.url()).host !== origin) foreign.push(req.url());
  });
  page.on('pageerror', (err) => errors.push(err.message));
  return { page, foreign, errors };
}

/** Nothing scrolls and nothing sticks out of the screen. */
async function fitsScreen(page: Page): Promise<void> {
  const box = await page.evaluate(() => {
    const d = document.documentElement;
    let lowest = 0;
    for (const el of document.querySelectorAll('.display *')) {
      const r = el.getBoundingClientRect();
      if (r.height > 0) lowest = Math.max(lowest, r.bottom);
    }
    return { sw: d.scrollWidth, sh: d.scrollHeight, w: innerWidth, h: innerHeight, lowest };
  });
  expect(box.sw).toBeLessThanOrEqual(box.w);
  expect(box.sh).toBeLessThanOrEqual(box.h);
  expect(box.lowest).toBeLessThanOrEqual(box.h);
}

const text = (page: Page, testId: string) => page.getByTestId(testId).textContent();

/** What the QR on screen says, read back from its pixels at its size on screen, as a phone's camera would. */
async function readQr(page: Page): Promise<string | null> {
  const image = await page.evaluate(async () => {
    const svg = document.querySelector<SVGSVGElement>('[data-testid="receipts-qr"]')!;
    const size = Math.round(svg.getBoundingClientRect().width);
    const img = new Image();
    img.src = `data:image/svg+xml;charset=utf-8,${encodeURIComponent(new XMLSerializer().serializeToString(svg))}`;
    await img.decode();
    const canvas = document.createElement('canvas');
    canvas.width = canvas.height = size;
    const ctx = canvas.getContext('2d')!;
    ctx.drawImage(img, 0, 0, size, size);
    return { size, data: Array.from(ctx.getImageData(0, 0, size, size).data) };
  });
  return jsQR(new Uint8ClampedArray(image.data), image.size, image.size)?.data ?? null;
}

/**
 * Each row on screen says "Không hợp lệ: N (x,xx%)" exactly when N > 0, in full (not cut
 * off), inside its row and left of the first level's numbers.
 */
async function invalidNotesMatch(page: Page, results: TallyResult): Promise<void> {
  const rows = await page.evaluate(() =>
    [...document.querySelectorAll<HTMLElement>('[data-testid="result-row"]')].map((row) => {
      const note = row.querySelector<HTMLElement>('[data-testid="invalid-note"]');
      const cell = row.querySelector<HTMLElement>('.cell')!.getBoundingClientRect();
      const r = row.getBoundingClientRect();
      const n = note?.getBoundingClientRect();
      return {
        order: Number(row.dataset.order),
        note: note?.textContent ?? null,
        fits: !note || !n || (note.scrollWidth <= note.clientWidth + 1 && n.top >= r.top - 1 && n.bottom <= r.bottom + 1 && n.right <= cell.left),
        height: n?.height ?? 0,
      };
    }),
  );
  expect(rows.length).toBeGreaterThan(0);
  for (const row of rows) {
    const person = results.persons.find((p) => p.order === row.order)!;
    expect(row.note, `row ${row.order}`).toBe(person.invalid > 0 ? `Không hợp lệ: ${person.invalid} (${formatPercent(person.invalidPercent)})` : null);
    expect(row.fits, `row ${row.order}`).toBe(true);
    // Legible on a 1280×720 projector: at least 10 px tall.
    if (row.note) expect(row.height).toBeGreaterThanOrEqual(10);
  }
}

describe('the projector display', () => {
  it('shows turnout before and during voting, reconnects, and shows published results by page', async () => {
    const { session, persons, slips, shares } = await prepareSession(server.admin, { persons: 20, slips: 30, summoned: 40, present: 36 });
    const { persons: named } = await server.admin.call('PUT /api/admin/sessions/:id/persons', { params: { id: session.id }, body: {
      persons: persons.map((p, i) => ({
        id: p.id,
        fullName: ['Nguyễn Thị Hồng Nhung', 'Trần Văn Đức', 'Lê Quốc Việt', 'Phạm Thị Ánh Tuyết'][i % 4]! + ` ${i + 1}`,
        position: i % 3 === 0 ? 'Phó Bí thư Thường trực Tỉnh ủy, Chủ tịch Hội đồng nhân dân tỉnh' : 'Ủy viên Ban Thường vụ Tỉnh ủy',
      })),
    } });
    const ids = (named as { id: string }[]).map((p) => p.id);
    const link = `${server.url}/display/${session.id}#${session.displayKey}`;
    const big = await projector(PROJECTOR);
    const small = await projector(LAPTOP);
    for (const { page } of [big, small]) {
      const res = await page.goto(link);
      expect(res?.headers()['referrer-policy']).toBe('no-referrer');
      await page.getByText('Chưa bắt đầu bỏ phiếu').waitFor();
      expect(await text(page, 'issued')).toBe('30');
      expect(await text(page, 'collected')).toBe('0');
      await fitsScreen(page);
    }
    await screenshot(big.page, 'display-1-before-1920');
    await screenshot(small.page, 'display-1-before-1280');

    await server.admin.call('POST /api/admin/sessions/:id/open', { params: { id: session.id }, body: {} });
    const random = seeded(77);
    // Person 1 gets only "low": 2/3 crossed; person 2 gets 7 of 12 low: over 1/2.
    const ballots: Marks[] = Array.from({ length: 12 }, (_, i) => ({
      ...randomMarks(random, ids, ['high', 'medium', 'low'], 0.05),
      [ids[0]!]: 'low',
      [ids[1]!]: i < 7 ? 'low' : 'high',
    }));
    await castBallots(server.url, session.id, slips.slice(0, 6), ballots.slice(0, 6));
    for (const { page } of [big, small]) {
      await page.getByText('Đang bỏ phiếu').waitFor();
      await page.waitForFunction(() => document.querySelector('[data-testid="collected"]')?.textContent === '6');
      await page.getByTestId('clock').waitFor();
      await fitsScreen(page);
    }
    await screenshot(big.page, 'display-2-during-1920');
    await screenshot(small.page, 'display-2-during-1280');

    // The server restarts on the same port; the displays reconnect by themselves and catch up.
    const port = Number(new URL(server.url).port);
    await server.app.close();
    await big.page.getByTestId('link-status').waitFor();
    await screenshot(big.page, 'display-3-reconnecting-1920');
    server.app = await buildApp({ dbFile: server.dbFile, adminPassword: TEST_PASSWORD, loginDelayMs: 20, ...(process.env.TINNHIEM_DIST_DIR ? { distDir: process.env.TINNHIEM_DIST_DIR } : {}) });
    await server.app.listen({ port, host: '127.0.0.1' });
    await castBallots(server.url, session.id, slips.slice(6, 12), ballots.slice(6, 12));
    for (const { page } of [big, small]) {
      await page.waitForFunction(() => document.querySelector('[data-testid="collected"]')?.textContent === '12', undefined, { timeout: 30_000 });
      await page.getByTestId('link-status').waitFor({ state: 'detached' });
      expect(await page.getByTestId('result-row').count()).toBe(0);
    }

    await server.admin.login(TEST_PASSWORD);
    await server.admin.call('POST /api/admin/sessions/:id/close', { params: { id: session.id } });
    // The sealed box waits for the committee: no counts but turnout, no QR yet.
    for (const { page } of [big, small]) {
      await page.getByTestId('box-locked').waitFor();
      expect(await text(page, 'box-locked')).toContain('Hòm phiếu điện tử đang niêm phong');
      expect(await text(page, 'box-locked')).toContain('Xin chờ Ban kiểm phiếu mở hòm phiếu điện tử.');
      expect(await page.getByTestId('result-row').count()).toBe(0);
      expect(await page.getByTestId('receipts').count()).toBe(0);
      expect(await text(page, 'collected')).toBe('12');
      await fitsScreen(page);
    }
    await screenshot(big.page, 'display-4-box-locked-1920');
    await screenshot(small.page, 'display-4-box-locked-1280');

    // Two members open the box: the displays show the QR of the published list and the fingerprint.
    expect((await server.admin.openBox(session.id, shares.slice(0, 2))).opened).toBe(true);
    const detail = await server.admin.call('GET /api/admin/sessions/:id', { params: { id: session.id } });
    const info = (await (await fetch(`${server.url}/api/display/${session.id}`, { headers: { 'x-display-key': session.displayKey } })).json()) as DisplayInfo;
    expect(info).toMatchObject({ sealed: true, boxOpened: true, fingerprint: detail.box.fingerprint });
    // These displays were opened on the laptop (127.0.0.1): the QR names its LAN address, which phones reach.
    const receiptsUrl = `${info.lanOrigin ?? server.url}/r/${session.id}`;
    for (const { page } of [big, small]) {
      await page.getByTestId('receipts').waitFor();
      expect(await page.getByTestId('box-locked').count()).toBe(0);
      expect(await text(page, 'receipts')).toContain('Quét để đối chiếu mã kiểm tra trên điện thoại');
      expect(await text(page, 'fingerprint')).toBe(detail.box.fingerprint);
      expect(await text(page, 'receipts-url')).toBe(receiptsUrl);
      expect(await readQr(page)).toBe(receiptsUrl);
      await page.getByText('Hòm phiếu điện tử đã được mở. Ban kiểm phiếu đang kiểm phiếu').waitFor();
      expect(await page.getByTestId('result-row').count()).toBe(0);
      await fitsScreen(page);
    }
    // The list the QR leads to carries the same fingerprint.
    const list = await (await fetch(`${server.url}/api/receipts/${session.id}`)).json();
    expect(list).toMatchObject({ fingerprint: detail.box.fingerprint, phoneBallots: 12 });
    await screenshot(big.page, 'display-4b-box-opened-1920');
    await screenshot(small.page, 'display-4b-box-opened-1280');

    await server.admin.call('POST /api/admin/sessions/:id/publish', { params: { id: session.id } });
    const published = (await server.admin.call('GET /api/admin/sessions/:id/results', { params: { id: session.id } })) as TallyResult;
    // Some invalid marks, and some rows without: the note shows only where there are some.
    const onFirstPage = published.persons.slice(0, 10).map((p) => p.invalid);
    expect(onFirstPage.some((n) => n > 0) && onFirstPage.some((n) => n === 0)).toBe(true);
    for (const { page } of [big, small]) {
      await page.getByTestId('results').waitFor();
      // 20 people: two pages of 10 (spread evenly, at most 15 a page, as many as the type floor holds).
      expect(await page.getByTestId('result-row').count()).toBe(10);
      expect(await text(page, 'base-line')).toBe('Tỉ lệ trên tổng số phiếu thu về: 12');
      expect(await text(page, 'page-no')).toBe('Trang 1/2');
      const first = page.locator('[data-testid="result-row"][data-order="1"]');
      expect(await first.getAttribute('class')).toContain('crossed');
      expect(await first.textContent()).toContain('100,00%');
      expect(await first.textContent()).toContain('Từ 2/3 trở lên tín nhiệm thấp');
      const second = page.locator('[data-testid="result-row"][data-order="2"]');
      expect(await second.textContent()).toContain('58,33%');
      expect(await second.textContent()).toContain('Trên 1/2 đến dưới 2/3 tín nhiệm thấp');
      expect(await text(page, 'consequences')).toContain('Miễn nhiệm chức vụ');
      await invalidNotesMatch(page, published);
      await fitsScreen(page);
    }
    await screenshot(big.page, 'display-5-results-1920');
    await screenshot(small.page, 'display-5-results-1280');

    // With results on screen, the QR comes over them on request (button or key Q), and goes.
    expect(await small.page.getByTestId('receipts').count()).toBe(0);
    await small.page.getByRole('button', { name: 'Mã kiểm tra (Q)' }).click();
    await small.page.getByTestId('receipts-overlay').waitFor();
    expect(await readQr(small.page)).toBe(receiptsUrl);
    expect(await text(small.page, 'fingerprint')).toBe(detail.box.fingerprint);
    await fitsScreen(small.page);
    await screenshot(small.page, 'display-5b-results-qr-1280');
    await small.page.keyboard.press('q');
    await small.page.getByTestId('receipts-overlay').waitFor({ state: 'detached' });
    await big.page.keyboard.press('q');
    await big.page.getByTestId('receipts-overlay').waitFor();
    await screenshot(big.page, 'display-5b-results-qr-1920');
    await big.page.keyboard.press('q');
    await big.page.getByTestId('receipts-overlay').waitFor({ state: 'detached' });

    // The second page comes by itself.
    await big.page.getByText('Trang 2/2').waitFor({ timeout: 20_000 });
    expect(await big.page.getByTestId('result-row').count()).toBe(10);
    await fitsScreen(big.page);
    await screenshot(big.page, 'display-6-results-page2-1920');
    // A presenter's clicker turns pages too (Page Down / Page Up, or the arrow keys).
    const firstNames = published.persons.slice(0, 10).map((p) => p.fullName);
    await small.page.keyboard.press('PageDown');
    await small.page.getByText('Trang 2/2').waitFor();
    await small.page.keyboard.press('PageUp');
    await small.page.getByText('Trang 1/2').waitFor();
    expect(await small.page.locator('[data-testid="result-row"] .name').allTextContents()).toEqual(firstNames);

    // English on the toggle.
    await big.page.getByRole('button', { name: 'English' }).click();
    expect(await text(big.page, 'base-line')).toBe('Percentages of ballots collected: 12');
    await screenshot(big.page, 'display-7-results-en-1920');

    for (const d of [big, small]) {
      expect(d.foreign).toEqual([]);
      expect(d.errors).toEqual([]);
    }
  });

  it('live results (an unsealed box) leave the screen as soon as they are switched off, while voting goes on', async () => {
    const { session, persons, slips } = await prepareSession(server.admin, { presetId: 'nq96-2023-lay-phieu', persons: 4, slips: 8, sealed: false });
    const ids = persons.map((p) => p.id);
    const path = `/api/admin/sessions/${session.id}/live-results`;
    await server.admin.call('POST /api/admin/sessions/:id/live-results', { params: { id: session.id }, body: { enabled: true } });
    const { page, errors } = await projector(LAPTOP);
    await page.goto(`${server.url}/display/${session.id}#${session.displayKey}`);
    await page.getByText('Chưa bắt đầu bỏ phiếu').waitFor();
    await server.admin.call('POST /api/admin/sessions/:id/open', { params: { id: session.id }, body: {} });
    const random = seeded(4);
    await castBallots(server.url, session.id, slips.slice(0, 5), Array.from({ length: 5 }, () => randomMarks(random, ids, ['high', 'medium', 'low'])));
    await page.getByTestId('results').waitFor();
    expect(await page.getByTestId('result-row').count()).toBe(4);
    expect(await page.getByTestId('results').getAttribute('data-live')).toBe('true');
    await screenshot(page, 'display-9-live-1280');

    await server.admin.call('POST /api/admin/sessions/:id/live-results', { params: { id: session.id }, body: { enabled: false } });
    await page.getByTestId('results').waitFor({ state: 'detached' });
    expect(await page.getByTestId('result-row').count()).toBe(0);
    expect(await text(page, 'collected')).toBe('5');
    expect(await page.getByTestId('state').textContent()).toBe('Đang bỏ phiếu');
    await screenshot(page, 'display-10-live-withdrawn-1280');

    // An unsealed box has nothing to wait for nor a list to publish: the usual counting line.
    await server.admin.call('POST /api/admin/sessions/:id/close', { params: { id: session.id } });
    await page.getByText('Ban kiểm phiếu đang kiểm phiếu').waitFor();
    expect(await page.getByTestId('box-locked').count()).toBe(0);
    expect(await page.getByTestId('receipts').count()).toBe(0);
    expect(errors).toEqual([]);
  });

  it('a display older than the server (after an upgrade) says to reload instead of going quiet', async () => {
    const { session, slips } = await prepareSession(server.admin, { persons: 1, slips: 2 });
    const context = await browser.newContext({ viewport: LAPTOP });
    // Between the display and the real server: once `upgraded`, the server's pongs name the next version.
    let upgraded = false;
    await context.routeWebSocket(/\/ws$/, (ws) => {
      const real = ws.connectToServer();
      real.onMessage((message) => ws.send(upgraded && typeof message === 'string' ? message.replace(/"version":(\d+)/, (_m, v: string) => `"version":${Number(v) + 1}`) : message));
    });
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (err) => errors.push(err.message));
    await page.goto(`${server.url}/display/${session.id}#${session.displayKey}`);
    await page.getByText('Chưa bắt đầu bỏ phiếu').waitFor();
    expect(await text(page, 'issued')).toBe(String(slips.length));
    upgraded = true;
    for (const client of server.app.websocketServer.clients) client.terminate();
    await page.getByRole('alert').getByText('Trang này đã cũ. Xin đồng chí tải lại trang (giữ nguyên đường dẫn).').waitFor();
    await fitsScreen(page);
    await screenshot(page, 'display-11-outdated-1280');
    // Reloaded (the new page a real upgrade serves): the turnout again.
    upgraded = false;
    await page.reload();
    await page.getByText('Chưa bắt đầu bỏ phiếu').waitFor();
    expect(errors).toEqual([]);
    await context.close();
  });

  it('says the link is wrong when the key is wrong', async () => {
    const { session } = await prepareSession(server.admin, { persons: 1, slips: 1 });
    const { page } = await projector(LAPTOP);
    await page.goto(`${server.url}/display/${session.id}#wrong-key`);
    await page.getByText('Đường dẫn màn hình chiếu không đúng.').waitFor();
    await screenshot(page, 'display-8-bad-key-1280');
  });
});
