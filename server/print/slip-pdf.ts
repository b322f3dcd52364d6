/** The slips as an A4 PDF (pdfkit, DejaVu fonts so Vietnamese diacritics print right). */
import PDFDocument from 'pdfkit';
import { FONT_FILES } from './fonts';
import { QR_MM, QR_QUIET, SLIP_MM, SLIPS_PER_PAGE, qrMatrix, qrRuns, type SlipFace } from './slip-sheet';

const mm = (n: number) => (n * 72) / 25.4;

function drawQr(doc: PDFKit.PDFDocument, url: string, x: number, y: number): void {
  const matrix = qrMatrix(url);
  const cell = mm(QR_MM) / (matrix.length + 2 * QR_QUIET);
  for (const [mx, my, n] of qrRuns(matrix)) {
    doc.rect(x + (mx + QR_QUIET) * cell, y + (my + QR_QUIET) * cell, n * cell + 0.05, cell + 0.05);
  }
  doc.fill('#000000');
}

/** Title and organisation sizes (pt) tried in turn until both fit the slip whole. */
const TEXT_SIZES = [
  { title: 8, org: 7.5 },
  { title: 7.2, org: 6.8 },
  { title: 6.4, org: 6.1 },
  { title: 5.7, org: 5.4 },
  { title: 5, org: 4.8 },
];

function drawSlip(doc: PDFKit.PDFDocument, face: SlipFace, x: number, y: number): void {
  doc.save();
  doc.lineWidth(0.6).dash(3, { space: 3 }).strokeColor('#777777').rect(x, y, mm(SLIP_MM.width), mm(SLIP_MM.height)).stroke();
  doc.restore();
  drawQr(doc, face.url, x + mm(4), y + mm(5));
  const tx = x + mm(4 + QR_MM + 3);
  const width = x + mm(SLIP_MM.width) - mm(5) - tx;
  const foot = y + mm(SLIP_MM.height) - mm(3.5);
  // What follows the title and organisation, measured so they get all the room that is left.
  doc.font('regular').fontSize(7);
  const lines = face.instructions.map((line, i) => `${i + 1}. ${line}`);
  const instructionsH = lines.reduce((h, line) => h + doc.heightOfString(line, { width }) + mm(0.6), 0);
  const codeH = mm(8);
  let ty = y + mm(6);
  doc.fillColor('#000000').font('bold').fontSize(9.5).text(face.heading, tx, ty, { width, lineBreak: false });
  ty += mm(5);
  const room = foot - instructionsH - codeH - mm(0.5) - ty;
  // Wrapped whole, never cut: a long title or organisation is set smaller until both fit.
  const heights = (s: (typeof TEXT_SIZES)[number]) =>
    doc.font('bold').fontSize(s.title).heightOfString(face.title, { width }) + mm(0.5) + doc.font('regular').fontSize(s.org).heightOfString(face.organisation || ' ', { width });
  const size = TEXT_SIZES.find((s) => heights(s) <= room) ?? TEXT_SIZES.at(-1)!;
  doc.font('bold').fontSize(size.title).text(face.title, tx, ty, { width });
  ty = doc.y + mm(0.5);
  if (face.organisation) doc.font('regular').fontSize(size.org).fillColor('#333333').text(face.organisation, tx, ty, { width });
  ty = Math.max(doc.y, ty) + mm(1);
  doc.font('mono').fontSize(14).fillColor('#000000').text(face.code, tx, ty, { width, lineBreak: false });
  ty += codeH;
  doc.font('regular').fontSize(7);
  for (const line of lines) {
    doc.text(line, tx, ty, { width });
    ty = doc.y + mm(0.6);
  }
}

/** Render every slip, 8 per A4 page, and resolve with the PDF bytes. */
export function renderSlipsPdf(faces: SlipFace[], title: string): Promise<Buffer> {
  const doc = new PDFDocument({ size: 'A4', margin: 0, autoFirstPage: false, info: { Title: `Phiếu — ${title}`, Creator: 'tinnhiem' } });
  doc.registerFont('regular', FONT_FILES.sans);
  doc.registerFont('bold', FONT_FILES.sansBold);
  doc.registerFont('mono', FONT_FILES.monoBold);
  const chunks: Buffer[] = [];
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('data', (c: Buffer) => chunks.push(c));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  faces.forEach((face, i) => {
    const slot = i % SLIPS_PER_PAGE;
    if (slot === 0) doc.addPage({ size: 'A4', margin: 0 });
    const col = slot % 2;
    const row = Math.floor(slot / 2);
    drawSlip(doc, face, mm(col * SLIP_MM.width), mm(row * SLIP_MM.height));
  });
  if (faces.length === 0) doc.addPage({ size: 'A4', margin: 0 });
  doc.end();
  return done;
}
