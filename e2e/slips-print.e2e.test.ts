/**
 * The slips' print page and PDF with long titles and organisation names: wrapped whole and
 * set smaller when long, never cut, nothing spilling out of a slip. Measured in Chromium on
 * the page the server serves (its style sheet and DejaVu fonts from /print/), and read back
 * from the PDF with pdfjs.
 */
import type { Browser } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { renderSlipsHtml } from '../server/print/slip-html';
import type { SlipFace } from '../server/print/slip-sheet';
import { prepareSession, type TestServer } from '../test/server';
import { pdfLayout } from '../test/pdf-layout';
import { useServerAndBrowser } from './browser';

let server: TestServer;
let browser: Browser;
useServerAndBrowser((s, b) => ((server = s), (browser = b)));

const ORG_WORDS = 'Ban Chấp hành Đảng bộ Công ty Trách nhiệm hữu hạn Một thành viên Xổ số kiến thiết và Dịch vụ in tỉnh Thừa Thiên Huế'.split(' ');
const TITLE_WORDS = 'Hội nghị Ban Chấp hành Đảng bộ lần thứ mười lăm mở rộng lấy phiếu tín nhiệm đối với người giữ chức vụ do Hội đồng nhân dân bầu'.split(' ');

/** Vietnamese text of about `length` characters, whole words. */
function text(words: string[], length: number): string {
  const out: string[] = [];
  for (let i = 0; out.join(' ').length < length; i++) out.push(words[i % words.length]!);
  return out.join(' ').slice(0, length).trim();
}

describe('long titles and organisation names on the slips', () => {
  it('wrap whole inside the slip on the print page, from short to the longest the form takes', async () => {
    const { session } = await prepareSession(server.admin, { slips: 1 });
    const context = await browser.newContext();
    const [name, value] = server.admin.cookieHeader.split('=') as [string, string];
    await context.addCookies([{ name, value, url: server.url }]);
    const page = await context.newPage();
    expect((await page.goto(`${server.url}/api/admin/sessions/${session.id}/slips/print`))?.status()).toBe(200);
    const sample = await page.evaluate(() => document.querySelector('.slip')!.getAttribute('data-url')!);
    const faces: SlipFace[] = [];
    for (const titleLength of [20, 80, 160, 300]) {
      for (const orgLength of [0, 40, 120, 300]) {
        faces.push({
          url: sample,
          code: 'ABCD-EFGH-JK',
          title: text(TITLE_WORDS, titleLength),
          organisation: text(ORG_WORDS, orgLength),
          heading: 'PHIẾU TÍN NHIỆM',
          instructions: ['Quét mã QR bằng điện thoại đã nối Wi-Fi của hội nghị.', 'Hoặc mở 192.168.100.200:8080 rồi nhập mã phiếu ở trên.', 'Chọn mức cho từng người rồi gửi. Mỗi phiếu chỉ gửi một lần.'],
        });
      }
    }
    // In place of the served page, so /print/slips.css and its fonts still load from the server.
    await page.setContent(renderSlipsHtml(faces, 'x'), { waitUntil: 'load' });
    await page.emulateMedia({ media: 'print' });
    // fonts.ready alone can resolve before layout has asked for a face: ask for each the slip uses, then wait.
    await page.evaluate(() => Promise.all(['16px "DejaVu Sans"', 'bold 16px "DejaVu Sans"', 'bold 16px "DejaVu Sans Mono"'].map((f) => document.fonts.load(f))).then(() => document.fonts.ready));
    expect(await page.evaluate(() => [...document.fonts].filter((f) => f.family.includes('DejaVu Sans') && f.status === 'loaded').length)).toBeGreaterThanOrEqual(2);
    const measured = await page.evaluate(() =>
      [...document.querySelectorAll<HTMLElement>('.slip')].map((slip) => {
        const box = slip.getBoundingClientRect();
        const padBottom = parseFloat(getComputedStyle(slip).paddingBottom);
        const parts = ['.title', '.org', '.code', 'ol'].map((sel) => slip.querySelector<HTMLElement>(sel)!);
        return {
          title: slip.querySelector('.title')!.textContent!,
          org: slip.querySelector('.org')!.textContent!,
          // The lowest line of text stays inside the slip's padding.
          spill: Math.max(...parts.map((el) => el.getBoundingClientRect().bottom)) - (box.bottom - padBottom),
          // No element hides text: its content is as tall and as wide as its box.
          clipped: parts.filter((el) => el.scrollHeight > el.clientHeight + 1 || el.scrollWidth > el.clientWidth + 1).map((el) => el.className || el.tagName),
          lines: parts.slice(0, 2).map((el) => Math.round(el.getBoundingClientRect().height / parseFloat(getComputedStyle(el).lineHeight))),
        };
      }),
    );
    expect(measured).toHaveLength(faces.length);
    for (const [i, m] of measured.entries()) {
      const where = `title ${faces[i]!.title.length}, organisation ${faces[i]!.organisation.length} characters`;
      expect(m.title, where).toBe(faces[i]!.title);
      expect(m.org, where).toBe(faces[i]!.organisation);
      expect(m.clipped, where).toEqual([]);
      expect(m.spill, where).toBeLessThanOrEqual(0.5);
    }
    // The usual lengths keep the normal size: a 40-character organisation on one or two lines, not shrunk.
    const usual = measured[1]!;
    expect(usual.lines[1]).toBeGreaterThanOrEqual(1);
    await context.close();
  });

  it('print whole on the PDF, however long', async () => {
    const { session } = await prepareSession(server.admin, { slips: 2 });
    const organisation = text(ORG_WORDS, 300);
    const title = text(TITLE_WORDS, 300);
    await server.admin.call('PATCH /api/admin/sessions/:id', { params: { id: session.id }, body: { title, organisation } });
    const res = await fetch(`${server.url}/api/admin/sessions/${session.id}/slips/print.pdf`, { headers: { cookie: server.admin.cookieHeader } });
    expect(res.status).toBe(200);
    const [page] = await pdfLayout(new Uint8Array(await res.arrayBuffer()));
    const joined = page!.items.map((i) => i.str).join(' ').replace(/\s+/g, ' ');
    // Both slips carry every word of both, in order.
    expect(joined.split(organisation).length - 1).toBe(2);
    expect(joined.split(title).length - 1).toBe(2);
    expect(joined).not.toContain('…');
    // And nothing is drawn below the first row of slips' cut line but the second row's own text.
    const slipBottom = (74.25 * 72) / 25.4;
    const firstRow = page!.items.filter((i) => i.y < slipBottom + 5);
    expect(firstRow.every((i) => i.y < slipBottom - 3)).toBe(true);
  });
});
