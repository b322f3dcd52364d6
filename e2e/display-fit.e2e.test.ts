/**
 * The projector never cuts a name: real Chromium at 1280×720 and 1920×1080, the real server,
 * votes of 1, 15 and 60 people with very long real-looking Vietnamese names and positions
 * (and a long title). Before and during voting, with the box sealed and opened, on every page
 * of the published results (turned with Page Down) and under the QR overlay, in Vietnamese and
 * English, and on the wrong-key screen: every name and position fits its box (wrapped, never
 * an ellipsis), every row is on the screen, the type is never below the floor of
 * docs/results.md, every text is legible on its real background (contrast of the colours the
 * browser paints), and the turnout bar's legend carries the right numbers and shades.
 * Screenshots: e2e/screenshots/display-fit-*.png.
 */
import type { Browser, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { NAME_MIN, SMALL_RATIO } from '../client/display/fit-type';
import { castBallots, randomMarks, seeded, type Marks } from '../test/results';
import { prepareSession, type TestServer } from '../test/server';
import type { TallyResult } from '../shared/tally';
import { PROJECTOR, screenshot, useServerAndBrowser } from './browser';

const SMALL = { width: 1280, height: 720 };
const SIZES = [SMALL, PROJECTOR];

const TITLE = 'Hội nghị lấy phiếu tín nhiệm đối với người giữ chức vụ do Hội đồng nhân dân tỉnh bầu, nhiệm kỳ 2021 - 2026';
const NAMES = [
  'Công Tằng Tôn Nữ Thị Hoàng Quỳnh Như',
  'Nguyễn Huỳnh Phương Thảo Nguyên',
  'Tôn Nữ Thị Ngọc Diễm Phượng',
  'Hoàng Thị Nguyễn Khánh Huyền Trang',
  'Lê Phạm Thành Nguyễn Quốc Hưng',
  'Trương Công Nguyễn Thị Thùy Dương',
  'Âu Dương Nguyễn Ngọc Bảo Khuyên',
  'Vĩnh Tôn Nữ Thị Lệ Thủy',
  'Bùi Nguyễn Hoàng Phương Uyên',
  'Đặng Thị Quỳnh',
];
const POSITIONS = [
  'Phó Bí thư Thường trực Tỉnh ủy, Chủ tịch Hội đồng nhân dân tỉnh',
  'Ủy viên Ban Thường vụ Tỉnh ủy, Phó Chủ tịch Thường trực Ủy ban nhân dân tỉnh, Trưởng Ban Chỉ đạo phòng, chống tham nhũng, tiêu cực tỉnh',
  'Tỉnh ủy viên, Giám đốc Sở Nông nghiệp và Phát triển nông thôn',
  'Ủy viên Ban Thường vụ Tỉnh ủy, Bí thư Thành ủy Hạ Long, Chủ tịch Hội đồng nhân dân thành phố',
  'Trưởng Ban Dân tộc Hội đồng nhân dân tỉnh',
  'Tỉnh ủy viên, Chủ nhiệm Ủy ban Kiểm tra Tỉnh ủy, Trưởng Ban Pháp chế Hội đồng nhân dân tỉnh',
];

let server: TestServer;
let browser: Browser;
useServerAndBrowser((s, b) => ((server = s), (browser = b)));

interface Measured {
  page: number;
  names: string[];
  problems: string[];
  nameSizes: number[];
}

/**
 * Everything the hall must be able to read, measured in the page once layout and the bundled
 * font have settled: names and positions whole and inside their rows, rows on the screen,
 * type sizes, contrast of every text on its painted background.
 */
async function measure(page: Page): Promise<Measured> {
  await page.evaluate(() => document.fonts.ready);
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
  return page.evaluate(
    ({ nameMin, textMin }) => {
      const problems: string[] = [];
      const vw = innerWidth;
      const vh = innerHeight;
      const rgba = (c: string): number[] => {
        const m = /rgba?\(([^)]+)\)/.exec(c);
        if (!m) return [0, 0, 0, 0];
        const v = m[1]!.split(/[ ,/]+/).filter(Boolean).map(Number);
        return [v[0]!, v[1]!, v[2]!, v[3] ?? 1];
      };
      const lum = ([r, g, b]: number[]) =>
        [r!, g!, b!].map((c) => c / 255).map((c) => (c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4)).reduce((sum, c, i) => sum + c * [0.2126, 0.7152, 0.0722][i]!, 0);
      // The colour painted behind an element: its own and its ancestors' backgrounds, composited.
      const background = (el: Element): number[] => {
        const layers: number[][] = [];
        for (let e: Element | null = el; e; e = e.parentElement) {
          const c = rgba(getComputedStyle(e).backgroundColor);
          if (c[3]! > 0) layers.push(c);
          if (c[3] === 1) break;
        }
        let out = [255, 255, 255];
        for (const [r, g, b, a] of layers.reverse()) out = [r! * a! + out[0]! * (1 - a!), g! * a! + out[1]! * (1 - a!), b! * a! + out[2]! * (1 - a!)];
        return out;
      };
      const inside = (r: DOMRect, box: { left: number; top: number; right: number; bottom: number }) =>
        r.left >= box.left - 1 && r.top >= box.top - 1 && r.right <= box.right + 1 && r.bottom <= box.bottom + 1;
      const screen = { left: 0, top: 0, right: vw, bottom: vh };

      for (const el of document.querySelectorAll<HTMLElement>('body *')) {
        const cs = getComputedStyle(el);
        if (cs.textOverflow === 'ellipsis') problems.push(`ellipsis on ${el.className}`);
        if (cs.webkitLineClamp && cs.webkitLineClamp !== 'none') problems.push(`line clamp on ${el.className}`);
        const ownText = [...el.childNodes].some((n) => n.nodeType === Node.TEXT_NODE && n.textContent!.trim() !== '');
        if (!ownText || el.getClientRects().length === 0) continue;
        const r = el.getBoundingClientRect();
        if (!inside(r, screen)) problems.push(`off screen: ${el.textContent}`);
        const size = parseFloat(cs.fontSize);
        if (el.closest('.results, .turnout') && size < textMin - 0.01) problems.push(`${size}px text: ${el.textContent}`);
        const fg = rgba(cs.color);
        const bg = background(el);
        const painted = [0, 1, 2].map((i) => fg[i]! * fg[3]! + bg[i]! * (1 - fg[3]!));
        const [hi, lo] = [lum(painted), lum(bg)].sort((a, b) => b - a);
        const ratio = (hi! + 0.05) / (lo! + 0.05);
        const large = size >= 24 || (size >= 18.66 && Number(cs.fontWeight) >= 700);
        if (ratio < (large ? 3 : 4.5)) problems.push(`contrast ${ratio.toFixed(2)} for "${el.textContent}" (${cs.color} on rgb(${bg.map(Math.round).join(',')}))`);
      }

      const rows = [...document.querySelectorAll<HTMLElement>('[data-testid="result-row"]')];
      const below = document.querySelector('.consequences')?.getBoundingClientRect().top ?? vh;
      let previousBottom = 0;
      for (const row of rows) {
        const box = row.getBoundingClientRect();
        if (!inside(box, screen) || box.bottom > below + 1) problems.push(`row ${row.dataset.order} outside the screen or under the consequences`);
        if (box.top < previousBottom - 1) problems.push(`row ${row.dataset.order} overlaps the row above`);
        previousBottom = box.bottom;
        for (const el of row.querySelectorAll<HTMLElement>('.name, .position, .tag, .invalid-note, .count, .percent')) {
          if (el.scrollWidth > el.clientWidth + 1 || el.scrollHeight > el.clientHeight + 1) problems.push(`cut (${el.className}): ${el.textContent}`);
          if (!inside(el.getBoundingClientRect(), box)) problems.push(`out of its row (${el.className}): ${el.textContent}`);
        }
        for (const el of row.querySelectorAll<HTMLElement>('.position')) {
          const lines = Math.round(el.clientHeight / parseFloat(getComputedStyle(el).lineHeight));
          if (lines > 2) problems.push(`position on ${lines} lines: ${el.textContent}`);
        }
      }
      const names = [...document.querySelectorAll<HTMLElement>('[data-testid="result-row"] .name')];
      return {
        page: Number(document.querySelector<HTMLElement>('[data-testid="results"]')?.dataset.page ?? 0),
        names: names.map((n) => n.textContent!),
        problems,
        nameSizes: names.map((n) => {
          const size = parseFloat(getComputedStyle(n).fontSize);
          if (size < nameMin - 0.01) problems.push(`name at ${size}px: ${n.textContent}`);
          return size;
        }),
      };
    },
    { nameMin: NAME_MIN * (page.viewportSize()!.height), textMin: NAME_MIN * SMALL_RATIO * page.viewportSize()!.height },
  );
}

