/** The slips as an A4 PDF (pdfkit, DejaVu fonts so Vietnamese diacritics print right). */
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import PDFDocument from 'pdfkit';
import { QR_MM, QR_QUIET, SLIP_MM, SLIPS_PER_PAGE, qrMatrix, qrRuns, type SlipFace } from './slip-sheet';

// Resolved as a package, so the same code finds the fonts from server/ (tsx) and from the
// compiled build/server.mjs that `npm start` runs.
const FONT_DIR = join(dirname(createRequire(import.meta.url).resolve('dejavu-fonts-ttf/package.json')), 'ttf');
const mm = (n: number) => (n * 72) / 25.4;

function drawQr(doc: PDFKit.PDFDocument, url: string, x: number, y: number): void {
  const matrix = qrMatrix(url);
  const cell = mm(QR_MM) / (matrix.length + 2 * QR_QUIET);
  for (const [mx, my, n] of qrRuns(matrix)) {
    doc.rect(x + (mx + QR_QUIET) * cell, y + (my + QR_QUIET) * cell, n * cell + 0.05, cell + 0.05);
  }
  doc.fill('#000000');
}

function drawSlip(doc: PDFKit.PDFDocument, face: SlipFace, x: number, y: number): void {
  doc.save();
  doc.lineWidth(0.6).dash(3, { space: 3 }).strokeColor('#777777').rect(x, y, mm(SLIP_MM.width), mm(SLIP_MM.height)).stroke();
  doc.restore();
  drawQr(doc, face.url, x + mm(4), y + mm(5));
  const tx = x + mm(4 + QR_MM + 3);
  const width = x + mm(SLIP_MM.width) - mm(5) - tx;
  let ty = y + mm(6);
  doc.fillColor('#000000').font('bold').fontSize(9.5).text(face.heading, tx, ty, { width, lineBreak: false });
  ty += mm(5);
  doc.font('bold').fontSize(8).text(face.title, tx, ty, { width, height: mm(7.5), ellipsis: true });
  ty = doc.y + mm(0.5);
  doc.font('regular').fontSize(7.5).fillColor('#333333').text(face.organisation, tx, ty, { width, height: mm(3.5), ellipsis: true, lineBreak: false });
  ty += mm(5);
  doc.font('mono').fontSize(14).fillColor('#000000').text(face.code, tx, ty, { width, lineBreak: false });
  ty += mm(8);
  doc.font('regular').fontSize(7);
  face.instructions.forEach((line, i) => {
    doc.text(`${i + 1}. ${line}`, tx, ty, { width });
    ty = doc.y + mm(0.6);
  });
}

/** Render every slip, 8 per A4 page, and resolve with the PDF bytes. */
export function renderSlipsPdf(faces: SlipFace[], title: string): Promise<Buffer> {
  const doc = new PDFDocument({ size: 'A4', margin: 0, autoFirstPage: false, info: { Title: `Phiếu — ${title}`, Creator: 'tinnhiem' } });
  doc.registerFont('regular', join(FONT_DIR, 'DejaVuSans.ttf'));
  doc.registerFont('bold', join(FONT_DIR, 'DejaVuSans-Bold.ttf'));
  doc.registerFont('mono', join(FONT_DIR, 'DejaVuSansMono-Bold.ttf'));
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
