/** QR codes are drawn the right way round, not mirrored (strict phone scanners refuse a mirrored code). */
import QRCode from 'qrcode';
import { expect, it } from 'vitest';
import { qrMatrix, qrSvgPath } from './qr';

const texts = ['ABCDE-FGHJK-MNPQR-STVWX-YZ012-34567-89ABC-DEFGH-JKMNP-QRSTV-WXY', 'http://192.168.1.10:8080/b/AB12#XYZ7890'];

it('puts the fixed dark module beside the bottom-left finder, where ISO 18004 has it', () => {
  for (const text of texts) {
    const m = qrMatrix(text);
    const n = m.length;
    // Column 8, row n−8: always dark. Its mirror (column n−8, row 8) is a format bit.
    expect(m[n - 8]![8]).toBe(true);
    // Top-left finder's corner, and the light ring inside the bottom-left finder.
    expect(m[0]![0]).toBe(true);
    expect(m[n - 2]![1]).toBe(false);
    // Row by row as the library stores it (row-major).
    const { modules } = QRCode.create(text, { errorCorrectionLevel: 'M' });
    expect(m.flat()).toEqual(Array.from(modules.data, (v) => v === 1));
  }
});

it('the SVG path covers exactly the dark modules, inside a 4-module quiet zone', () => {
  for (const text of texts) {
    const m = qrMatrix(text);
    const { d, n } = qrSvgPath(text);
    expect(n).toBe(m.length + 8);
    const dark = new Set<string>();
    for (const [, x, y, len] of d.matchAll(/M(\d+) (\d+)h(\d+)v1h-\d+z/g)) for (let i = 0; i < Number(len); i++) dark.add(`${Number(x) + i - 4},${Number(y) - 4}`);
    m.forEach((row, y) => row.forEach((on, x) => expect(dark.has(`${x},${y}`)).toBe(on)));
  }
});
