/**
 * Building blocks of the minutes .docx: paragraphs in the document's type, and its tables
 * (the results, the signature rows, the audit appendix). Sizes are in half-points and
 * widths in twips, as Word counts them.
 */
import {
  AlignmentType,
  BorderStyle,
  Paragraph,
  Table,
  TableBorders,
  TableCell,
  TableLayoutType,
  TableRow,
  TextRun,
  VerticalAlignTable,
  VerticalMergeType,
  WidthType,
} from 'docx';
import type { MinutesModel, MinutesSignature } from '../domain/minutes-model';
import { signatureRows } from './minutes-signature-rows';
import { TERMS } from '../../shared/i18n/terms';

/**
 * Times New Roman, as Vietnamese administrative documents are set: every Word and
 * LibreOffice install has it or a metric twin with Vietnamese (Liberation Serif), and the
 * committee edits this copy there. The PDF embeds Noto Serif instead (free to bundle).
 */
export const DOCX_FONT = 'Times New Roman';
export const BODY = 26;
const TABLE = 21;
const TABLE_HEAD = 19;

/** A4 less 25 mm left and 15 mm right, in twips. */
export const CONTENT_TWIPS = 11906 - 1418 - 850;

export interface Para {
  bold?: boolean;
  italics?: boolean;
  size?: number;
  align?: (typeof AlignmentType)[keyof typeof AlignmentType];
  indent?: number;
  after?: number;
  before?: number;
  keepNext?: boolean;
  color?: string;
}

export function para(text: string, o: Para = {}): Paragraph {
  return new Paragraph({
    alignment: o.align ?? AlignmentType.LEFT,
    indent: o.indent ? { left: o.indent } : undefined,
    spacing: { after: o.after ?? 60, before: o.before ?? 0 },
    keepNext: o.keepNext,
    keepLines: true,
    children: [new TextRun({ text, bold: o.bold, italics: o.italics, size: o.size ?? BODY, font: DOCX_FONT, color: o.color })],
  });
}

const thin = { style: BorderStyle.SINGLE, size: 4, color: '000000' };
const GRID = { top: thin, bottom: thin, left: thin, right: thin, insideHorizontal: thin, insideVertical: thin };

function cell(children: Paragraph[], width: number, extra: Partial<ConstructorParameters<typeof TableCell>[0]> = {}): TableCell {
  return new TableCell({
    children,
    width: { size: width, type: WidthType.DXA },
    margins: { top: 40, bottom: 40, left: 60, right: 60 },
    ...extra,
  });
}

const cellText = (text: string, o: Para = {}) => para(text, { size: TABLE, after: 0, ...o });
const headText = (text: string) => para(text, { size: TABLE_HEAD, bold: true, align: AlignmentType.CENTER, after: 0 });

/** The results: two header rows repeated on every page, one row a person that never splits. */
export function resultsTable(model: MinutesModel): Table {
  const levels = model.levelLabels.length;
  const fixed = { order: 500, valid: 800, invalid: 900 };
  const levelW = 1500;
  const name = CONTENT_TWIPS - fixed.order - fixed.valid - fixed.invalid - levels * levelW;
  const half = levelW / 2;
  const columnWidths = [fixed.order, name, fixed.valid, fixed.invalid, ...Array.from({ length: levels * 2 }, () => half)];
  const spanned = (text: string, width: number) => cell([headText(text)], width, { verticalMerge: VerticalMergeType.RESTART, verticalAlign: VerticalAlignTable.CENTER, shading: { fill: 'EEEEEE' } });
  const merged = (width: number) => cell([headText('')], width, { verticalMerge: VerticalMergeType.CONTINUE, shading: { fill: 'EEEEEE' } });
  const head1 = new TableRow({
    tableHeader: true,
    cantSplit: true,
    children: [
      spanned('STT', fixed.order),
      spanned('Họ và tên, chức vụ', name),
      spanned(TERMS.vi.valid, fixed.valid),
      spanned(TERMS.vi.invalid, fixed.invalid),
      ...model.levelLabels.map((label) => cell([headText(label)], levelW, { columnSpan: 2, shading: { fill: 'EEEEEE' } })),
    ],
  });
  const head2 = new TableRow({
    tableHeader: true,
    cantSplit: true,
    children: [
      merged(fixed.order),
      merged(name),
      merged(fixed.valid),
      merged(fixed.invalid),
      ...model.levelLabels.flatMap(() => ['Số phiếu', 'Tỉ lệ'].map((t) => cell([headText(t)], half, { shading: { fill: 'EEEEEE' } }))),
    ],
  });
  const right = { align: AlignmentType.RIGHT };
  const rows = model.rows.map(
    (r) =>
      new TableRow({
        cantSplit: true,
        children: [
          cell([cellText(r.order, { align: AlignmentType.CENTER })], fixed.order),
          cell([cellText(r.fullName, { bold: true }), ...(r.position ? [cellText(r.position)] : [])], name),
          cell([cellText(r.valid, right)], fixed.valid),
          cell([cellText(r.invalid, right)], fixed.invalid),
          ...r.levels.flatMap((l) => [cell([cellText(l.count, right)], half), cell([cellText(l.percent, right)], half)]),
        ],
      }),
  );
  return new Table({ rows: [head1, head2, ...rows], columnWidths, width: { size: CONTENT_TWIPS, type: WidthType.DXA }, layout: TableLayoutType.FIXED, borders: GRID });
}

