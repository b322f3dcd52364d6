/**
 * The scanner's decoder on pictures of the QR the ceremony shows (drawn from `qrcode`'s
 * modules, as client/admin/qr.tsx draws them): straight, and as a camera might see a card.
 */
import { randomBytes } from 'node:crypto';
import QRCode from 'qrcode';
import { describe, expect, it } from 'vitest';
import { formatShareCode, SHARE_BYTES } from '../../shared/box-share';
import { decodeQr, type Pixels } from './qr-decode';
import { looksLikeShare } from './scan-text';

/**
 * A grey `size`×`size` picture of the QR for `text`, `modulePx` pixels a module, turned by
 * `degrees`, with contrast reduced and noise added when `rough`.
 */
function picture(text: string, { size = 480, modulePx = 8, degrees = 0, rough = false } = {}): Pixels {
  const { modules } = QRCode.create(text, { errorCorrectionLevel: 'M' });
  const n = modules.size + 8;
  const data = new Uint8ClampedArray(size * size * 4);
  const angle = (degrees * Math.PI) / 180;
  const [cos, sin] = [Math.cos(angle), Math.sin(angle)];
  let seed = 7;
  const noise = () => ((seed = (seed * 48271) % 2147483647) / 2147483647 - 0.5) * 24;
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      // Where this pixel falls on the card, turned about the picture's centre.
      const dx = x - size / 2;
      const dy = y - size / 2;
      const u = (cos * dx + sin * dy) / modulePx + n / 2 - 4;
      const v = (-sin * dx + cos * dy) / modulePx + n / 2 - 4;
      const inCard = u >= -4 && v >= -4 && u < n - 4 && v < n - 4;
      const dark = inCard && u >= 0 && v >= 0 && u < modules.size && v < modules.size && modules.get(Math.floor(v), Math.floor(u));
      let level = !inCard ? 150 : dark ? (rough ? 60 : 0) : rough ? 200 : 255;
      if (rough) level += noise();
      const i = (y * size + x) * 4;
      data[i] = data[i + 1] = data[i + 2] = level;
      data[i + 3] = 255;
    }
  }
  return { data, width: size, height: size };
}

describe('decodeQr', () => {
  const share = formatShareCode(randomBytes(SHARE_BYTES));

  it('reads a share code from its QR', () => {
    expect(decodeQr(picture(share))).toBe(share);
  });

  it('reads it turned, small, grey and noisy, as a laptop camera sees a card', () => {
    expect(decodeQr(picture(share, { degrees: 12, modulePx: 5.5, rough: true }))).toBe(share);
  });

  it('reads nothing from a picture with no QR', () => {
    expect(decodeQr({ data: new Uint8ClampedArray(320 * 240 * 4).fill(128), width: 320, height: 240 })).toBeNull();
  });
});

describe('looksLikeShare', () => {
  it('takes a share code however it is grouped, and not a slip QR', () => {
    const share = formatShareCode(randomBytes(SHARE_BYTES));
    expect(looksLikeShare(share)).toBe(true);
    expect(looksLikeShare(share.replace(/-/g, ' ').toLowerCase())).toBe(true);
    expect(looksLikeShare(share.slice(0, -1))).toBe(false);
    expect(looksLikeShare('http://192.168.1.10:8080/b/7K3M#Q8ZX2PA')).toBe(false);
  });
});
