/**
 * The minutes as an A4 print page: the same model as the PDF and the .docx, as HTML with no
 * script and no inline style (its style sheets and Noto Serif come from this server's
 * `/print/`), that the browser prints with Ctrl+P.
 */
import type { MinutesModel } from '../domain/minutes-model';
import { escapeHtml as e } from './html';
import { signatureColumns, signatureRows } from './minutes-signature-rows';

/** The style sheets the page links, in order (routes/print-assets.ts serves them). */
export function minutesStylesheets(model: MinutesModel): string[] {
  return model.draft ? ['/print/minutes.css', '/print/minutes-draft.css'] : ['/print/minutes.css'];
}

function signaturesHtml(model: MinutesModel): string {
  const rows = signatureRows(model.signatures);
  const block = (s: MinutesModel['signatures'][number]) =>
    `<div class="sig-block"><p class="b">${e(s.title)}</p><p class="note">(Ký, ghi rõ họ tên)</p><p class="name">${e(s.name)}</p></div>`;
  return `<div class="sig cols-${signatureColumns(model.signatures.length)}">${rows.map((row) => `<div class="sig-row">${row.map(block).join('')}</div>`).join('')}</div>`;
}

function tableHtml(model: MinutesModel): string {
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
  return `<table class="results">
<thead><tr><th rowspan="2">STT</th><th rowspan="2">Họ và tên, chức vụ</th><th rowspan="2">Số phiếu hợp lệ</th><th rowspan="2">Số phiếu không hợp lệ</th>${levelHeads}</tr>
<tr>${levelSub}</tr></thead>
<tbody>
${rows}
</tbody></table>`;
}

function appendixHtml(model: MinutesModel): string {
  const { appendix } = model;
  if (appendix.rows.length === 0) return '';
  return `<section class="appendix"><h2>${e(appendix.heading)}</h2><p class="i">${e(appendix.note)}</p>
<table><thead><tr><th>Thời gian</th><th>Người thao tác</th><th>Sự kiện</th><th>Chi tiết</th></tr></thead><tbody>
${appendix.rows.map((r) => `<tr><td>${e(r.at)}</td><td>${e(r.actor)}</td><td>${e(r.event)}</td><td>${e(r.detail)}</td></tr>`).join('\n')}
</tbody></table></section>`;
}

export function renderMinutesHtml(model: MinutesModel): string {
  const committee =
    model.committee.length === 0
      ? '<li>(Chưa ghi thành phần Ban kiểm phiếu.)</li>'
      : model.committee.map((m, i) => `<li>${i + 1}. ${e(m.fullName)} — ${e(m.role)}</li>`).join('');
  const facts =
    model.box.facts.length === 0
      ? ''
      : `<ul>${model.box.facts.map((f) => `<li>– ${e(f.label)}: ${f.code ? `<span class="code">${e(f.value)}</span>` : e(f.value)}</li>`).join('')}</ul>`;
  const thresholds = model.thresholds.length === 0 ? '<li>Không có.</li>' : model.thresholds.map((t) => `<li>${e(t)}</li>`).join('');
  const title = `${model.draft ? `${model.draft.mark} — ` : ''}${model.title} — ${model.subtitle.join(' — ')}`;
  return `<!doctype html>
<html lang="vi"><head><meta charset="utf-8"><meta name="referrer" content="no-referrer">
<title>${e(title)}</title>
${minutesStylesheets(model).map((href) => `<link rel="stylesheet" href="${href}">`).join('\n')}
</head>
<body${model.draft ? ' class="draft"' : ''}>
${model.draft ? `<div class="draft-mark" aria-hidden="true">${e(model.draft.mark)}</div>` : ''}
<main>
<div class="head">
  <div class="issuer">${model.issuer.map((l, i) => `<p${i === model.issuer.length - 1 ? ' class="b"' : ''}>${e(l)}</p>`).join('')}<span class="rule"></span></div>
  <div><p class="b state">${e(model.header)}</p>${model.motto ? `<p class="b">${e(model.motto)}</p>` : ''}<span class="rule"></span>
  <p class="i date">${e(model.placeDate)}</p></div>
</div>
<h1>${e(model.title)}</h1>
${model.subtitle.map((s) => `<p class="sub">${e(s)}</p>`).join('')}
${model.draft ? `<p class="draft-note">${e(model.draft.note)}</p>` : ''}
<p class="intro justify">${e(model.intro)}</p>
<ul>${model.times.map((t) => `<li>– ${e(t.label)}: ${e(t.value)}.</li>`).join('')}</ul>
<p>${e(model.committeeHeading)}</p>
<ul>${committee}</ul>
<p class="justify">${e(model.box.statement)}</p>
${facts}
<p class="b">${e(model.resultsHeading)}</p>
<ul>${model.counts.map((c) => `<li>– ${e(c.label)}: ${e(c.value)}</li>`).join('')}</ul>
${tableHtml(model)}
<p class="i pre">${e(model.baseNote)}</p>
<p class="b thresholds-heading">${e(model.thresholdsHeading)}</p>
<ul>${thresholds}</ul>
<div class="closing">
<p class="justify">${e(model.closing)}</p>
${signaturesHtml(model)}
</div>
${appendixHtml(model)}
</main></body></html>
`;
}
