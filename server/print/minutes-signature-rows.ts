/**
 * How the signature blocks of the minutes are set in rows, the same on the PDF, the print page
 * and the .docx: up to three members side by side; four as two pairs; then three, then four a
 * row, so that even a committee of seven fits with the closing sentence in under half a page.
 * Blocks keep the committee's order (Trưởng ban first), reading left to right, row by row.
 */
import type { MinutesSignature } from '../domain/minutes-model';

export function signatureColumns(count: number): number {
  if (count <= 3) return Math.max(count, 1);
  if (count === 4) return 2;
  if (count <= 6) return 3;
  return 4;
}

export function signatureRows(blocks: MinutesSignature[]): MinutesSignature[][] {
  const columns = signatureColumns(blocks.length);
  const rows: MinutesSignature[][] = [];
  for (let i = 0; i < blocks.length; i += columns) rows.push(blocks.slice(i, i + columns));
  return rows;
}