async function projector(viewport: { width: number; height: number }, link: string) {
  const context = await browser.newContext({ viewport });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (err) => errors.push(err.message));
  // The fitting sets sizes through the CSSOM, which a CSP without 'unsafe-inline' styles allows.
  page.on('console', (msg) => {
    if (msg.type() === 'error' && /Content Security Policy/i.test(msg.text())) errors.push(msg.text());
  });
  await page.goto(link);
  return { page, errors, viewport };
}

async function legend(page: Page): Promise<Record<string, { value: string; label: string; swatch: string | null | undefined }>> {
  return page.evaluate(() =>
    Object.fromEntries(
      [...document.querySelectorAll<HTMLElement>('[data-testid="turnout-legend"] .figure')].map((f) => [
        f.dataset.key,
        { value: f.querySelector('.figure-value')!.textContent!, label: f.querySelector('.figure-label')!.textContent!, swatch: f.querySelector('.swatch rect')?.getAttribute('fill') },
      ]),
    ),
  );
}

/** The three shades of the bar are the three swatches of its legend, each as long as its number. */
async function barMatchesLegend(page: Page, numbers: { collected: number; issued: number; present: number }): Promise<void> {
  const bar = await page.evaluate(() =>
    Object.fromEntries(
      [...document.querySelectorAll<SVGRectElement>('.turnout-bar rect[data-key]')].map((r) => [r.dataset.key, { width: Number(r.getAttribute('width')), fill: r.getAttribute('fill') }]),
    ),
  );
  const swatches = await page.evaluate(() =>
    Object.fromEntries([...document.querySelectorAll<HTMLElement>('[data-testid="turnout-legend"] .figure')].map((f) => [f.dataset.key, f.querySelector('.swatch rect')!.getAttribute('fill')])),
  );
  const scale = Math.max(numbers.collected, numbers.issued, numbers.present, 1);
  for (const key of ['collected', 'issued', 'present'] as const) {
    expect(bar[key]!.fill).toBe(swatches[key]);
    expect(bar[key]!.width).toBeCloseTo((numbers[key] / scale) * 1000, 3);
  }
  expect(new Set(Object.values(swatches)).size).toBe(3);
}

