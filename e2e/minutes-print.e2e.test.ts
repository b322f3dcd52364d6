/**
 * The minutes' A4 print page as Chromium prints it (page.pdf, the same engine as Ctrl+P),
 * read back page by page with pdfjs: the signatures never stand alone on a page.
 */
import type { Browser } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { loadMinutesModel } from '../server/domain/minutes-model';
import { renderMinutesHtml } from '../server/domain/minutes-html';
import { castBallots, randomMarks, seeded } from '../server/results-test-helpers';
import { prepareSession, type TestServer } from '../server/test-helpers';
import { pdfPageItems } from '../server/test-pdf';
import { useServerAndBrowser } from './browser';

let server: TestServer;
let browser: Browser;
useServerAndBrowser((s, b) => ((server = s), (browser = b)));

async function pdfPages(data: Uint8Array): Promise<string[]> {
  // Chromium splits words around Vietnamese glyphs: the pieces are joined back without spaces.
  return (await pdfPageItems(data)).map((items) => items.join('').normalize('NFC'));
}

/** A closed vote on `people` people (the first crosses 2/3 low) with a committee of three. */
async function closedVote(people: number) {
  const { session, persons, slips } = await prepareSession(server.admin, { persons: people, slips: 10 });
  const ids = persons.map((p) => p.id);
  await server.app.db
    .insertInto('committee_members')
    .values(['Đỗ Thị Thanh Hương', 'Ngô Văn Lực', 'Trịnh Bảo Châu'].map((name, i) => ({ id: `cm-${i}-${session.id}`, session_id: session.id, member_order: i + 1, full_name: name, role: i === 0 ? 'head' : 'member' })))
    .execute();
  await server.admin.call('POST', `/api/admin/sessions/${session.id}/open`, {});
  const random = seeded(people);
  await castBallots(server.url, session.id, slips, Array.from({ length: 10 }, () => ({ ...randomMarks(random, ids, ['high', 'medium', 'low']), [ids[0]!]: 'low' })));
  await server.admin.call('POST', `/api/admin/sessions/${session.id}/close`);
  return loadMinutesModel(server.app.db, session.id);
}

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
});