/** 20 mm to sign in, in twips. */
const SIGN_SPACE = 1134;

/**
 * The signature rows as borderless tables, one a row so a short last row stands centred;
 * every paragraph keeps with the next, so Word moves the blocks with the closing sentence.
 */
export function signatureTables(model: MinutesModel): Table[] {
  const rows = signatureRows(model.signatures);
  const columns = Math.max(...rows.map((r) => r.length));
  const width = Math.floor(CONTENT_TWIPS / columns);
  const block = (s: MinutesSignature, last: boolean) =>
    cell(
      [
        para(s.title, { bold: true, align: AlignmentType.CENTER, after: 0, keepNext: true }),
        para('(Ký, ghi rõ họ tên)', { italics: true, size: 22, align: AlignmentType.CENTER, after: 0, keepNext: true }),
        para(s.name, { bold: true, align: AlignmentType.CENTER, before: SIGN_SPACE, after: 200, keepNext: !last }),
      ],
      width,
    );
  return rows.map(
    (row, r) =>
      new Table({
        rows: [new TableRow({ cantSplit: true, children: row.map((s) => block(s, r === rows.length - 1)) })],
        columnWidths: row.map(() => width),
        width: { size: width * row.length, type: WidthType.DXA },
        alignment: AlignmentType.CENTER,
        layout: TableLayoutType.FIXED,
        borders: TableBorders.NONE,
      }),
  );
}

/** The header: issuer on the left, the national or Party header and the date on the right. */
export function headerTable(model: MinutesModel): Table {
  const left = Math.round(CONTENT_TWIPS * 0.42);
  const right = CONTENT_TWIPS - left;
  const centred = (text: string, o: Para = {}) => para(text, { align: AlignmentType.CENTER, after: 0, size: 24, ...o });
  // A short centred line: an empty paragraph's bottom border, narrowed by its indents.
  const rule = (cellWidth: number, length: number) =>
    new Paragraph({
      indent: { left: (cellWidth - length) / 2, right: (cellWidth - length) / 2 },
      spacing: { after: 80 },
      border: { bottom: { style: BorderStyle.SINGLE, size: 6, color: '000000', space: 1 } },
      children: [new TextRun({ text: '', size: 8, font: DOCX_FONT })],
    });
  return new Table({
    rows: [
      new TableRow({
        children: [
          cell([...model.issuer.map((line, i) => centred(line, { bold: i === model.issuer.length - 1 })), rule(left - 120, 1100)], left),
          cell(
            [
              centred(model.header, { bold: true }),
              ...(model.motto ? [centred(model.motto, { bold: true, size: BODY })] : []),
              rule(right - 120, model.motto ? 3000 : 2000),
              centred(model.placeDate, { italics: true, size: BODY }),
            ],
            right,
          ),
        ],
      }),
    ],
    columnWidths: [left, right],
    width: { size: CONTENT_TWIPS, type: WidthType.DXA },
    layout: TableLayoutType.FIXED,
    borders: TableBorders.NONE,
  });
}

export function appendixTable(model: MinutesModel): Table {
  const widths = [0.2, 0.18, 0.27, 0.35].map((f) => Math.floor(CONTENT_TWIPS * f));
  const small = (text: string, bold = false) => para(text, { size: 18, after: 0, bold });
  const row = (cells: string[], header = false) =>
    new TableRow({ tableHeader: header, cantSplit: true, children: cells.map((c, i) => cell([small(c, header)], widths[i]!, header ? { shading: { fill: 'EEEEEE' } } : {})) });
  return new Table({
    rows: [row(['Thời gian', 'Người thao tác', 'Sự kiện', 'Chi tiết'], true), ...model.appendix.rows.map((r) => row([r.at, r.actor, r.event, r.detail]))],
    columnWidths: widths,
    width: { size: CONTENT_TWIPS, type: WidthType.DXA },
    layout: TableLayoutType.FIXED,
    borders: GRID,
  });
}
