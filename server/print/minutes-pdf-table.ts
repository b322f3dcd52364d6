/**
 * The minutes PDF's page geometry and its tables: the results (one row a person, the header
 * repeated on every page it runs onto) and the rows the audit appendix is drawn with.
 */
import type { MinutesModel } from '../domain/minutes-model';

export const MARGIN = { top: 48, bottom: 48, left: 56, right: 42 };

export type Doc = PDFKit.PDFDocument;

export function contentWidth(doc: Doc): number {
  return doc.page.width - MARGIN.left - MARGIN.right;
}

export interface Column {
  title: string;
  width: number;
  align: 'left' | 'center' | 'right';
}

function tableColumns(doc: Doc, model: MinutesModel): Column[] {
  const levelCols: Column[] = model.levelLabels.flatMap(() => [
    { title: 'Số phiếu', width: 42, align: 'right' as const },
    { title: 'Tỉ lệ', width: 46, align: 'right' as const },
  ]);
  const fixed = 24 + 44 + 50 + levelCols.reduce((s, c) => s + c.width, 0);
  return [
    { title: 'STT', width: 24, align: 'center' },
    { title: 'Họ và tên, chức vụ', width: contentWidth(doc) - fixed, align: 'left' },
    { title: 'Số phiếu hợp lệ', width: 44, align: 'right' },
    { title: 'Số phiếu không hợp lệ', width: 50, align: 'right' },
    ...levelCols,
  ];
}

/** Two header rows: the four fixed columns span both; each level spans its count and percent. */
function drawTableHeader(doc: Doc, columns: Column[], levelLabels: string[], y: number): number {
  const fixed = columns.slice(0, 4);
  const levelWidth = (i: number) => columns[4 + 2 * i]!.width + columns[5 + 2 * i]!.width;
  doc.font('condBold').fontSize(8);
  const top = Math.max(...levelLabels.map((l, i) => doc.heightOfString(l, { width: levelWidth(i) - 2 * PAD }))) + 2 * PAD;
  const sub = Math.max(...columns.slice(4).map((c) => doc.heightOfString(c.title, { width: c.width - 2 * PAD }))) + 2 * PAD;
  const total = Math.max(top + sub, ...fixed.map((c) => doc.heightOfString(c.title, { width: c.width - 2 * PAD }) + 2 * PAD));
  const topHeight = total - sub;
  doc.rect(MARGIN.left, y, columns.reduce((s, c) => s + c.width, 0), total).fill('#eeeeee').fillColor('black');
  let x = MARGIN.left;
  for (const col of fixed) {
    doc.rect(x, y, col.width, total).lineWidth(0.5).stroke();
    const h = doc.heightOfString(col.title, { width: col.width - 2 * PAD });
    doc.text(col.title, x + PAD, y + (total - h) / 2, { width: col.width - 2 * PAD, align: 'center' });
    x += col.width;
  }
  levelLabels.forEach((label, i) => {
    const w = levelWidth(i);
    doc.rect(x, y, w, topHeight).lineWidth(0.5).stroke();
    doc.text(label, x + PAD, y + PAD, { width: w - 2 * PAD, align: 'center' });
    for (const col of [columns[4 + 2 * i]!, columns[5 + 2 * i]!]) {
      doc.rect(x, y + topHeight, col.width, sub).lineWidth(0.5).stroke();
      doc.text(col.title, x + PAD, y + topHeight + PAD, { width: col.width - 2 * PAD, align: 'center' });
      x += col.width;
    }
  });
  return y + total;
}

export const PAD = 3;

export function drawRow(doc: Doc, columns: Column[], cells: string[], font: string, y: number): number {
  doc.font(font).fontSize(8);
  const height = Math.max(...cells.map((text, i) => doc.heightOfString(text, { width: columns[i]!.width - 2 * PAD }))) + 2 * PAD;
  let x = MARGIN.left;
  columns.forEach((col, i) => {
    doc.rect(x, y, col.width, height).lineWidth(0.5).stroke();
    doc.font(font).fontSize(8).text(cells[i] ?? '', x + PAD, y + PAD, { width: col.width - 2 * PAD, align: col.align });
    x += col.width;
  });
  return y + height;
}

export function drawTable(doc: Doc, model: MinutesModel): void {
  const columns = tableColumns(doc, model);
  const header = () => drawTableHeader(doc, columns, model.levelLabels, doc.y);
  let y = header();
  for (const row of model.rows) {
    const cells = [
      row.order,
      `${row.fullName}\n${row.position}`,
      row.valid,
      row.invalid,
      ...row.levels.flatMap((l) => [l.count, l.percent]),
    ];
    doc.font('cond').fontSize(8);
    const need = doc.heightOfString(cells[1]!, { width: columns[1]!.width - 2 * PAD }) + 2 * PAD;
    if (y + need > bottom(doc)) {
      newPage(doc);
      y = header();
    }
    y = drawRow(doc, columns, cells, 'cond', y);
  }
  doc.x = MARGIN.left;
  doc.y = y + 6;
}

/** Bottom of the writable area of a page. */
export function bottom(doc: Doc): number {
  return doc.page.height - MARGIN.bottom;
}

export function newPage(doc: Doc): void {
  doc.addPage();
  doc.x = MARGIN.left;
  doc.y = MARGIN.top;
}

