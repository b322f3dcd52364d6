/** The slips as one HTML page to print from the browser: no script; its style sheet and fonts come from this server's /print/. */
import { fontFaceCss, SANS_FACES } from './fonts';
import { escapeHtml } from './html';
import { PAGE_MM, QR_MM, QR_QUIET, SLIP_MM, SLIP_TEXT_STEPS, SLIPS_PER_PAGE, qrMatrix, qrRuns, slipTextStep, type SlipFace } from './slip-sheet';


function qrSvg(url: string): string {
  const matrix = qrMatrix(url);
  const size = matrix.length + 2 * QR_QUIET;
  const d = qrRuns(matrix)
    .map(([x, y, n]) => `M${x + QR_QUIET} ${y + QR_QUIET}h${n}v1h-${n}z`)
    .join('');
  return `<svg class="qr" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${size} ${size}" width="${QR_MM}mm" height="${QR_MM}mm" shape-rendering="crispEdges" role="img" aria-label="QR"><path fill="#000" d="${d}"/></svg>`;
}

function slipHtml(face: SlipFace): string {
  return `<div class="slip" data-url="${escapeHtml(face.url)}">${qrSvg(face.url)}<div class="text fit-${slipTextStep(face)}"><div class="heading">${escapeHtml(face.heading)}</div><div class="title">${escapeHtml(face.title)}</div><div class="org">${escapeHtml(face.organisation)}</div><div class="code">${escapeHtml(face.code)}</div><ol>${face.instructions.map((l) => `<li>${escapeHtml(l)}</li>`).join('')}</ol></div></div>`;
}

/** The slips page's style sheet, served as /print/slips.css (no inline style under the CSP). */
export const SLIPS_CSS = `${fontFaceCss(SANS_FACES)}
@page { size: A4 portrait; margin: 0; }
* { box-sizing: border-box; }
html, body { margin: 0; font-family: "DejaVu Sans", "Noto Sans", Arial, sans-serif; color: #000; }
.note { padding: 12px 16px; background: #fff7d6; border-bottom: 1px solid #d9c37a; font-size: 15px; }
.page { width: ${PAGE_MM.width}mm; height: ${PAGE_MM.height}mm; display: grid; grid-template-columns: repeat(2, ${SLIP_MM.width}mm); grid-auto-rows: ${SLIP_MM.height}mm; page-break-after: always; break-after: page; overflow: hidden; }
.slip { border: 0.3mm dashed #777; display: flex; align-items: flex-start; gap: 3mm; padding: 5mm 5mm 4mm 4mm; overflow: hidden; }
.qr { flex: none; }
.text { min-width: 0; font-size: 2.9mm; line-height: 1.3; }
.heading { font-weight: bold; font-size: 3.4mm; letter-spacing: 0.2mm; }
.title { font-weight: bold; margin-top: 1mm; overflow-wrap: anywhere; }
/* Wrapped whole, never cut: a long title or organisation is set smaller instead (slipTextStep). */
.org { color: #333; overflow-wrap: anywhere; }
${SLIP_TEXT_STEPS.map((s, i) => `.fit-${i} .title { font-size: ${s.titleMm}mm; } .fit-${i} .org { font-size: ${s.orgMm}mm; }`).join('\n')}
.code { font-family: "DejaVu Sans Mono", monospace; font-size: 5mm; font-weight: bold; margin: 1.5mm 0; letter-spacing: 0.3mm; }
ol { margin: 0; padding-left: 4mm; font-size: 2.6mm; }
@media screen { body { background: #888; } .page { background: #fff; margin: 8mm auto; box-shadow: 0 1mm 4mm rgba(0,0,0,.4); } }
@media print { .note { display: none; } }
`;

/** One HTML document with every slip, 8 per A4 page. */
export function renderSlipsHtml(faces: SlipFace[], title: string): string {
  const pages: string[] = [];
  for (let i = 0; i < faces.length; i += SLIPS_PER_PAGE) {
    pages.push(`<section class="page">${faces.slice(i, i + SLIPS_PER_PAGE).map(slipHtml).join('')}</section>`);
  }
  const note = `In ${faces.length} phiếu trên ${pages.length} trang A4: nhấn Ctrl+P, khổ A4, tỉ lệ 100%, không lề. Cắt theo đường nét đứt. / Print ${faces.length} slips on ${pages.length} A4 pages: Ctrl+P, A4, scale 100%, no margins. Cut along the dashed lines.`;
  return `<!doctype html><html lang="vi"><head><meta charset="utf-8"><meta name="referrer" content="no-referrer"><title>${escapeHtml(`Phiếu — ${title}`)}</title><link rel="stylesheet" href="/print/slips.css"></head><body><div class="note">${escapeHtml(note)}</div>${pages.join('')}</body></html>`;
}
