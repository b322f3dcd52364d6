/**
 * The minutes as an A4 PDF, laid out with pdfkit in DejaVu Sans (bundled in node_modules,
 * full Vietnamese coverage), so the diacritics print right with nothing fetched. Page
 * breaks are decided here, never left to pdfkit: the table repeats its header, the
 * signatures keep the closing sentence with them, continuation pages carry the title.
 */
import PDFDocument from 'pdfkit';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { MinutesModel } from '../domain/minutes-model';
import { bottom, contentWidth, drawRow, drawTable, MARGIN, newPage, PAD, type Column, type Doc } from './minutes-pdf-table';

const require = createRequire(import.meta.url);
const FONT_DIR = join(dirname(require.resolve('dejavu-fonts-ttf/package.json')), 'ttf');
const FONTS = {
  regular: join(FONT_DIR, 'DejaVuSans.ttf'),
  bold: join(FONT_DIR, 'DejaVuSans-Bold.ttf'),
  italic: join(FONT_DIR, 'DejaVuSans-Oblique.ttf'),
  cond: join(FONT_DIR, 'DejaVuSansCondensed.ttf'),
  condBold: join(FONT_DIR, 'DejaVuSansCondensed-Bold.ttf'),
  monoBold: join(FONT_DIR, 'DejaVuSansMono-Bold.ttf'),
};

/** Render the minutes to a PDF buffer. */
export async function renderMinutesPdf(model: MinutesModel): Promise<Buffer> {
  const doc = new PDFDocument({
    size: 'A4',
    margins: MARGIN,
    info: { Title: `${model.title} — ${model.subtitle.join(' — ')}`, Creator: 'tinnhiem' },
    // Kept until the end, so the running title and page numbers can be added to every page.
    bufferPages: true,
  });
  for (const [name, file] of Object.entries(FONTS)) doc.registerFont(name, file);
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
  drawSignatures(doc, model);
  drawAppendix(doc, model);
  drawRunningTitles(doc, model);
  doc.end();
  return done;
}

function drawHeader(doc: Doc, model: MinutesModel): void {
  const width = contentWidth(doc);
  const leftW = width * 0.42;
  const rightX = MARGIN.left + width * 0.42;
  const rightW = width * 0.58;
  const top = doc.y;
  doc.font('regular').fontSize(10);
  model.issuer.forEach((line, i) => {
    doc.font(i === model.issuer.length - 1 ? 'bold' : 'regular').text(line, MARGIN.left, i === 0 ? top : undefined, { width: leftW, align: 'center' });
  });
  const leftBottom = doc.y;
  underline(doc, MARGIN.left + leftW / 2, leftBottom + 2, 50);

  doc.font('bold').fontSize(11).text(model.header, rightX, top, { width: rightW, align: 'center' });
  if (model.motto) doc.font('bold').fontSize(11).text(model.motto, rightX, undefined, { width: rightW, align: 'center' });
  const lineY = doc.y + 2;
  underline(doc, rightX + rightW / 2, lineY, model.motto ? 150 : 120);
  doc.font('italic').fontSize(10).text(model.placeDate, rightX, lineY + 8, { width: rightW, align: 'center' });
  doc.x = MARGIN.left;
  doc.y = Math.max(doc.y, leftBottom) + 20;
}

function underline(doc: Doc, centre: number, y: number, length: number): void {
  doc.moveTo(centre - length / 2, y).lineTo(centre + length / 2, y).lineWidth(0.6).stroke();
}

function drawBody(doc: Doc, model: MinutesModel): void {
  const width = contentWidth(doc);
  doc.font('bold').fontSize(15).text(model.title, MARGIN.left, doc.y, { width, align: 'center' });
  doc.font('bold').fontSize(11);
  for (const line of model.subtitle) doc.text(line, { width, align: 'center' });
  doc.moveDown(0.8);
  doc.font('regular').fontSize(10.5).text(model.intro, { width, align: 'justify' });
  doc.moveDown(0.2);
  if (model.committee.length === 0) {
    doc.text('(Chưa ghi thành phần Ban kiểm phiếu.)', MARGIN.left + 18, doc.y);
  } else {
    model.committee.forEach((m, i) => doc.text(`${i + 1}. ${m.fullName} — ${m.role}`, MARGIN.left + 18, doc.y));
  }
  doc.x = MARGIN.left;
  doc.moveDown(0.5);
  drawBox(doc, model);
  doc.font('bold').text(model.resultsHeading);
  doc.font('regular');
  for (const c of model.counts) doc.text(`– ${c.label}: ${c.value}`, MARGIN.left + 18, doc.y, { width: width - 18 });
  doc.x = MARGIN.left;
  doc.moveDown(0.5);
}

