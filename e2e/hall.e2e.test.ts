/**
 * The console in the hall, in real Chromium against the real server: the leftover slips
 * voided by the laptop camera (Chromium's fake camera playing a video of the slips as the
 * print page renders them, photographed one by one), and what a laptop mirrored on the
 * projector shows of the display link and of unpublished results.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Locator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { slipFromScan } from '../shared/slip-code';
import { castBallots } from '../test/results';
import { prepareSession, TEST_PASSWORD, type TestServer } from '../test/server';
import { PROJECTOR, screenshot, useServerAndBrowser } from './browser';
import { blankFrame, launchWithCamera, photoFrame, y4mVideo } from './fake-camera';

const POLL = { timeout: 20_000 };
const LAPTOP = { width: 1366, height: 768 };
const hasText = (loc: Locator, sub: string) => expect.poll(() => loc.innerText(), POLL).toContain(sub);

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

async function confirmModal(page: Page): Promise<void> {
  await page.locator('.modal').waitFor();
  await page.locator('.modal .actions button').last().click();
  await page.locator('.modal').waitFor({ state: 'detached' });
}

/** Every slip of the print page, photographed as it would lie under the camera, by slip id. */
async function photographSlips(sessionId: string): Promise<Map<string, Buffer>> {
  const page = await browser.newPage({ viewport: { width: 900, height: 1300 }, deviceScaleFactor: 2 });
  await login(page, 'Máy in');
  await page.goto(`${server.url}/api/admin/sessions/${sessionId}/slips/print?which=unused`);
  const photos = new Map<string, Buffer>();
  for (const slip of await page.locator('.slip').all()) {
    const id = slipFromScan((await slip.getAttribute('data-url'))!)!.id;
    photos.set(id, await slip.screenshot());
  }
  await page.close();
  return photos;
}

describe('leftover slips voided by the laptop camera', () => {
  it('voids each leftover slip shown, once, with a beep and a count; refuses a used, a voided and another vote’s slip with their messages', async () => {
    const admin = server.admin;
    const { session, slips, persons } = await prepareSession(admin, { persons: 2, slips: 6 });
    const other = await prepareSession(admin, { persons: 1, slips: 1, sealed: false });
    const photos = await photographSlips(session.id);
    const elsewhere = await photographSlips(other.session.id);
    expect(photos.size).toBe(6);

    const [left0, left1, left2, voidedBefore, used, keptUnused] = slips;
    await admin.call('POST /api/admin/sessions/:id/slips/void', { params: { id: session.id }, body: { code: voidedBefore!.code } });
    await admin.call('POST /api/admin/sessions/:id/open', { params: { id: session.id }, body: {} });
    await castBallots(server.url, session.id, [used!], [Object.fromEntries(persons.map((p) => [p.id, 'high']))]);

    // The camera films the three leftovers, then a used slip, a voided one and one of another vote; the video loops.
    const work = await browser.newPage();
    const shown = [left0!.id, left1!.id, left2!.id, voidedBefore!.id, used!.id];
    const frames: Buffer[] = [];
    for (const photo of [...shown.map((id) => photos.get(id)!), elsewhere.values().next().value!]) {
      const frame = await photoFrame(work, photo);
      frames.push(...Array<Buffer>(8).fill(frame), blankFrame(), blankFrame());
    }
    await work.close();
    const video = join(server.dir, 'leftover-slips.y4m');
    writeFileSync(video, y4mVideo(frames, undefined, 5));

    const withCamera = await launchWithCamera(video);
    try {
      const context = await withCamera.newContext({ viewport: LAPTOP });
      // Count the notes the console plays (WebAudio oscillators), by pitch.
      await context.addInitScript(() => {
        const tones: number[] = [];
        (window as unknown as { tones: number[] }).tones = tones;
        const start = OscillatorNode.prototype.start;
        OscillatorNode.prototype.start = function (this: OscillatorNode, ...args: [number?]) {
          tones.push(this.frequency.value);
          return start.apply(this, args);
        };
      });
      const page = await context.newPage();
      const errors: string[] = [];
      page.on('pageerror', (e) => errors.push(e.message));
      await login(page, 'Lê Thư Ký');
      await page.goto(`${server.url}/admin/s/${session.id}/slips`);
      await page.getByRole('button', { name: 'Quét mã QR các phiếu còn lại' }).click();
      await hasText(page.locator('.modal'), 'Mỗi phiếu quét được bằng camera sẽ bị hủy ngay');
      await confirmModal(page);

      const count = page.getByTestId('scan-count');
      await expect.poll(() => count.getAttribute('data-voided'), POLL).toBe('3');
      await expect.poll(() => count.getAttribute('data-refused'), POLL).toBe('3');
      await hasText(count, 'Đã hủy 3 phiếu bằng camera · 3 phiếu không hủy được');
      const log = page.getByTestId('scan-log');
      expect(new Set(await log.locator('li.refused').evaluateAll((items) => items.map((li) => li.getAttribute('data-code'))))).toEqual(new Set(['slip-used', 'slip-void', 'slip-unknown']));
      await hasText(log, `Không hủy phiếu ${used!.id}: Phiếu này đã được sử dụng.`);
      await hasText(log, `Không hủy phiếu ${voidedBefore!.id}: Phiếu này đã bị hủy.`);
      for (const id of [left0!.id, left1!.id, left2!.id]) await hasText(log, `Đã hủy phiếu ${id}.`);
      await hasText(page.getByTestId('slip-counts'), 'Đã phát hành 2 phiếu QR: 1 chưa dùng (0 chưa in), 1 đã bỏ phiếu, 4 đã hủy.');
      await page.getByTestId('slip-scanner').scrollIntoViewIfNeeded();
      await screenshot(page, 'console-leftover-camera-1366');

      // Let the video loop once more: nothing is sent twice.
      const seconds = frames.length / 5;
      await page.waitForTimeout(seconds * 1000 + 1500);
      expect(await count.getAttribute('data-voided')).toBe('3');
      expect(await count.getAttribute('data-refused')).toBe('3');
      const tones = await page.evaluate(() => (window as unknown as { tones: number[] }).tones);
      expect(tones.filter((f) => f === 1320)).toHaveLength(3);
      expect(tones.filter((f) => f === 330)).toHaveLength(3);
      // No slip's code (its secret) on screen: the laptop may be mirrored.
      const text = await page.locator('body').innerText();
      for (const s of slips) expect(text).not.toContain(s.code);

      await page.getByRole('button', { name: 'Xong, tắt camera' }).click();
      await page.getByTestId('slip-scanner').waitFor({ state: 'detached' });
      expect(errors).toEqual([]);
      await context.close();
    } finally {
      await withCamera.close();
    }

    const state = async (sessionId: string) =>
      new Map(((await admin.call('GET /api/admin/sessions/:id/slips', { params: { id: sessionId } })).slips as { id: string; state: string }[]).map((s) => [s.id, s.state]));
    const after = await state(session.id);
    for (const s of [left0, left1, left2, voidedBefore]) expect(after.get(s!.id), s!.id).toBe('void');
    expect(after.get(used!.id)).toBe('used');
    expect(after.get(keptUnused!.id)).toBe('unused');
    expect([...(await state(other.session.id)).values()]).toEqual(['unused']);
    const { events } = await admin.call('GET /api/admin/sessions/:id/audit', { params: { id: session.id } });
    const voids = events.filter((e: { event: string }) => e.event === 'slips.voided');
    expect(voids).toHaveLength(4);
    for (const e of voids) expect(e.detail.count).toBe(1);
  });
});

