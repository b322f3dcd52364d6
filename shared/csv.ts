/**
 * Reading the list of people rated from a CSV file or from cells pasted out of a
 * spreadsheet (tab-separated): one parser for both, so a paste and a file give the same
 * preview. Nothing here decides what is saved; the server re-checks every row on confirm.
 */
import type { ErrorCode } from './errors';

/** Limits shared with the server's schema (server/routes/schemas.ts). */
export const MAX_NAME_LENGTH = 200;
export const MAX_POSITION_LENGTH = 300;
export const MAX_IMPORT_ROWS = 500;

export type Delimiter = ',' | ';' | '\t';

export interface ImportRow {
  /** 1-based line of the source where the row starts, for messages. */
  line: number;
  fullName: string;
  position: string;
  /** The cell starts like a spreadsheet formula (=, +, -, @): imported as plain text. */
  formulaLike: boolean;
}

export type RowErrorCode = Extract<
  ErrorCode,
  'csv-empty-name' | 'csv-name-too-long' | 'csv-position-too-long' | 'csv-too-many-columns' | 'csv-control-chars' | 'csv-too-many-rows'
>;

export interface RowError {
  line: number;
  code: RowErrorCode;
  /** The row as read, shortened, so a person can find it in the file. */
  text: string;
}

export interface ImportPreview {
  delimiter: Delimiter;
  header: boolean;
  rows: ImportRow[];
  errors: RowError[];
}

/** Trim, fold inner white space, and use NFC so "Nguyễn" typed two ways is one name. */
export function cleanCell(text: string): string {
  return text.normalize('NFC').replace(/[ \t\u00a0]+/g, ' ').trim();
}

/**
 * Characters that make text print differently from how it looks, or two names look alike:
 * controls (C0, DEL, C1), every Default_Ignorable_Code_Point (soft hyphen, zero-width and
 * joiner marks, U+2060…, variation selectors, fillers, tags) and every Bidi_Control (U+061C,
 * LRM/RLM, embeddings, isolates). The sets are Unicode's own, as the JavaScript engine's ICU
 * data carries them, so a new Unicode version updates them with Node and the browsers.
 */
export const CONTROL_RE = /[\p{Cc}\p{Default_Ignorable_Code_Point}\p{Bidi_Control}\u2028\u2029]/u;
const FORMULA_RE = /^[=+\-@]/;

/** Split text into records of cells (RFC 4180 quoting; CRLF, LF or CR line ends). */
export function splitRecords(text: string, delimiter: Delimiter): { line: number; cells: string[] }[] {
  const out: { line: number; cells: string[] }[] = [];
  let cells: string[] = [];
  let cell = '';
  let quoted = false;
  let line = 1;
  let startLine = 1;
  let i = 0;
  const endRecord = () => {
    cells.push(cell);
    out.push({ line: startLine, cells });
    cells = [];
    cell = '';
  };
  while (i < text.length) {
    const ch = text[i]!;
    if (quoted) {
      if (ch === '"') {
        if (text[i + 1] === '"') {
          cell += '"';
          i += 2;
          continue;
        }
        quoted = false;
      } else {
        if (ch === '\n' || (ch === '\r' && text[i + 1] !== '\n')) line++;
        cell += ch;
      }
      i++;
      continue;
    }
    if (ch === '"' && cell.trim() === '') {
      quoted = true;
      cell = '';
    } else if (ch === delimiter) {
      cells.push(cell);
      cell = '';
    } else if (ch === '\r' || ch === '\n') {
      if (ch === '\r' && text[i + 1] === '\n') i++;
      endRecord();
      line++;
      startLine = line;
    } else {
      cell += ch;
    }
    i++;
  }
  if (cell !== '' || cells.length > 0) endRecord();
  return out;
}

/** Tab when the first line has one (a spreadsheet paste); else the more frequent of ; and ,. */
export function detectDelimiter(text: string): Delimiter {
  const first = text.split(/\r\n|\n|\r/).find((l) => l.trim() !== '') ?? '';
  let inQuotes = false;
  const counts = { '\t': 0, ';': 0, ',': 0 };
  for (const ch of first) {
    if (ch === '"') inQuotes = !inQuotes;
    else if (!inQuotes && (ch === '\t' || ch === ';' || ch === ',')) counts[ch]++;
  }
  if (counts['\t'] > 0) return '\t';
  return counts[';'] > counts[','] ? ';' : ',';
}

