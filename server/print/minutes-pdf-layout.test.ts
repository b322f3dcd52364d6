/**
 * The minutes PDF as a formal document, read back with pdfjs positions and font names: set
 * in the embedded Noto Serif, one signature block per member with the closing sentence on
 * their page, no page before them left with an empty lower half, page numbers from page 2,
 * and "DỰ THẢO" on every page until results are published.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pageText, pdfLayout, textReach, type PdfPageLayout, type PdfTextItem } from '../../test/pdf-layout';
import { adminDownload, closedMinutesVote, MINUTES_COMMITTEE } from '../../test/minutes-vote';
import { loadMinutesModel, type MinutesModel } from '../domain/minutes-model';
import { startTestServer, type TestServer } from '../../test/server';
import { renderMinutesPdf } from './minutes-pdf';
import { MARGIN } from './minutes-pdf-table';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(async () => {
  await server.close();
});

const CLOSING = 'Biên bản được lập xong và thông qua trước hội nghị';
const SIGN_NOTE = '(Ký, ghi rõ họ tên)';
const SERIF = /^[A-Z]{6}\+NotoSerif-(Regular|Bold|Italic|BoldItalic)$/;

async function minutesPdf(sessionId: string): Promise<PdfPageLayout[]> {
  return pdfLayout((await adminDownload(server, `/api/admin/sessions/${sessionId}/minutes.pdf`, 'application/pdf')).bytes);
}

/** The page with the signature titles: the one holding the "(Ký, ghi rõ họ tên)" notes. */
function signaturePage(pages: PdfPageLayout[]): number {
  return pages.findIndex((p) => p.items.some((i) => i.str.trim() === SIGN_NOTE));
}

const centre = (i: PdfTextItem) => i.x + i.width / 2;

/**
 * Each signature block as printed: its title, then what stands under the title in its column
 * (the note and the name, a long name on two lines).
 */
function signatureBlocks(page: PdfPageLayout): { title: string; below: string }[] {
  const notes = page.items.filter((i) => i.str.trim() === SIGN_NOTE);
  return notes.map((note) => {
    const title = page.items
      .filter((i) => i.y < note.y && note.y - i.y < 25 && Math.abs(centre(i) - centre(note)) < 20)
      .at(-1)!;
    const below = page.items.filter((i) => i.y > note.y && i.y - note.y < 110 && Math.abs(centre(i) - centre(note)) < 20);
    return { title: title.str.trim(), below: below.map((i) => i.str.trim()).join(' ') };
  });
}

describe('the minutes PDF as a formal document', () => {
  let sealedId: string;
  beforeAll(async () => {
    sealedId = (await closedMinutesVote(server, { people: 15, phoneBallots: 8, committee: 7 })).session.id;
  });

  it('sets every line in the embedded Noto Serif, and only the box fingerprint in a monospaced face', async () => {
    const pages = await minutesPdf(sealedId);
    const model = await loadMinutesModel(server.app.db, sealedId);
    const fingerprint = model.box.facts.find((f) => f.code)!.value;
    const items = pages.flatMap((p) => p.items);
    expect(items.length).toBeGreaterThan(200);
    const notSerif = items.filter((i) => !SERIF.test(i.font));
    expect(notSerif.map((i) => i.str.trim())).toEqual([fingerprint]);
    expect(notSerif[0]!.font).toMatch(/\+DejaVuSansMono-Bold$/);
    // Regular, bold and italic are all embedded, not only named.
    const faces = new Set(items.map((i) => i.font.replace(/^.*\+/, '')));
    for (const face of ['NotoSerif-Regular', 'NotoSerif-Bold', 'NotoSerif-Italic']) expect(faces).toContain(face);
  });

  it('gives each of seven members a block of their own, Trưởng ban first, under the closing sentence', async () => {
    const pages = await minutesPdf(sealedId);
    const at = signaturePage(pages);
    const page = pages[at]!;
    expect(pageText(page)).toContain(CLOSING);
    const blocks = signatureBlocks(page);
    const titles = ['TRƯỞNG BAN', 'ỦY VIÊN', 'ỦY VIÊN', 'ỦY VIÊN', 'THƯ KÝ', 'ỦY VIÊN', 'ỦY VIÊN'];
    expect(blocks.map((b) => b.title)).toEqual(titles);
    expect(blocks.map((b) => b.below)).toEqual(MINUTES_COMMITTEE.map((m) => m.fullName));
    // Two rows, four and three, the closing sentence above them all.
    const notes = page.items.filter((i) => i.str.trim() === SIGN_NOTE);
    expect(new Set(notes.map((n) => Math.round(n.y))).size).toBe(2);
    const closingY = page.items.find((i) => i.str.includes('Biên bản được lập xong'))!.y;
    expect(notes.every((n) => n.y > closingY)).toBe(true);
    // No signature block anywhere else.
    expect(pages.flatMap((p) => p.items).filter((i) => i.str.trim() === SIGN_NOTE)).toHaveLength(7);
  });

  it('for a committee of three, three blocks side by side', async () => {
    const { session } = await closedMinutesVote(server, { people: 3, phoneBallots: 4, committee: 3 });
    const pages = await minutesPdf(session.id);
    const page = pages[signaturePage(pages)]!;
    const blocks = signatureBlocks(page);
    expect(blocks).toEqual([
      { title: 'TRƯỞNG BAN', below: 'Đỗ Thị Thanh Hương' },
      { title: 'ỦY VIÊN', below: 'Ngô Văn Lực' },
      { title: 'ỦY VIÊN', below: 'Trịnh Bảo Châu' },
    ]);
    const notes = page.items.filter((i) => i.str.trim() === SIGN_NOTE);
    expect(new Set(notes.map((n) => Math.round(n.y))).size).toBe(1);
  });

  it('repeats the title, small, with the page number at the top of every page after the first', async () => {
    const { session } = await closedMinutesVote(server, { people: 60, phoneBallots: 8 });
    const pages = await minutesPdf(session.id);
    expect(pages.length).toBeGreaterThanOrEqual(3);
    expect(pageText(pages[0]!)).not.toContain('(tiếp theo)');
    expect(pageText(pages[0]!)).not.toMatch(/Trang \d/);
    pages.slice(1).forEach((page, i) => {
      expect(pageText(page), `page ${i + 2}`).toContain('BIÊN BẢN KIỂM PHIẾU (tiếp theo)');
      const number = page.items.find((item) => item.str === `Trang ${i + 2}/${pages.length}`);
      expect(number, `page ${i + 2}`).toBeDefined();
      // In the top margin, as Vietnamese documents number pages.
      expect(number!.y).toBeLessThan(MARGIN.top);
    });
  });
});

