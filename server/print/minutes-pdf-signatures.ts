/**
 * The closing sentence and the signatures of the minutes PDF: one block per member (title,
 * "(Ký, ghi rõ họ tên)", room to sign, the name), in rows as `signatureRows` lays them out
 * for the print page too. The closing sentence and every block stay on one page; when they
 * do not fit below the text, a tighter signing space is tried before a new page is taken,
 * so the page before them is never left half empty.
 */
import type { MinutesModel, MinutesSignature } from '../domain/minutes-model';
import { BODY_PT, bottom, contentWidth, MARGIN, newPage, type Doc } from './minutes-pdf-table';
import { signatureRows } from './minutes-signature-rows';

const SIGN_NOTE = '(Ký, ghi rõ họ tên)';
/** Room to sign: about 20 mm, or 15 mm when that keeps the signatures on the page. */
const SIGN_SPACES = [56, 42];
const ROW_GAP = 14;
const NOTE_PT = 11;
/** Lines between the closing sentence and the signature titles. */
const CLOSING_GAP = 0.6;

function blockHeight(doc: Doc, block: MinutesSignature, width: number, space: number): number {
  const title = doc.font('serifBold').fontSize(BODY_PT).heightOfString(block.title, { width });
  const note = doc.font('serifItalic').fontSize(NOTE_PT).heightOfString(SIGN_NOTE, { width });
  const name = doc.font('serifBold').fontSize(BODY_PT).heightOfString(block.name || ' ', { width });
  return title + note + space + name;
}

function rowsHeight(doc: Doc, rows: MinutesSignature[][], width: number, space: number): number {
  return rows.reduce((sum, row, i) => sum + (i > 0 ? ROW_GAP : 0) + Math.max(...row.map((b) => blockHeight(doc, b, width / rowColumns(rows), space))), 0);
}

/** Every row is laid out on the grid of the fullest one, so blocks line up in columns. */
function rowColumns(rows: MinutesSignature[][]): number {
  return Math.max(...rows.map((r) => r.length));
}

export function drawClosingAndSignatures(doc: Doc, model: MinutesModel): void {
  const width = contentWidth(doc);
  const rows = signatureRows(model.signatures);
  const closingH = doc.font('serif').fontSize(BODY_PT).heightOfString(model.closing, { width, align: 'justify' }) + CLOSING_GAP * doc.currentLineHeight(true);
  const pageRoom = bottom(doc) - MARGIN.top;
  const fits = (space: number) => doc.y + closingH + rowsHeight(doc, rows, width, space) <= bottom(doc);
  let space = SIGN_SPACES.find(fits);
  if (space === undefined) {
    newPage(doc);
    space = SIGN_SPACES[0]!;
  }
  doc.font('serif').fontSize(BODY_PT).text(model.closing, MARGIN.left, doc.y, { width, align: 'justify' });
  doc.moveDown(CLOSING_GAP);
  const columns = rowColumns(rows);
  const blockW = width / columns;
  for (const [r, row] of rows.entries()) {
    const h = Math.max(...row.map((b) => blockHeight(doc, b, blockW, space)));
    // Only a committee too large for any one page gets here with rows left over.
    if (doc.y + h > bottom(doc) && rowsHeight(doc, rows, width, space) + closingH > pageRoom) newPage(doc);
    const top = doc.y + (r > 0 ? ROW_GAP : 0);
    // A short row is centred under the full ones.
    const left = MARGIN.left + ((columns - row.length) * blockW) / 2;
    row.forEach((block, i) => {
      const x = left + i * blockW;
      doc.font('serifBold').fontSize(BODY_PT).text(block.title, x, top, { width: blockW, align: 'center' });
      doc.font('serifItalic').fontSize(NOTE_PT).text(SIGN_NOTE, x, doc.y, { width: blockW, align: 'center' });
      if (block.name) doc.font('serifBold').fontSize(BODY_PT).text(block.name, x, doc.y + space, { width: blockW, align: 'center' });
    });
    doc.x = MARGIN.left;
    doc.y = top + h;
  }
}
