/** Reading a PDF's text back in tests (pdfjs), so numbers and diacritics can be checked. */
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';

/** The text items of each page, in drawing order, as pdfjs gives them (untrimmed). */
export async function pdfPageItems(data: Uint8Array | ArrayBuffer): Promise<string[][]> {
  const bytes = data instanceof Uint8Array ? data : new Uint8Array(data);
  const doc = await getDocument({ data: bytes, useSystemFonts: false, isEvalSupported: false }).promise;
  const pages: string[][] = [];
  for (let i = 1; i <= doc.numPages; i++) {
    const content = await (await doc.getPage(i)).getTextContent();
    pages.push(content.items.map((item) => ('str' in item ? item.str : '')));
  }
  await doc.destroy();
  return pages;
}

/** Every non-blank text item of a PDF, trimmed, in order. */
export async function pdfItems(data: Uint8Array | ArrayBuffer): Promise<string[]> {
  return (await pdfPageItems(data)).flat().map((s) => s.trim()).filter((s) => s !== '');
}
