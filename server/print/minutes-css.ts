/**
 * The minutes print page's style sheets, served from `/print/` (routes/print-assets.ts) so
 * the page needs no inline style under the CSP. Noto Serif comes from this server, never the
 * internet. Page numbers and the running title sit in the @page margin boxes, which Chromium
 * prints (from version 131); the first page has none, as Vietnamese documents number pages.
 */
import { fontFaceCss, SANS_FACES, SERIF_FACES } from './fonts';

const FONT_FACES = `${fontFaceCss(SERIF_FACES, 'Noto Serif')}\n${fontFaceCss({ 'dejavu-sans-mono-bold.ttf': SANS_FACES['dejavu-sans-mono-bold.ttf'] })}`;

const MARGIN_BOX = 'font-family: "Noto Serif", serif; font-style: italic; font-size: 9pt; color: #444;';

export const MINUTES_CSS = `${FONT_FACES}
@page {
  size: A4;
  margin: 20mm 15mm 20mm 25mm;
  @top-center { content: "BIÊN BẢN KIỂM PHIẾU (tiếp theo)"; ${MARGIN_BOX} }
  @top-right { content: "Trang " counter(page) "/" counter(pages); ${MARGIN_BOX} }
}
@page :first {
  @top-center { content: none; }
  @top-right { content: none; }
}
* { box-sizing: border-box; }
body { font-family: "Noto Serif", serif; font-size: 13pt; line-height: 1.25; color: #000; background: #fff; margin: 0; }
main { max-width: 170mm; margin: 0 auto; padding: 12mm 0; }
@media print { main { max-width: none; padding: 0; } }
p { margin: 0 0 3pt; }
.head { display: grid; grid-template-columns: 42% 58%; text-align: center; margin-bottom: 10pt; }
.head p { margin: 0; }
.head .issuer p, .head .state { font-size: 12pt; }
.head .rule { display: block; width: 40%; margin: 2px auto 0; border-top: 1px solid #000; }
.head .date { margin-top: 6pt; }
.b { font-weight: bold; }
.i { font-style: italic; }
.pre { white-space: pre-line; }
.justify { text-align: justify; }
.code { font-family: "DejaVu Sans Mono", "Courier New", monospace; font-weight: bold; font-size: 11.5pt; letter-spacing: 0.03em; }
h1 { text-align: center; font-size: 14pt; margin: 6pt 0 0; }
.sub { text-align: center; font-weight: bold; margin: 0; }
.draft-note { text-align: center; font-style: italic; font-size: 11pt; color: #b00000; margin: 3pt 0 0; }
.intro { margin-top: 8pt; }
ul { list-style: none; padding-left: 1.2em; margin: 0 0 4pt; }
table { width: 100%; border-collapse: collapse; font-size: 10pt; line-height: 1.25; margin: 6pt 0; }
th, td { border: 1px solid #000; padding: 2pt 3pt; vertical-align: top; }
th { background: #eee; font-size: 9pt; }
td.n { text-align: right; white-space: nowrap; }
/* The name column takes what the figures leave, but never less than a third: names wrap, figures do not. */
.results thead tr:first-child th:nth-child(2) { width: 34%; }
.appendix th:nth-child(1) { width: 20%; }
.appendix th:nth-child(2) { width: 17%; }
.appendix th:nth-child(3) { width: 26%; }
thead { display: table-header-group; }
tr { break-inside: avoid; }
/* The closing sentence and every signature block stay on one page; the thresholds list runs
   on before them (holding it back with them left most of a page empty). */
.thresholds-heading { break-after: avoid; }
.closing { break-inside: avoid; margin-top: 4pt; }
.sig { margin-top: 6pt; text-align: center; }
.sig-row { display: flex; justify-content: center; }
.sig-row + .sig-row { margin-top: 12pt; }
.sig-block { padding: 0 4pt; }
.cols-1 .sig-block { flex: 0 0 50%; }
.cols-2 .sig-block { flex: 0 0 50%; }
.cols-3 .sig-block { flex: 0 0 33.333%; }
.cols-4 .sig-block { flex: 0 0 25%; }
.sig-block .note { font-style: italic; font-size: 11pt; }
.sig-block .name { margin-top: 15mm; font-weight: bold; min-height: 1.25em; }
.appendix { break-before: page; font-size: 10.5pt; }
.appendix h2 { font-size: 13pt; text-align: center; }
.appendix table { font-size: 9pt; }
`;

/** Added for minutes printed before results are published: "DỰ THẢO" on every page. */
export const MINUTES_DRAFT_CSS = `
/* Fixed: Chromium prints it on every page. */
.draft-mark { position: fixed; top: 50%; left: 50%; transform: translate(-50%, -50%) rotate(-45deg); font-size: 110pt; font-weight: bold; color: rgba(192, 0, 0, 0.13); white-space: nowrap; pointer-events: none; z-index: 1; }
@page { @top-left { content: "DỰ THẢO"; font-family: "Noto Serif", serif; font-weight: bold; font-size: 10pt; color: #b00000; } }
`;
