/**
 * The minutes PDF's page geometry and its tables: the results (one row a person, the header
 * repeated on every page it runs onto) and the rows the audit appendix is drawn with.
 */
import type { MinutesModel } from '../domain/minutes-model';
import { TERMS } from '../../shared/i18n/terms';

/** A4 margins in points: 20 mm top and bottom, 25 mm left (for binding), 15 mm right. */
export const MARGIN = { top: 57, bottom: 57, left: 71, right: 42 };

/** Body type, as official documents are set (13–14 pt), and the tables' smaller type. */
export const BODY_PT = 13;
export const TABLE_PT = 10;
const TABLE_HEAD_PT = 9;

export type Doc = PDFKit.PDFDocument;

export function contentWidth(doc: Doc): number {
  return doc.page.width - MARGIN.left - MARGIN.right;
}

export interface Column {
  title: string;
  width: number;
  align: 'left' | 'center' | 'right';
}

export const PAD = 3;

/**
 * Number columns as wide as their widest figure or header word, measured in the fonts they
 * print in; the name column takes the rest, so a long name wraps instead of a figure.
 */
function tableColumns(doc: Doc, model: MinutesModel): Column[] {
  const fit = (title: string, cells: string[]) => {
    doc.font('serifBold').fontSize(TABLE_HEAD_PT);
    const head = Math.max(...title.split(' ').map((word) => doc.widthOfString(word)));
    doc.font('serif').fontSize(TABLE_PT);
    return Math.ceil(Math.max(head, ...cells.map((c) => doc.widthOfString(c)))) + 2 * PAD + 2;
  };
  const rows = model.rows;
  const levelCols: Column[] = model.levelLabels.flatMap((_, i) => [
    { title: 'Số phiếu', width: fit('Số phiếu', rows.map((r) => r.levels[i]!.count)), align: 'right' as const },
    { title: 'Tỉ lệ', width: fit('Tỉ lệ', ['100,00%', ...rows.map((r) => r.levels[i]!.percent)]), align: 'right' as const },
  ]);
  const fixed: Column[] = [
    { title: 'STT', width: fit('STT', rows.map((r) => r.order)), align: 'center' },
    { title: TERMS.vi.valid, width: fit(TERMS.vi.valid, rows.map((r) => r.valid)), align: 'right' },
    { title: TERMS.vi.invalid, width: fit(TERMS.vi.invalid, rows.map((r) => r.invalid)), align: 'right' },
  ];
  const used = [...fixed, ...levelCols].reduce((s, c) => s + c.width, 0);
  return [fixed[0]!, { title: 'Họ và tên, chức vụ', width: contentWidth(doc) - used, align: 'left' }, fixed[1]!, fixed[2]!, ...levelCols];
}

/** Two header rows: the four fixed columns span both; each level spans its count and percent. */
function drawTableHeader(doc: Doc, columns: Column[], levelLabels: string[], y: number): number {
  const fixed = columns.slice(0, 4);
  const levelWidth = (i: number) => columns[4 + 2 * i]!.width + columns[5 + 2 * i]!.width;
  doc.font('serifBold').fontSize(TABLE_HEAD_PT);
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

/** One cell may carry a bold first line (the name) above plain text (the position). */
export type Cell = string | { bold: string; plain: string };

function cellHeight(doc: Doc, cell: Cell, width: number, font: string, size: number): number {
  if (typeof cell === 'string') return doc.font(font).fontSize(size).heightOfString(cell || ' ', { width });
  const bold = doc.font('serifBold').fontSize(size).heightOfString(cell.bold, { width });
  return bold + (cell.plain ? doc.font(font).fontSize(size).heightOfString(cell.plain, { width }) : 0);
}

export function rowHeight(doc: Doc, columns: Column[], cells: Cell[], font: string, size: number): number {
  return Math.max(...cells.map((cell, i) => cellHeight(doc, cell, columns[i]!.width - 2 * PAD, font, size))) + 2 * PAD;
}

export function drawRow(doc: Doc, columns: Column[], cells: Cell[], font: string, y: number, size = TABLE_PT): number {
  const height = rowHeight(doc, columns, cells, font, size);
  let x = MARGIN.left;
  columns.forEach((col, i) => {
    doc.rect(x, y, col.width, height).lineWidth(0.5).stroke();
    const cell = cells[i] ?? '';
    const options = { width: col.width - 2 * PAD, align: col.align };
    if (typeof cell === 'string') {
      doc.font(font).fontSize(size).text(cell, x + PAD, y + PAD, options);
    } else {
      doc.font('serifBold').fontSize(size).text(cell.bold, x + PAD, y + PAD, options);
      if (cell.plain) doc.font(font).fontSize(size).text(cell.plain, x + PAD, doc.y, options);
    }
    x += col.width;
  });
  return y + height;
}

export function drawTable(doc: Doc, model: MinutesModel): void {
  const columns = tableColumns(doc, model);
  const header = () => drawTableHeader(doc, columns, model.levelLabels, doc.y);
  // The header never sits alone at the foot of a page: it goes down with the first row.
  const first = model.rows[0];
  if (first && doc.y + 60 + rowHeight(doc, columns, rowCells(first), 'serif', TABLE_PT) > bottom(doc)) newPage(doc);
  let y = header();
  for (const row of model.rows) {
    const cells = rowCells(row);
    if (y + rowHeight(doc, columns, cells, 'serif', TABLE_PT) > bottom(doc)) {
      newPage(doc);
      y = header();
    }
    y = drawRow(doc, columns, cells, 'serif', y);
  }
  doc.x = MARGIN.left;
  doc.y = y + 6;
}

function rowCells(row: MinutesModel['rows'][number]): Cell[] {
  return [
    row.order,
    { bold: row.fullName, plain: row.position },
    row.valid,
    row.invalid,
    ...row.levels.flatMap((l) => [l.count, l.percent]),
  ];
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
