/**
 * QR codes for every face (printed slips, the console's share cards and LAN link, the
 * display's list of tracking codes): the `qrcode` library's modules, read row by row, as one
 * SVG path of horizontal runs. Error correction M.
 */
import QRCode from 'qrcode';

/** Dark modules of the QR, as rows of booleans. */
export function qrMatrix(text: string): boolean[][] {
  const { modules } = QRCode.create(text, { errorCorrectionLevel: 'M' });
  const rows: boolean[][] = [];
  for (let y = 0; y < modules.size; y++) {
    const row: boolean[] = [];
    // BitMatrix.get takes (row, column): get(x, y) draws the code mirrored on its diagonal.
    for (let x = 0; x < modules.size; x++) row.push(modules.get(y, x) === 1);
    rows.push(row);
  }
  return rows;
}

/** Horizontal runs of dark modules: [x, y, length]. One path per QR keeps 500 slips light. */
export function qrRuns(matrix: boolean[][]): [number, number, number][] {
  const runs: [number, number, number][] = [];
  matrix.forEach((row, y) => {
    let x = 0;
    while (x < row.length) {
      if (!row[x]) {
        x++;
        continue;
      }
      const start = x;
      while (x < row.length && row[x]) x++;
      runs.push([start, y, x - start]);
    }
  });
  return runs;
}

/** An SVG path of the QR with a quiet zone of `quiet` modules; `n` is the side of its view box. */
export function qrSvgPath(text: string, quiet = 4): { d: string; n: number } {
  const matrix = qrMatrix(text);
  const d = qrRuns(matrix)
    .map(([x, y, len]) => `M${x + quiet} ${y + quiet}h${len}v1h-${len}z`)
    .join('');
  return { d, n: matrix.length + 2 * quiet };
}