/**
 * The phone box: one sentence, then its counts, the fingerprint in a monospaced face so it
 * reads symbol by symbol against the published list.
 */
function drawBox(doc: Doc, model: MinutesModel): void {
  const width = contentWidth(doc);
  doc.font('regular').fontSize(10.5).text(model.box.statement, MARGIN.left, doc.y, { width, align: 'justify' });
  for (const fact of model.box.facts) {
    const options = { width: width - INDENT, continued: fact.code === true };
    doc.font('regular').text(`– ${fact.label}: ${fact.code ? '' : fact.value}`, MARGIN.left + INDENT, doc.y, options);
    if (fact.code) doc.font('monoBold').text(fact.value);
  }
  doc.x = MARGIN.left;
  doc.moveDown(0.5);
}

const INDENT = 18;

/**
 * The base, the thresholds crossed, the closing sentence and the signatures. The signatures
 * never stand alone on a page: the closing sentence always goes with them, and the whole
 * thresholds list too whenever it fits on one page with them.
 */
function drawAfterTable(doc: Doc, model: MinutesModel): void {
  const width = contentWidth(doc);
  const pageRoom = bottom(doc) - MARGIN.top;
  doc.font('italic').fontSize(10);
  // The base belongs to the table: it follows it on the same page.
  if (doc.y + doc.heightOfString(model.baseNote, { width }) > bottom(doc)) newPage(doc);
  doc.text(model.baseNote, MARGIN.left, doc.y, { width });
  doc.moveDown(0.5);

  const gap = doc.currentLineHeight(true) * 0.5;
  const headingH = (doc.font('bold').fontSize(10.5), doc.heightOfString(model.thresholdsHeading, { width }));
  const lines = model.thresholds.length === 0 ? ['Không có.'] : model.thresholds;
  doc.font('regular').fontSize(10.5);
  const lineHs = lines.map((line) => doc.heightOfString(line, { width: width - INDENT, align: 'justify' }));
  const closingH = doc.heightOfString(model.closing, { width }) + gap + doc.currentLineHeight(true);
  const signaturesH = signaturesHeight(doc, model);
  const thresholdsH = headingH + lineHs.reduce((a, b) => a + b, 0) + gap;

  // Thresholds, closing and signatures together: here if they fit, else on a page of their own.
  const together = thresholdsH + closingH + signaturesH;
  if (doc.y + together > bottom(doc) && together <= pageRoom) newPage(doc);

  doc.font('bold').fontSize(10.5).text(model.thresholdsHeading, MARGIN.left, doc.y, { width });
  doc.font('regular').fontSize(10.5);
  lines.forEach((line, i) => {
    // A long list runs over pages line by line; the heading is never left alone at a foot.
    if (doc.y + lineHs[i]! > bottom(doc)) newPage(doc);
    doc.text(line, MARGIN.left + INDENT, doc.y, { width: width - INDENT, align: 'justify' });
  });
  doc.x = MARGIN.left;
  doc.moveDown(0.5);
  // The closing sentence moves with the signatures when they do not fit below it.
  if (doc.y + closingH + signaturesH > bottom(doc)) newPage(doc);
  doc.font('regular').fontSize(10.5).text(model.closing, MARGIN.left, doc.y, { width });
  doc.moveDown(1);
}

const SIGN_SPACE = 50;

