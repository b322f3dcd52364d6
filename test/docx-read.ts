/**
 * Reading a .docx back in tests: unzipped with fflate, word/document.xml's paragraphs as
 * text and its tables as rows of cell texts, so a test checks what Word will show.
 */
import { strFromU8, unzipSync } from 'fflate';

export interface DocxContent {
  /** Every paragraph of the body outside tables, in order. */
  paragraphs: string[];
  /** Each table as rows of cells, a cell's paragraphs joined by a space. */
  tables: string[][][];
  /** The text of each header part (word/header*.xml). */
  headers: string[];
  /** Every part of the package by name, as text. */
  parts: Record<string, string>;
}

const decode = (s: string) =>
  s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&#(\d+);/g, (_, n: string) => String.fromCodePoint(Number(n))).replace(/&amp;/g, '&');

/** The text of a run of WordprocessingML: every <w:t>, in order. */
function text(xml: string): string {
  return [...xml.matchAll(/<w:t(?:\s[^>]*)?>([\s\S]*?)<\/w:t>/g)].map((m) => decode(m[1]!)).join('');
}

function paragraphs(xml: string): string[] {
  return [...xml.matchAll(/<w:p[ >][\s\S]*?<\/w:p>/g)].map((m) => text(m[0]));
}

export function readDocx(bytes: Uint8Array): DocxContent {
  const files = unzipSync(bytes);
  const parts = Object.fromEntries(Object.entries(files).map(([name, data]) => [name, strFromU8(data)]));
  const document = parts['word/document.xml'];
  if (!document) throw new Error('no word/document.xml');
  const tables = [...document.matchAll(/<w:tbl>[\s\S]*?<\/w:tbl>/g)].map((t) =>
    [...t[0].matchAll(/<w:tr[ >][\s\S]*?<\/w:tr>/g)].map((row) =>
      [...row[0].matchAll(/<w:tc>[\s\S]*?<\/w:tc>/g)].map((c) => paragraphs(c[0]).filter((p) => p !== '').join(' ')),
    ),
  );
  const outside = document.replace(/<w:tbl>[\s\S]*?<\/w:tbl>/g, '');
  const headers = Object.keys(parts)
    .filter((n) => /^word\/header\d*\.xml$/.test(n))
    .sort()
    .map((n) => paragraphs(parts[n]!).join('\n'));
  return { paragraphs: paragraphs(outside.slice(outside.indexOf('<w:body>'))).filter((p) => p !== ''), tables, headers, parts };
}
