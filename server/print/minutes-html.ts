/**
 * The minutes as an A4 print page: the same model as the PDF, as self-contained HTML
 * (inline style, no script, nothing fetched) that the browser prints with Ctrl+P.
 */
import type { MinutesModel } from '../domain/minutes-model';

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

const STYLE = `
@page { size: A4; margin: 18mm 15mm 18mm 20mm; }
* { box-sizing: border-box; }
body { font-family: "Times New Roman", "DejaVu Serif", serif; font-size: 13pt; line-height: 1.4; color: #000; background: #fff; margin: 0; }
main { max-width: 180mm; margin: 0 auto; padding: 12mm 0; }
@media print { main { padding: 0; } }
.head { display: grid; grid-template-columns: 42% 58%; text-align: center; }
.head .rule { display: block; width: 40%; margin: 2px auto 0; border-top: 1px solid #000; }
.head p { margin: 0; }
.b { font-weight: bold; }
.box { text-align: justify; }
.code { font-family: "DejaVu Sans Mono", "Courier New", monospace; font-weight: bold; letter-spacing: 0.03em; }
.i { font-style: italic; }
h1 { text-align: center; font-size: 16pt; margin: 18px 0 2px; }
.sub { text-align: center; font-weight: bold; margin: 0; }
ul { list-style: none; padding-left: 1.2em; margin: 4px 0; }
table { width: 100%; border-collapse: collapse; font-size: 10.5pt; margin: 8px 0; }
th, td { border: 1px solid #000; padding: 3px 4px; vertical-align: top; }
th { background: #eee; }
td.n { text-align: right; white-space: nowrap; }
thead tr:first-child th:nth-child(2) { width: 32%; }
/* The signatures never stand alone on a page: the closing sentence always goes with them,
   and the thresholds list too when it fits (a longer list breaks, the inner group does not). */
.ending, .closing { break-inside: avoid; }
.ending > .b { break-after: avoid; }
.sig { display: grid; grid-template-columns: 1fr 1fr; text-align: center; margin-top: 18px; break-inside: avoid; }
.sig .name { margin-top: 60px; font-weight: bold; }
.appendix { break-before: page; font-size: 10.5pt; }
.appendix h2 { font-size: 12pt; text-align: center; }
`;

export function renderMinutesHtml(model: MinutesModel): string {
  const e = escapeHtml;
  const levelHeads = model.levelLabels.map((l) => `<th colspan="2">${e(l)}</th>`).join('');
  const levelSub = model.levelLabels.map(() => '<th>Số phiếu</th><th>Tỉ lệ</th>').join('');
  const rows = model.rows
    .map(
      (r) =>
        `<tr><td class="n">${e(r.order)}</td><td><span class="b">${e(r.fullName)}</span><br>${e(r.position)}</td>` +
        `<td class="n">${e(r.valid)}</td><td class="n">${e(r.invalid)}</td>` +
        r.levels.map((l) => `<td class="n">${e(l.count)}</td><td class="n">${e(l.percent)}</td>`).join('') +
        '</tr>',
    )
    .join('\n');
  const committee =
    model.committee.length === 0
      ? '<li>(Chưa ghi thành phần Ban kiểm phiếu.)</li>'
      : model.committee.map((m, i) => `<li>${i + 1}. ${e(m.fullName)} — ${e(m.role)}</li>`).join('');
  const signatures = model.signatures
    .map(
      (s) =>
        `<div><p class="b">${e(s.title)}</p><p class="i">(Ký, ghi rõ họ tên)</p>` +
        (s.names.length > 0 ? s.names : ['']).map((n) => `<p class="name">${e(n) || '&nbsp;'}</p>`).join('') +
        '</div>',
    )
    .join('');
  return `<!doctype html>
<html lang="vi"><head><meta charset="utf-8"><meta name="referrer" content="no-referrer">
<title>${e(model.title)} — ${e(model.subtitle.join(' — '))}</title><style>${STYLE}</style></head>
<body><main>
<div class="head">
  <div>${model.issuer.map((l, i) => `<p${i === model.issuer.length - 1 ? ' class="b"' : ''}>${e(l)}</p>`).join('')}<span class="rule"></span></div>
  <div><p class="b">${e(model.header)}</p>${model.motto ? `<p class="b">${e(model.motto)}</p>` : ''}<span class="rule"></span>
  <p class="i" style="margin-top:6px">${e(model.placeDate)}</p></div>
</div>
<h1>${e(model.title)}</h1>
${model.subtitle.map((s) => `<p class="sub">${e(s)}</p>`).join('')}
<p>${e(model.intro)}</p>
<ul>${committee}</ul>
<p class="box">${e(model.box.statement)}</p>
${
  model.box.facts.length === 0
    ? ''
    : `<ul>${model.box.facts.map((f) => `<li>– ${e(f.label)}: ${f.code ? `<span class="code">${e(f.value)}</span>` : e(f.value)}</li>`).join('')}</ul>`
}
<p class="b">${e(model.resultsHeading)}</p>
<ul>${model.counts.map((c) => `<li>– ${e(c.label)}: ${e(c.value)}</li>`).join('')}</ul>
<table>
<thead><tr><th rowspan="2">STT</th><th rowspan="2">Họ và tên, chức vụ</th><th rowspan="2">Số phiếu hợp lệ</th><th rowspan="2">Số phiếu không hợp lệ</th>${levelHeads}</tr>
<tr>${levelSub}</tr></thead>
<tbody>
${rows}
</tbody></table>
<p class="i" style="white-space: pre-line">${e(model.baseNote)}</p>
<div class="ending">
<p class="b">${e(model.thresholdsHeading)}</p>
<ul>${model.thresholds.length === 0 ? '<li>Không có.</li>' : model.thresholds.map((t) => `<li>${e(t)}</li>`).join('')}</ul>
<div class="closing">
<p>${e(model.closing)}</p>
<div class="sig">${signatures}</div>
</div>
</div>
${
  model.appendix.rows.length === 0
    ? ''
    : `<section class="appendix"><h2>${e(model.appendix.heading)}</h2><p class="i">${e(model.appendix.note)}</p>
<table><thead><tr><th>Thời gian</th><th>Người thao tác</th><th>Sự kiện</th><th>Chi tiết</th></tr></thead><tbody>
${model.appendix.rows.map((r) => `<tr><td>${e(r.at)}</td><td>${e(r.actor)}</td><td>${e(r.event)}</td><td>${e(r.detail)}</td></tr>`).join('\n')}
</tbody></table></section>`
}
</main></body></html>
`;
}
