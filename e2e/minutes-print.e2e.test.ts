/**
 * The minutes' A4 print page as Chromium prints it (page.pdf, the same engine as Ctrl+P),
 * read back page by page with pdfjs: the signatures never stand alone on a page.
 */
import type { Browser } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { loadMinutesModel } from '../server/domain/minutes-model';
import { renderMinutesHtml } from '../server/print/minutes-html';
import { castBallots, randomMarks, seeded } from '../server/results-test-helpers';
import { closeAndOpenBox, prepareSession, type TestServer } from '../server/test-helpers';
import { pdfPageItems } from '../server/test-pdf';
import { useServerAndBrowser } from './browser';

let server: TestServer;
let browser: Browser;
useServerAndBrowser((s, b) => ((server = s), (browser = b)));

async function pdfPages(data: Uint8Array): Promise<string[]> {
  // Chromium splits words around Vietnamese glyphs: the pieces are joined back without spaces.
  return (await pdfPageItems(data)).map((items) => items.join('').normalize('NFC'));
}

/**
 * A closed vote on `people` people (the first crosses 2/3 low) with a committee of three.
 * Sealed (the default): the box is sealed to that committee, 2 of 3, and opened after close.
 */
async function closedVote(people: number, opts: { sealed?: boolean } = {}) {
  const sealed = opts.sealed !== false;
  const { session, persons, slips } = await prepareSession(server.admin, { persons: people, slips: 10, sealed });
  const ids = persons.map((p) => p.id);
  await server.admin.call('PUT', `/api/admin/sessions/${session.id}/committee`, {
    members: ['Đỗ Thị Thanh Hương', 'Ngô Văn Lực', 'Trịnh Bảo Châu'].map((fullName, i) => ({ fullName, role: i === 0 ? 'head' : 'member' })),
  });
  const shares = sealed ? await server.admin.sealBox(session.id, { threshold: 2 }) : [];
  await server.admin.call('POST', `/api/admin/sessions/${session.id}/open`, {});
  const random = seeded(people);
  await castBallots(server.url, session.id, slips, Array.from({ length: 10 }, () => ({ ...randomMarks(random, ids, ['high', 'medium', 'low']), [ids[0]!]: 'low' })));
  await closeAndOpenBox(server.admin, session.id, shares);
  return loadMinutesModel(server.app.db, session.id);
}

/** Chromium's PDF text has no reliable spaces: compare without any. */
const squash = (text: string) => text.replace(/\s+/g, '');

describe('the minutes print page', () => {
  it('keeps the closing sentence and the thresholds list on the page of the signatures, for 15 and 30 people', async () => {
    const page = await browser.newPage();
    for (const people of [15, 30]) {
      const model = await closedVote(people);
      const line = model.thresholds[0]!;
      // Lists of 0 to 14 lines move the foot of the text across the bottom of a page.
      for (let k = 0; k <= 14; k += 2) {
        await page.setContent(renderMinutesHtml({ ...model, thresholds: Array.from({ length: k }, () => line) }));
        const pages = await pdfPages(new Uint8Array(await page.pdf({ preferCSSPageSize: true })));
        const at = (text: string) => pages.findIndex((p) => p.includes(text));
        const where = `${people} people, ${k} threshold lines`;
        expect(at('TRƯỞNG BAN'), where).toBeGreaterThanOrEqual(0);
        expect(at('Biên bản được lập xong'), where).toBe(at('TRƯỞNG BAN'));
        // Up to 10 lines the list fits on one page with the signatures (13 pt type): it is kept whole.
        if (k <= 10) expect(at('Người có kết quả đến ngưỡng'), where).toBe(at('TRƯỞNG BAN'));
      }
    }
    await page.close();
  });

  it('prints the phone box section, sealed and opened, or unsealed', async () => {
    const page = await browser.newPage();
    const sealed = await closedVote(3);
    await page.setContent(renderMinutesHtml(sealed));
    const text = squash((await pdfPages(new Uint8Array(await page.pdf({ preferCSSPageSize: true })))).join(''));
    expect(text).toContain(squash('khóa chia cho 3 thành viên Ban kiểm phiếu, cần 2 thành viên để mở;'));
    expect(text).toContain(squash('bởi Đỗ Thị Thanh Hương, Ngô Văn Lực.'));
    expect(text).toContain(squash('– Số phiếu điện thoại trong hòm: 10'));
    expect(text).toContain(squash('– Số phiếu điện tử không mở được hoặc không hợp lệ (tính như phiếu hỏng): 0'));
    const fingerprint = sealed.box.facts.find((f) => f.code)!.value;
    expect(text).toContain(squash(`– Dấu vân tay hòm phiếu: ${fingerprint}`));

    const unsealed = await closedVote(3, { sealed: false });
    await page.setContent(renderMinutesHtml(unsealed));
    const plain = squash((await pdfPages(new Uint8Array(await page.pdf({ preferCSSPageSize: true })))).join(''));
    expect(plain).toContain(squash('Hòm phiếu điện tử không niêm phong (lựa chọn của Ban tổ chức trước khi mở bỏ phiếu).'));
    expect(plain).not.toContain(squash('Dấu vân tay'));
    await page.close();
  });
});