describe('a laptop mirrored on the projector', () => {
  it('shows neither the display key nor unpublished results until asked', async () => {
    const { session, slips, persons } = await prepareSession(server.admin, { persons: 3, slips: 4, sealed: false });
    await server.admin.call('POST /api/admin/sessions/:id/open', { params: { id: session.id }, body: {} });
    await castBallots(server.url, session.id, slips.slice(0, 3), [0, 1, 2].map((i) => Object.fromEntries(persons.map((p, j) => [p.id, ['high', 'medium', 'low'][(i + j) % 3]!]))));
    const detail = await server.admin.call('GET /api/admin/sessions/:id', { params: { id: session.id } });

    const context = await browser.newContext({ viewport: PROJECTOR });
    const page = await context.newPage();
    await login(page, 'Lê Thư Ký');
    await page.goto(`${server.url}/admin/s/${session.id}/run`);
    await hasText(page.getByTestId('display-link'), `/display/${session.id}#`);
    await hasText(page.getByTestId('collected'), '3');
    expect(await page.locator('body').innerText()).not.toContain(detail.displayKey);
    await screenshot(page, 'console-run-mirrored-1920');

    await server.admin.call('POST /api/admin/sessions/:id/close', { params: { id: session.id } });
    await page.setViewportSize(LAPTOP);
    await page.goto(`${server.url}/admin/s/${session.id}/results`);
    await page.getByTestId('results-covered').waitFor(POLL);
    expect(await page.locator('table.results-table').count()).toBe(0);
    expect(await page.locator('body').innerText()).not.toContain('33,33%');
    await screenshot(page, 'console-results-covered-1366');
    await page.getByRole('button', { name: 'Hiện kết quả' }).click();
    await hasText(page.locator('table.results-table'), '1 (33,33%)');
    await screenshot(page, 'console-results-shown-1366');
    // Another tab of the console and back: covered again.
    await page.getByRole('tab', { name: 'Điều hành' }).click();
    await page.getByRole('tab', { name: 'Kết quả' }).click();
    await page.getByTestId('results-covered').waitFor(POLL);
    await context.close();
  });
});
