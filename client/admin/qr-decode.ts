/**
 * Reading a QR code from camera pixels (RGBA), for the key-share scanner. jsQR is pure
 * JavaScript with no dependencies, so this runs the same in the console and in Node tests.
 */
import jsQR from 'jsqr';

export interface Pixels {
  data: Uint8ClampedArray;
  width: number;
  height: number;
}

/** The text of the QR code in the picture, or null when none can be read. */
export function decodeQr(image: Pixels): string | null {
  // Printed cards are dark on light; a phone photo shown on a screen may be inverted.
  return jsQR(image.data, image.width, image.height, { inversionAttempts: 'attemptBoth' })?.data ?? null;
}

/**
 * Whether a scanned text can be a share code (53 symbols in groups, nothing else), so the
 * scanner keeps looking past a slip's QR instead of sending it. The server checks it fully.
 */
export function looksLikeShare(text: string): boolean {
  return /^[0-9A-Za-z]{53}$/.test(text.replace(/[\s\-_.]/g, ''));
}