const LEGEND_VI = { collected: 'Tổng số phiếu thu về', issued: 'Tổng số phiếu phát ra', present: 'Số người có mặt' };
const LEGEND_EN = { collected: 'Ballots collected', issued: 'Ballots handed out', present: 'Present' };

async function setLanguage(page: Page, lang: 'vi' | 'en'): Promise<void> {
  const now = await page.evaluate(() => document.documentElement.lang);
  if (now === lang) return;
  await page.getByRole('button', { name: lang === 'en' ? 'English' : 'Tiếng Việt' }).click();
  await page.waitForFunction((l) => document.documentElement.lang === l, lang);
}

/**
 * Every page of the results, measured; the pages are turned with Page Down as a clicker does.
 * Together they list everyone once, in printed order, at most 15 a page.
 */
async function everyPage(page: Page, results: TallyResult): Promise<Measured[]> {
  const pages = Number(await page.getByTestId('results').getAttribute('data-pages'));
  const seen = new Map<number, Measured>();
  for (let tries = 0; seen.size < pages && tries < pages * 3; tries++) {
    // A page may turn by itself between two looks: whatever page was measured is kept.
    const m = await measure(page);
    seen.set(m.page, m);
    if (seen.size < pages) {
      await page.keyboard.press('PageDown');
      await page.waitForFunction((p) => document.querySelector<HTMLElement>('[data-testid="results"]')?.dataset.page !== String(p), m.page);
    }
  }
  const measured = [...seen.values()].sort((a, b) => a.page - b.page);
  expect(measured.map((m) => m.page)).toEqual(Array.from({ length: pages }, (_, i) => i + 1));
  expect(measured.flatMap((m) => m.names)).toEqual(results.persons.map((p) => p.fullName));
  for (const m of measured) expect(m.names.length).toBeLessThanOrEqual(15);
  if (pages > 1) expect(await page.getByTestId('page-no').textContent()).toMatch(new RegExp(`^(Trang|Page) \\d+/${pages}$`));
  return measured;
}

