/**
 * The minutes as an A4 PDF, laid out with pdfkit in Noto Serif (bundled, full Vietnamese
 * coverage, embedded in the file), body at 13 pt as official documents are set. Page breaks
 * are decided here, never left to pdfkit: the table repeats its header, the closing sentence
 * and the signatures stay together, continuation pages carry the title and the page number,
 * and an unpublished vote's minutes carry "DỰ THẢO" on every page.
 */
import PDFDocument from 'pdfkit';
import type { MinutesModel } from '../domain/minutes-model';
import { FONT_FILES } from './fonts';
import { drawClosingAndSignatures } from './minutes-pdf-signatures';
import { BODY_PT, bottom, contentWidth, drawRow, drawTable, MARGIN, newPage, rowHeight, type Column, type Doc } from './minutes-pdf-table';

const FONTS = {
  serif: FONT_FILES.serif,
  serifBold: FONT_FILES.serifBold,
  serifItalic: FONT_FILES.serifItalic,
  serifBoldItalic: FONT_FILES.serifBoldItalic,
  monoBold: FONT_FILES.monoBold,
};

const INDENT = 18;
const HEAD_PT = 12;
const LINE_GAP = -1.4;

/** Render the minutes to a PDF buffer. */
export async function renderMinutesPdf(model: MinutesModel): Promise<Buffer> {
  const doc = new PDFDocument({
    size: 'A4',
    margins: MARGIN,
    info: { Title: `${model.draft ? `${model.draft.mark} — ` : ''}${model.title} — ${model.subtitle.join(' — ')}`, Creator: 'tinnhiem' },
    // Kept until the end, so the running title, page numbers and draft mark reach every page.
    bufferPages: true,
  });
  for (const [name, file] of Object.entries(FONTS)) doc.registerFont(name, file);
  // Noto Serif's own line height is 1.36 em, airier than the single spacing of a typed
  // record: 1.25 em keeps its stacked Vietnamese marks clear and a short vote on one page.
  doc.lineGap(LINE_GAP);
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });

  drawHeader(doc, model);
  drawBody(doc, model);
  drawTable(doc, model);
  drawAfterTable(doc, model);
  drawClosingAndSignatures(doc, model);
  drawAppendix(doc, model);
  drawPageMarks(doc, model);
  doc.end();
  return done;
}

function drawHeader(doc: Doc, model: MinutesModel): void {
  const width = contentWidth(doc);
  const leftW = width * 0.42;
  const rightX = MARGIN.left + width * 0.42;
  const rightW = width * 0.58;
  const top = doc.y;
  model.issuer.forEach((line, i) => {
    const last = i === model.issuer.length - 1;
    doc.font(last ? 'serifBold' : 'serif').fontSize(HEAD_PT).text(line, MARGIN.left, i === 0 ? top : doc.y, { width: leftW, align: 'center' });
  });
  const leftBottom = doc.y;
  underline(doc, MARGIN.left + leftW / 2, leftBottom + 2, 60);

  doc.font('serifBold').fontSize(HEAD_PT).text(model.header, rightX, top, { width: rightW, align: 'center' });
  if (model.motto) doc.font('serifBold').fontSize(BODY_PT).text(model.motto, rightX, doc.y, { width: rightW, align: 'center' });
  const lineY = doc.y + 2;
  underline(doc, rightX + rightW / 2, lineY, model.motto ? doc.widthOfString(model.motto) : 130);
  doc.font('serifItalic').fontSize(BODY_PT).text(model.placeDate, rightX, lineY + 8, { width: rightW, align: 'center' });
  doc.x = MARGIN.left;
  doc.y = Math.max(doc.y, leftBottom) + 12;
}

function underline(doc: Doc, centre: number, y: number, length: number): void {
  doc.moveTo(centre - length / 2, y).lineTo(centre + length / 2, y).lineWidth(0.6).stroke();
}