describe('the minutes PDF page breaks', () => {
  /** Every way the signatures can fall: votes of 1 to 60 people, committees of 3 and 7, 0 to 14 threshold lines. */
  const models = new Map<string, MinutesModel>();
  beforeAll(async () => {
    for (const people of [1, 15, 30, 60]) {
      for (const committee of [3, 7]) {
        const { session } = await closedMinutesVote(server, { people, phoneBallots: 6, committee, sealed: false });
        models.set(`${people}/${committee}`, await loadMinutesModel(server.app.db, session.id));
      }
    }
  });

  it('never leaves the lower half of a page empty before the signatures, and keeps the closing sentence with every block', async () => {
    let cases = 0;
    for (const [key, model] of models) {
      const [people] = key.split('/').map(Number) as [number];
      const line = model.thresholds[0]!;
      // Lists of 0 to 14 lines move the foot of the text across the bottom of a page.
      const lengths = people === 15 ? Array.from({ length: 15 }, (_, k) => k) : people === 30 ? [0, 2, 4, 6, 8, 10, 12, 14] : [0, 7, 14];
      for (const k of lengths) {
        const pages = await pdfLayout(await renderMinutesPdf({ ...model, thresholds: Array.from({ length: k }, () => line) }));
        const where = `${key} (people/committee), ${k} threshold lines`;
        const at = signaturePage(pages);
        expect(at, where).toBeGreaterThanOrEqual(0);
        const page = pages[at]!;
        expect(pageText(page), where).toContain(CLOSING);
        expect(page.items.filter((i) => i.str.trim() === SIGN_NOTE).length, where).toBe(model.signatures.length);
        for (const [p, before] of pages.slice(0, at).entries()) {
          expect(textReach(before, MARGIN.top), `${where}: page ${p + 1} of ${pages.length}`).toBeGreaterThan(0.5);
        }
        // The thresholds heading never stands alone at the foot of a page.
        const headingPage = pages.findIndex((pg) => pg.items.some((i) => i.str.startsWith('Người có kết quả đến ngưỡng')));
        const heading = pages[headingPage]!.items.findIndex((i) => i.str.startsWith('Người có kết quả đến ngưỡng'));
        expect(pages[headingPage]!.items.slice(heading + 1).some((i) => !i.rotated && i.str.trim() !== ''), where).toBe(true);
        // The base note sits on the page where the table ends.
        const tableEnds = pages.findLastIndex((pg) => pg.items.some((i) => i.str === 'Họ và tên, chức vụ'));
        expect(pages.findIndex((pg) => pageText(pg).includes('Tỉ lệ phần trăm tính trên')), where).toBe(tableEnds);
        cases++;
      }
    }
    expect(cases).toBe(2 * (3 + 15 + 8 + 3));
    // A vote on one person with a committee of three is signed on its first page.
    const short = await pdfLayout(await renderMinutesPdf(models.get('1/3')!));
    expect(signaturePage(short)).toBe(0);
  }, 300_000);
});

describe('the draft mark', () => {
  it('is on every page before results are published, and gone once they are', async () => {
    const { session } = await closedMinutesVote(server, { people: 30, phoneBallots: 4 });
    const draft = await minutesPdf(session.id);
    expect(draft.length).toBeGreaterThan(1);
    draft.forEach((page, i) => {
      // Across the page, and plainly in the top margin.
      expect(page.items.some((item) => item.str === 'DỰ THẢO' && item.rotated), `page ${i + 1}`).toBe(true);
      expect(page.items.some((item) => item.str.trim() === 'DỰ THẢO' && !item.rotated && item.y < MARGIN.top), `page ${i + 1}`).toBe(true);
    });
    expect(pageText(draft[0]!)).toContain('Bản dự thảo: kết quả chưa công bố.');
    const html = new TextDecoder().decode((await adminDownload(server, `/api/admin/sessions/${session.id}/minutes`, 'text/html; charset=utf-8')).bytes);
    expect(html).toContain('<div class="draft-mark" aria-hidden="true">DỰ THẢO</div>');
    expect(html).toContain('<link rel="stylesheet" href="/print/minutes-draft.css">');

    await server.admin.call('POST /api/admin/sessions/:id/publish', { params: { id: session.id } });
    const final = await minutesPdf(session.id);
    // The draft's note takes a line, which may move a page break.
    expect(final.length).toBeGreaterThanOrEqual(draft.length - 1);
    for (const page of final) {
      expect(pageText(page)).not.toContain('DỰ THẢO');
      expect(pageText(page)).not.toContain('dự thảo');
    }
    const published = new TextDecoder().decode((await adminDownload(server, `/api/admin/sessions/${session.id}/minutes`, 'text/html; charset=utf-8')).bytes);
    expect(published).not.toContain('DỰ THẢO');
    expect(published).not.toContain('minutes-draft.css');
  });
});