type Column = 'order' | 'name' | 'position';
const HEADER_WORDS: Record<string, Column> = {
  'stt': 'order',
  'tt': 'order',
  'số thứ tự': 'order',
  'no': 'order',
  'no.': 'order',
  '#': 'order',
  'order': 'order',
  'họ và tên': 'name',
  'họ tên': 'name',
  'tên': 'name',
  'fullname': 'name',
  'full name': 'name',
  'name': 'name',
  'chức vụ': 'position',
  'chức danh': 'position',
  'position': 'position',
  'title': 'position',
};

function headerColumns(cells: string[]): Column[] | null {
  const cols = cells.map((c) => HEADER_WORDS[cleanCell(c).toLowerCase()]);
  return cols.includes('name') && cols.every((c) => c !== undefined) ? (cols as Column[]) : null;
}

const isOrderCell = (c: string) => /^\d{1,4}\.?$/.test(cleanCell(c));

/**
 * Parse a list of people: UTF-8 text (a BOM is dropped), comma, semicolon or tab separated,
 * an optional header row ("Họ và tên", "Chức vụ", optional "STT"). Each bad row gets an
 * error and is left out of `rows`; blank lines are skipped.
 */
export function parsePersonsCsv(input: string): ImportPreview {
  const text = input.replace(/^\ufeff/, '');
  const delimiter = detectDelimiter(text);
  const records = splitRecords(text, delimiter).filter((r) => r.cells.some((c) => c.trim() !== ''));
  const rows: ImportRow[] = [];
  const errors: RowError[] = [];
  if (records.length === 0) return { delimiter, header: false, rows, errors };

  let columns = headerColumns(records[0]!.cells);
  const header = columns !== null;
  const body = header ? records.slice(1) : records;
  if (!columns) {
    // No header: a leading number column is the printed order (STT) when every row has one.
    const numbered = body.every((r) => r.cells.length >= 2 && isOrderCell(r.cells[0]!));
    columns = numbered ? ['order', 'name', 'position'] : ['name', 'position'];
  }

  for (const { line, cells } of body) {
    const raw = cells.join(delimiter === '\t' ? ' | ' : delimiter);
    const fail = (code: RowErrorCode) => errors.push({ line, code, text: raw.length > 80 ? `${raw.slice(0, 79)}…` : raw });
    // Spreadsheets often export trailing empty cells: only non-empty extra cells are an error.
    const extra = cells.slice(columns.length);
    if (extra.some((c) => c.trim() !== '')) {
      fail('csv-too-many-columns');
      continue;
    }
    const cell = (col: Column) => {
      const i = columns.indexOf(col);
      return i >= 0 ? (cells[i] ?? '') : '';
    };
    const rawName = cell('name');
    const rawPosition = cell('position');
    if (CONTROL_RE.test(rawName.trim()) || CONTROL_RE.test(rawPosition.trim())) {
      fail('csv-control-chars');
      continue;
    }
    const fullName = cleanCell(rawName);
    const position = cleanCell(rawPosition);
    if (fullName === '') fail('csv-empty-name');
    else if (fullName.length > MAX_NAME_LENGTH) fail('csv-name-too-long');
    else if (position.length > MAX_POSITION_LENGTH) fail('csv-position-too-long');
    else if (rows.length >= MAX_IMPORT_ROWS) fail('csv-too-many-rows');
    else rows.push({ line, fullName, position, formulaLike: FORMULA_RE.test(fullName) || FORMULA_RE.test(position) });
  }
  return { delimiter, header, rows, errors };
}

/** The same checks for one person typed or confirmed elsewhere; null when fine. */
export function personError(fullName: string, position: string): RowErrorCode | null {
  if (CONTROL_RE.test(fullName.trim()) || CONTROL_RE.test(position.trim())) return 'csv-control-chars';
  const name = cleanCell(fullName);
  if (name === '') return 'csv-empty-name';
  if (name.length > MAX_NAME_LENGTH) return 'csv-name-too-long';
  if (cleanCell(position).length > MAX_POSITION_LENGTH) return 'csv-position-too-long';
  return null;
}