describe('the projector fits every name', () => {
  it('a wrong key: the message is legible at both sizes', async () => {
    const { session } = await prepareSession(server.admin, { persons: 1, slips: 1 });
    for (const size of SIZES) {
      const d = await projector(size, `${server.url}/display/${session.id}#wrong-key`);
      await d.page.getByRole('alert').waitFor();
      expect((await measure(d.page)).problems).toEqual([]);
      expect(await d.page.getByRole('heading', { level: 1 }).textContent()).toBe('Đường dẫn màn hình chiếu không đúng.');
      expect(d.errors).toEqual([]);
    }
  });


  for (const people of [1, 15, 60]) {
    it(`${people} ${people === 1 ? 'person' : 'people'}: turnout and every results page at 1280×720 and 1920×1080, Vietnamese and English`, async () => {
      const { session, persons, slips, shares } = await prepareSession(server.admin, { persons: people, slips: 9, summoned: 40, present: 36 });
      await server.admin.call('PATCH /api/admin/sessions/:id', { params: { id: session.id }, body: { title: TITLE } });
      const { persons: named } = await server.admin.call('PUT /api/admin/sessions/:id/persons', { params: { id: session.id }, body: {
        persons: persons.map((p, i) => ({ id: p.id, fullName: NAMES[i % NAMES.length]!, position: i % 7 === 6 ? '' : POSITIONS[i % POSITIONS.length]! })),
      } });
      const ids = (named as { id: string }[]).map((p) => p.id);
      const link = `${server.url}/display/${session.id}#${session.displayKey}`;
      const displays = await Promise.all(SIZES.map((size) => projector(size, link)));
      const tag = (d: { viewport: { width: number } }, what: string) => `display-fit-${people}-${what}-${d.viewport.width}`;

      // Before voting: the legend with its numbers, nothing cut, every text legible.
      for (const d of displays) {
        await d.page.getByText('Chưa bắt đầu bỏ phiếu').waitFor();
        expect(await legend(d.page)).toEqual({
          collected: { value: '0', label: LEGEND_VI.collected, swatch: expect.any(String) },
          issued: { value: '9', label: LEGEND_VI.issued, swatch: expect.any(String) },
          present: { value: '36', label: LEGEND_VI.present, swatch: expect.any(String) },
        });
        await barMatchesLegend(d.page, { collected: 0, issued: 9, present: 36 });
        expect((await measure(d.page)).problems).toEqual([]);
      }

      // Voting: 7 of 9 ballots. Person 1: only "low" (2/3 crossed); person 2: 4 of 7 low (over 1/2).
      await server.admin.call('POST /api/admin/sessions/:id/open', { params: { id: session.id }, body: {} });
      const random = seeded(people);
      const ballots: Marks[] = Array.from({ length: 7 }, (_, i) => ({
        ...randomMarks(random, ids, ['high', 'medium', 'low'], 0.1),
        [ids[0]!]: 'low',
        ...(ids[1] ? { [ids[1]]: i < 4 ? 'low' : 'high' } : {}),
      }));
      await castBallots(server.url, session.id, slips.slice(0, 7), ballots);
      for (const d of displays) {
        await d.page.waitForFunction(() => document.querySelector('[data-testid="collected"]')?.textContent === '7');
        for (const lang of ['vi', 'en'] as const) {
          await setLanguage(d.page, lang);
          const labels = lang === 'vi' ? LEGEND_VI : LEGEND_EN;
          expect(await legend(d.page)).toEqual({
            collected: { value: '7', label: labels.collected, swatch: expect.any(String) },
            issued: { value: '9', label: labels.issued, swatch: expect.any(String) },
            present: { value: '36', label: labels.present, swatch: expect.any(String) },
          });
          await barMatchesLegend(d.page, { collected: 7, issued: 9, present: 36 });
          expect((await measure(d.page)).problems).toEqual([]);
          if (people === 15) await screenshot(d.page, tag(d, `turnout-${lang}`));
        }
        await setLanguage(d.page, 'vi');
        // Secret until published: not a single row while voting.
        expect(await d.page.getByTestId('result-row').count()).toBe(0);
      }

      await server.admin.call('POST /api/admin/sessions/:id/close', { params: { id: session.id } });
      for (const d of displays) {
        await d.page.getByTestId('box-locked').waitFor();
        expect(await d.page.getByTestId('result-row').count()).toBe(0);
        expect((await measure(d.page)).problems).toEqual([]);
      }
      await server.admin.openBox(session.id, shares.slice(0, 2));
      for (const d of displays) {
        await d.page.getByTestId('receipts').waitFor();
        expect(await d.page.getByTestId('result-row').count()).toBe(0);
        expect((await measure(d.page)).problems).toEqual([]);
        if (people === 15) await screenshot(d.page, tag(d, 'box-opened'));
      }

      await server.admin.call('POST /api/admin/sessions/:id/publish', { params: { id: session.id } });
      const results = (await server.admin.call('GET /api/admin/sessions/:id/results', { params: { id: session.id } })) as TallyResult;
      expect(results.persons[0]!.thresholds.length).toBeGreaterThan(0);
      for (const d of displays) {
        await d.page.getByTestId('results').waitFor();
        for (const lang of ['vi', 'en'] as const) {
          await setLanguage(d.page, lang);
          const measured = await everyPage(d.page, results);
          for (const m of measured) expect(m.problems, `page ${m.page}, ${lang}, ${d.viewport.width}`).toEqual([]);
          // The type follows the number on the page: one person is read from much farther than fifteen.
          const size = Math.min(...measured.flatMap((m) => m.nameSizes)) / d.viewport.height;
          if (people === 1) expect(size).toBeGreaterThan(NAME_MIN * 1.8);
          await screenshot(d.page, tag(d, `results-${lang}`));
        }
        // The QR over the results, on request: legible too.
        await d.page.keyboard.press('q');
        await d.page.getByTestId('receipts-overlay').waitFor();
        expect((await measure(d.page)).problems).toEqual([]);
        await d.page.keyboard.press('q');
        await d.page.getByTestId('receipts-overlay').waitFor({ state: 'detached' });
        await setLanguage(d.page, 'vi');
        expect(d.errors).toEqual([]);
      }
    });
  }
});