/** Titles, the space to sign and the names, per block; the tallest block counts. */
function signaturesHeight(doc: Doc, model: MinutesModel): number {
  const blockW = contentWidth(doc) / model.signatures.length;
  return Math.max(
    ...model.signatures.map((block) => {
      let h = (doc.font('bold').fontSize(10.5), doc.heightOfString(block.title, { width: blockW }));
      h += (doc.font('italic').fontSize(9), doc.heightOfString('(Ký, ghi rõ họ tên)', { width: blockW }));
      doc.font('bold').fontSize(10.5);
      for (const name of block.names.length > 0 ? block.names : ['']) h += SIGN_SPACE + doc.heightOfString(name || ' ', { width: blockW });
      return h;
    }),
  );
}

function drawSignatures(doc: Doc, model: MinutesModel): void {
  const width = contentWidth(doc);
  const blockW = width / model.signatures.length;
  // drawAfterTable has made room; this only guards a page that cannot hold them at all.
  if (doc.y + signaturesHeight(doc, model) > bottom(doc)) newPage(doc);
  const top = doc.y;
  let lowest = top;
  model.signatures.forEach((block, i) => {
    const x = MARGIN.left + i * blockW;
    doc.font('bold').fontSize(10.5).text(block.title, x, top, { width: blockW, align: 'center' });
    doc.font('italic').fontSize(9).text('(Ký, ghi rõ họ tên)', x, undefined, { width: blockW, align: 'center' });
    let y = doc.y + SIGN_SPACE;
    for (const name of block.names.length > 0 ? block.names : ['']) {
      doc.font('bold').fontSize(10.5).text(name, x, y, { width: blockW, align: 'center' });
      y = doc.y + SIGN_SPACE;
    }
    lowest = Math.max(lowest, doc.y);
  });
  doc.x = MARGIN.left;
  doc.y = lowest;
}

/**
 * From the second page on, the document's title (and the page number, at the top as
 * Vietnamese administrative documents number them) in the top margin, drawn once every
 * page exists, so it never disturbs the flow of the text.
 */
function drawRunningTitles(doc: Doc, model: MinutesModel): void {
  const { start, count } = doc.bufferedPageRange();
  const width = contentWidth(doc);
  for (let i = start + 1; i < start + count; i++) {
    doc.switchToPage(i);
    const y = MARGIN.top - 26;
    doc.font('italic').fontSize(8.5).fillColor('#444444');
    doc.text(`${model.title} (tiếp theo)`, MARGIN.left, y, { width, align: 'center', lineBreak: false });
    doc.text(`Trang ${i - start + 1}/${count}`, MARGIN.left, y, { width, align: 'right', lineBreak: false });
    doc.moveTo(MARGIN.left, y + 13).lineTo(MARGIN.left + width, y + 13).lineWidth(0.4).strokeColor('#999999').stroke();
    doc.fillColor('black').strokeColor('black');
  }
}

/** The audit log on its own page(s) after the signatures. */
function drawAppendix(doc: Doc, model: MinutesModel): void {
  const { appendix } = model;
  if (appendix.rows.length === 0) return;
  doc.addPage();
  const width = contentWidth(doc);
  doc.font('bold').fontSize(11).text(appendix.heading, MARGIN.left, MARGIN.top, { width, align: 'center' });
  doc.moveDown(0.3);
  doc.font('italic').fontSize(9).text(appendix.note, { width });
  doc.moveDown(0.5);
  const columns: Column[] = [
    { title: 'Thời gian', width: width * 0.2, align: 'left' },
    { title: 'Người thao tác', width: width * 0.2, align: 'left' },
    { title: 'Sự kiện', width: width * 0.28, align: 'left' },
    { title: 'Chi tiết', width: width * 0.32, align: 'left' },
  ];
  const header = () => drawRow(doc, columns, columns.map((c) => c.title), 'condBold', doc.y);
  let y = header();
  for (const row of appendix.rows) {
    const cells = [row.at, row.actor, row.event, row.detail];
    doc.font('cond').fontSize(8);
    const need = Math.max(...cells.map((c, i) => doc.heightOfString(c, { width: columns[i]!.width - 2 * PAD }))) + 2 * PAD;
    if (y + need > bottom(doc)) {
      newPage(doc);
      y = header();
    }
    y = drawRow(doc, columns, cells, 'cond', y);
  }
  doc.x = MARGIN.left;
  doc.y = y;
}