/** A list item: a dash, then the text, indented. */
function item(doc: Doc, text: string): void {
  const width = contentWidth(doc);
  doc.text(`– ${text}`, MARGIN.left + INDENT, doc.y, { width: width - INDENT, align: 'justify' });
}

function drawBody(doc: Doc, model: MinutesModel): void {
  const width = contentWidth(doc);
  doc.font('serifBold').fontSize(14).text(model.title, MARGIN.left, doc.y, { width, align: 'center' });
  doc.font('serifBold').fontSize(BODY_PT);
  for (const line of model.subtitle) doc.text(line, { width, align: 'center' });
  if (model.draft) {
    doc.moveDown(0.2);
    doc.font('serifItalic').fontSize(11).fillColor('#b00000').text(model.draft.note, { width, align: 'center' }).fillColor('black');
  }
  doc.moveDown(0.6);
  doc.font('serif').fontSize(BODY_PT).text(model.intro, MARGIN.left, doc.y, { width, align: 'justify' });
  for (const t of model.times) item(doc, `${t.label}: ${t.value}.`);
  doc.x = MARGIN.left;
  doc.text(model.committeeHeading, MARGIN.left, doc.y, { width });
  if (model.committee.length === 0) {
    doc.text('(Chưa ghi thành phần Ban kiểm phiếu.)', MARGIN.left + INDENT, doc.y);
  } else {
    model.committee.forEach((m, i) => doc.text(`${i + 1}. ${m.fullName} — ${m.role}`, MARGIN.left + INDENT, doc.y, { width: width - INDENT }));
  }
  doc.x = MARGIN.left;
  doc.moveDown(0.4);
  drawBox(doc, model);
  doc.font('serifBold').fontSize(BODY_PT).text(model.resultsHeading, MARGIN.left, doc.y, { width });
  doc.font('serif');
  for (const c of model.counts) item(doc, `${c.label}: ${c.value}`);
  doc.x = MARGIN.left;
  doc.moveDown(0.4);
}

/**
 * The phone box: one sentence, then its counts, the fingerprint in a monospaced face so it
 * reads symbol by symbol against the published list.
 */
function drawBox(doc: Doc, model: MinutesModel): void {
  const width = contentWidth(doc);
  doc.font('serif').fontSize(BODY_PT).text(model.box.statement, MARGIN.left, doc.y, { width, align: 'justify' });
  for (const fact of model.box.facts) {
    const options = { width: width - INDENT, continued: fact.code === true };
    doc.font('serif').fontSize(BODY_PT).text(`– ${fact.label}: ${fact.code ? '' : fact.value}`, MARGIN.left + INDENT, doc.y, options);
    if (fact.code) doc.font('monoBold').fontSize(11.5).text(fact.value);
  }
  doc.x = MARGIN.left;
  doc.moveDown(0.4);
}

/**
 * The base note follows the table on its page; the thresholds list then runs on line by
 * line, its heading never left alone at the foot of a page. It is not held back with the
 * signatures: that left most of a page empty before them.
 */
function drawAfterTable(doc: Doc, model: MinutesModel): void {
  const width = contentWidth(doc);
  doc.font('serifItalic').fontSize(11);
  if (doc.y + doc.heightOfString(model.baseNote, { width }) > bottom(doc)) newPage(doc);
  doc.text(model.baseNote, MARGIN.left, doc.y, { width });
  doc.moveDown(0.5);

  const lines = model.thresholds.length === 0 ? ['Không có.'] : model.thresholds;
  const headingH = doc.font('serifBold').fontSize(BODY_PT).heightOfString(model.thresholdsHeading, { width });
  doc.font('serif').fontSize(BODY_PT);
  const lineHs = lines.map((line) => doc.heightOfString(line, { width: width - INDENT, align: 'justify' }));
  if (doc.y + headingH + lineHs[0]! > bottom(doc)) newPage(doc);
  doc.font('serifBold').fontSize(BODY_PT).text(model.thresholdsHeading, MARGIN.left, doc.y, { width });
  doc.font('serif').fontSize(BODY_PT);
  lines.forEach((line, i) => {
    if (doc.y + lineHs[i]! > bottom(doc)) newPage(doc);
    doc.text(line, MARGIN.left + INDENT, doc.y, { width: width - INDENT, align: 'justify' });
  });
  doc.x = MARGIN.left;
  doc.moveDown(0.5);
}

