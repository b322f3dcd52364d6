/**
 * Reading a PDF's layout back in tests (pdfjs): each text item with its real font name
 * ("ABCDEF+NotoSerif-Bold" as embedded) and its position from the top of the page, so a
 * test can say which font a line is set in and where on the page it stands.
 */
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';

export interface PdfTextItem {
  str: string;
  /** The embedded font's name, subset prefix included. */
  font: string;
  x: number;
  /** Baseline, in points from the top of the page. */
  y: number;
  width: number;
  /** Drawn at an angle (a watermark), not in the flow of the text. */
  rotated: boolean;
}

export interface PdfPageLayout {
  width: number;
  height: number;
  /** Non-blank items, in drawing order. */
  items: PdfTextItem[];
}

export async function pdfLayout(data: Uint8Array | ArrayBuffer): Promise<PdfPageLayout[]> {
  // pdfjs refuses Node's Buffer (a Uint8Array subclass): copy into a plain one.
  const bytes = Buffer.isBuffer(data) ? new Uint8Array(data) : data instanceof Uint8Array ? data : new Uint8Array(data);
  const doc = await getDocument({ data: bytes, useSystemFonts: false, isEvalSupported: false }).promise;
  const pages: PdfPageLayout[] = [];
  for (let i = 1; i <= doc.numPages; i++) {
    const page = await doc.getPage(i);
    const [, , width, height] = page.view as [number, number, number, number];
    const content = await page.getTextContent();
    // The operator list loads the fonts, whose real names then sit in commonObjs.
    await page.getOperatorList();
    const items: PdfTextItem[] = [];
    for (const item of content.items) {
      if (!('str' in item) || item.str.trim() === '') continue;
      const font = (page.commonObjs.get(item.fontName) as { name?: string } | undefined)?.name ?? item.fontName;
      const [a, b, , , e, f] = item.transform as number[];
      items.push({ str: item.str, font, x: e!, y: height - f!, width: item.width, rotated: Math.abs(b!) > 1e-3 || a! < 0 });
    }
    pages.push({ width, height, items });
  }
  await doc.destroy();
  return pages;
}

/** The page's text on one line (items joined by spaces, white space folded). */
export function pageText(page: PdfPageLayout, joiner = ' '): string {
  return page.items.map((i) => i.str).join(joiner).replace(/\s+/g, ' ');
}

/**
 * The lowest line of the page's flowing text, as a fraction of the page height from the top
 * (0.9: text reaches nine tenths down). Watermarks and margin notes above `topMargin` do not count.
 */
export function textReach(page: PdfPageLayout, topMargin = 0): number {
  const ys = page.items.filter((i) => !i.rotated && i.y > topMargin).map((i) => i.y);
  return ys.length === 0 ? 0 : Math.max(...ys) / page.height;
}
