// @vitest-environment happy-dom
/** The console's QR is drawn the right way round, not mirrored (strict phone scanners refuse a mirrored code). */
import { render } from '@testing-library/preact';
import QRCode from 'qrcode';
import { expect, it } from 'vitest';
import { Qr } from './qr';

it('puts the fixed dark module beside the bottom-left finder, where ISO 18004 has it', () => {
  for (const text of ['ABCDE-FGHJK-MNPQR-STVWX-YZ012-34567-89ABC-DEFGH-JKMNP-QRSTV-WXY', 'http://192.168.1.10:8080/']) {
    const { modules } = QRCode.create(text, { errorCorrectionLevel: 'M' });
    const n = modules.size;
    const { container, unmount } = render(<Qr text={text} label="qr" />);
    const dark = new Set([...container.querySelector('path')!.getAttribute('d')!.matchAll(/M(\d+) (\d+)h1v1h-1z/g)].map((m) => `${Number(m[1]) - 4},${Number(m[2]) - 4}`));
    // Column 8, row n−8: always dark. Its mirror (column n−8, row 8) is a format bit.
    expect(dark.has(`8,${n - 8}`)).toBe(true);
    // Top-left finder's corner, and the quiet light module inside the bottom-left finder's ring.
    expect(dark.has('0,0')).toBe(true);
    expect(dark.has(`1,${n - 2}`)).toBe(false);
    // Every module where the matrix (row, column) has it.
    for (let row = 0; row < n; row++) for (let col = 0; col < n; col++) expect(dark.has(`${col},${row}`)).toBe(modules.get(row, col) === 1);
    unmount();
  }
});
