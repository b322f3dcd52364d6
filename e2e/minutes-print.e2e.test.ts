/**
 * The minutes' A4 print page as Chromium prints it (page.pdf, the same engine as Ctrl+P),
 * loaded from the real server (its style sheets and Noto Serif come from /print/), read back
 * page by page with pdfjs: set in the bundled serif, numbered from page 2, "DỰ THẢO" on every
 * page until published, and no page before the signatures with an empty lower half.
 */
import type { Browser, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { loadMinutesModel, type MinutesModel } from '../server/domain/minutes-model';
import { renderMinutesHtml } from '../server/print/minutes-html';
import type { TestServer } from '../test/server';
import { closedMinutesVote } from '../test/minutes-vote';
import { pdfLayout, textReach, type PdfPageLayout } from '../test/pdf-layout';
import { useServerAndBrowser } from './browser';

let server: TestServer;
let browser: Browser;
useServerAndBrowser((s, b) => ((server = s), (browser = b)));

/** Chromium's PDF text has no reliable spaces, and splits words around Vietnamese glyphs: compare without any. */
const squash = (text: string) => text.normalize('NFC').replace(/\s+/g, '');
const pageText = (page: PdfPageLayout) => squash(page.items.map((i) => i.str).join(''));

/** A page signed in as the secretariat, on the minutes print page of a session. */
async function minutesPage(sessionId: string): Promise<Page> {
  const context = await browser.newContext();
  const [name, value] = server.admin.cookieHeader.split('=') as [string, string];
  await context.addCookies([{ name, value, url: server.url }]);
  const page = await context.newPage();
  const res = await page.goto(`${server.url}/api/admin/sessions/${sessionId}/minutes`);
  expect(res?.status()).toBe(200);
  await page.evaluate(() => document.fonts.ready);
  return page;
}

/** Print as Ctrl+P does, A4 from the page's own @page rules. */
async function printed(page: Page): Promise<PdfPageLayout[]> {
  await page.evaluate(() => document.fonts.ready);
  return pdfLayout(new Uint8Array(await page.pdf({ preferCSSPageSize: true })));
}

/** The same page with another model (more threshold lines): set in place, so /print/ still resolves. */
async function showModel(page: Page, model: MinutesModel): Promise<void> {
  await page.setContent(renderMinutesHtml(model), { waitUntil: 'load' });
  await page.evaluate(() => document.fonts.ready);
}

const SIGN_NOTE = squash('(Ký, ghi rõ họ tên)');
/** 20 mm of top margin holds the page number and running title, not the text. */
const TOP_MARGIN_PT = (20 * 72) / 25.4;

describe('the minutes print page', () => {
  it('is set in the Noto Serif this server serves, which Chromium embeds when printing', async () => {
    const { session } = await closedMinutesVote(server, { people: 3, phoneBallots: 4 });
    const page = await minutesPage(session.id);
    const fonts = await page.evaluate(() =>
      [...document.fonts].map((f) => ({ family: f.family.replace(/"/g, ''), weight: f.weight, style: f.style, status: f.status })),
    );
    const loaded = fonts.filter((f) => f.family === 'Noto Serif' && f.status === 'loaded');
    expect(loaded.map((f) => `${f.weight} ${f.style}`).sort()).toEqual(expect.arrayContaining(['400 italic', '400 normal', '700 normal']));
    expect(await page.evaluate(() => getComputedStyle(document.body).fontFamily)).toMatch(/^"?Noto Serif"?/);
    // 13 pt body, as official documents are set.
    expect(Number.parseFloat(await page.evaluate(() => getComputedStyle(document.body).fontSize))).toBeCloseTo((13 * 96) / 72, 1);
    const pages = await printed(page);
    const faces = new Set(pages.flatMap((p) => p.items.map((i) => i.font.replace(/^[A-Z]{6}\+/, ''))));
    expect([...faces].filter((f) => f.startsWith('NotoSerif'))).toEqual(expect.arrayContaining(['NotoSerif-Regular', 'NotoSerif-Bold', 'NotoSerif-Italic']));
    // Nothing of the body falls back to another face: only the fingerprint is monospaced.
    expect([...faces].filter((f) => !f.startsWith('NotoSerif')).every((f) => /Mono/.test(f))).toBe(true);
    await page.context().close();
  });

  it('numbers every page after the first at the top, and marks every page DỰ THẢO until published', async () => {
    const { session } = await closedMinutesVote(server, { people: 40, phoneBallots: 4 });
    const page = await minutesPage(session.id);
    const draft = await printed(page);
    expect(draft.length).toBeGreaterThanOrEqual(3);
    expect(pageText(draft[0]!)).not.toContain('Trang');
    draft.forEach((p, i) => {
      if (i > 0) {
        expect(pageText(p), `page ${i + 1}`).toContain(squash(`Trang ${i + 1}/${draft.length}`));
        expect(pageText(p), `page ${i + 1}`).toContain(squash('BIÊN BẢN KIỂM PHIẾU (tiếp theo)'));
      }
      // Across the page (fixed, so Chromium repeats it) and in the top margin.
      expect(p.items.some((item) => item.rotated && squash(item.str).includes('DỰ')), `page ${i + 1}`).toBe(true);
      expect(p.items.filter((item) => !item.rotated && item.y < TOP_MARGIN_PT).map((item) => item.str).join(''), `page ${i + 1}`).toContain('DỰ THẢO');
    });
    expect(pageText(draft[0]!)).toContain(squash('Bản dự thảo: kết quả chưa công bố.'));

    await server.admin.call('POST /api/admin/sessions/:id/publish', { params: { id: session.id } });
    await page.reload();
    const final = await printed(page);
    // The draft's note takes a line, which may move a page break.
    expect(final.length).toBeGreaterThanOrEqual(draft.length - 1);
    for (const p of final) expect(pageText(p)).not.toMatch(/DỰTHẢO|dựthảo/);
    expect(pageText(final[1]!)).toContain(squash(`Trang 2/${final.length}`));
    await page.context().close();
  });

  it('never leaves the lower half of a page empty before the signatures, which stay with the closing sentence', async () => {
    for (const committee of [3, 7]) {
      for (const people of [1, 15, 30, 60]) {
        const { session } = await closedMinutesVote(server, { people, phoneBallots: 4, committee, sealed: false });
        const model = await loadMinutesModel(server.app.db, session.id);
        const page = await minutesPage(session.id);
        const line = model.thresholds[0]!;
        // Lists of 0 to 12 lines move the foot of the text across the bottom of a page.
        for (const k of people === 15 ? [0, 2, 4, 6, 8, 10, 12] : [0, 6, 12]) {
          await showModel(page, { ...model, thresholds: Array.from({ length: k }, () => line) });
          const pages = await printed(page);
          const where = `${people} people, committee of ${committee}, ${k} threshold lines`;
          const at = pages.findIndex((p) => pageText(p).includes(SIGN_NOTE));
          expect(at, where).toBeGreaterThanOrEqual(0);
          const signatures = pageText(pages[at]!);
          expect(signatures.split(SIGN_NOTE).length - 1, where).toBe(committee);
          expect(signatures, where).toContain(squash('Biên bản được lập xong và thông qua trước hội nghị'));
          expect(pages.slice(at + 1).some((p) => pageText(p).includes(SIGN_NOTE)), where).toBe(false);
          for (const [i, before] of pages.slice(0, at).entries()) {
            expect(textReach(before, TOP_MARGIN_PT), `${where}: page ${i + 1} of ${pages.length}`).toBeGreaterThan(0.5);
          }
        }
        await page.context().close();
      }
    }
  }, 600_000);

  it('prints the phone box section, sealed and opened, or unsealed', async () => {
    const { session } = await closedMinutesVote(server, { people: 3, phoneBallots: 10 });
    const sealed = await loadMinutesModel(server.app.db, session.id);
    const page = await minutesPage(session.id);
    const text = (await printed(page)).map(pageText).join('');
    expect(text).toContain(squash('khóa chia cho 3 thành viên Ban kiểm phiếu, cần 2 thành viên để mở;'));
    expect(text).toContain(squash('bởi Đỗ Thị Thanh Hương, Ngô Văn Lực.'));
    expect(text).toContain(squash('– Số phiếu điện thoại trong hòm: 10'));
    expect(text).toContain(squash('– Số phiếu điện tử không mở được hoặc không hợp lệ (tính như phiếu hỏng): 0'));
    const fingerprint = sealed.box.facts.find((f) => f.code)!.value;
    expect(text).toContain(squash(`– Dấu vân tay hòm phiếu: ${fingerprint}`));

    const { session: plain } = await closedMinutesVote(server, { people: 3, phoneBallots: 4, sealed: false });
    const other = await minutesPage(plain.id);
    const unsealed = (await printed(other)).map(pageText).join('');
    expect(unsealed).toContain(squash('Hòm phiếu điện tử không niêm phong (lựa chọn của Ban tổ chức trước khi mở bỏ phiếu).'));
    expect(unsealed).not.toContain(squash('Dấu vân tay'));
    await page.context().close();
    await other.context().close();
  });
});