/**
 * Drawn once every page exists, so they never disturb the flow of the text: from the second
 * page on, the title and "Trang i/n" in the top margin (Vietnamese documents number pages at
 * the top, not on the first); on every page of a draft, "DỰ THẢO" across the page, faint
 * enough to read the figures through.
 */
function drawPageMarks(doc: Doc, model: MinutesModel): void {
  const { start, count } = doc.bufferedPageRange();
  const width = contentWidth(doc);
  for (let i = start; i < start + count; i++) {
    doc.switchToPage(i);
    if (i > start) {
      const y = MARGIN.top - 26;
      doc.font('serifItalic').fontSize(9).fillColor('#444444');
      doc.text(`${model.title} (tiếp theo)`, MARGIN.left, y, { width, align: 'center', lineBreak: false });
      doc.text(`Trang ${i - start + 1}/${count}`, MARGIN.left, y, { width, align: 'right', lineBreak: false });
      doc.moveTo(MARGIN.left, y + 14).lineTo(MARGIN.left + width, y + 14).lineWidth(0.4).strokeColor('#999999').stroke();
      doc.fillColor('black').strokeColor('black');
    }
    if (model.draft) drawDraftMark(doc, model.draft.mark);
  }
}

function drawDraftMark(doc: Doc, mark: string): void {
  const { width, height } = doc.page;
  doc.save();
  doc.rotate(-45, { origin: [width / 2, height / 2] });
  doc.font('serifBold').fontSize(120).fillColor('#c00000').fillOpacity(0.13);
  const w = doc.widthOfString(mark);
  doc.text(mark, width / 2 - w / 2, height / 2 - 70, { lineBreak: false });
  doc.restore();
  // And plainly, in the top margin of every page, where a photocopy keeps it.
  doc.save();
  doc.font('serifBold').fontSize(10).fillColor('#b00000');
  const label = ` ${mark} `;
  const lw = doc.widthOfString(label) + 8;
  doc.rect(MARGIN.left, 14, lw, 16).lineWidth(0.8).strokeColor('#b00000').stroke();
  doc.text(label, MARGIN.left + 4, 17.5, { lineBreak: false });
  doc.restore();
  doc.fillColor('black').strokeColor('black').fillOpacity(1);
}

/** The audit log on its own page(s) after the signatures. */
function drawAppendix(doc: Doc, model: MinutesModel): void {
  const { appendix } = model;
  if (appendix.rows.length === 0) return;
  doc.addPage();
  const width = contentWidth(doc);
  doc.font('serifBold').fontSize(BODY_PT).text(appendix.heading, MARGIN.left, MARGIN.top, { width, align: 'center' });
  doc.moveDown(0.3);
  doc.font('serifItalic').fontSize(10).text(appendix.note, { width });
  doc.moveDown(0.5);
  const columns: Column[] = [
    { title: 'Thời gian', width: width * 0.2, align: 'left' },
    { title: 'Người thao tác', width: width * 0.18, align: 'left' },
    { title: 'Sự kiện', width: width * 0.27, align: 'left' },
    { title: 'Chi tiết', width: width * 0.35, align: 'left' },
  ];
  const SIZE = 9;
  const header = () => drawRow(doc, columns, columns.map((c) => c.title), 'serifBold', doc.y, SIZE);
  let y = header();
  for (const row of appendix.rows) {
    const cells = [row.at, row.actor, row.event, row.detail];
    if (y + rowHeight(doc, columns, cells, 'serif', SIZE) > bottom(doc)) {
      newPage(doc);
      y = header();
    }
    y = drawRow(doc, columns, cells, 'serif', y, SIZE);
  }
  doc.x = MARGIN.left;
  doc.y = y;
}
