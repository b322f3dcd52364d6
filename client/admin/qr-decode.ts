/**
 * Reading a QR code from camera pixels (RGBA), for the share and leftover-slip scanners. jsQR is pure
 * JavaScript with no dependencies, so this runs the same in the console and in Node tests.
 * Loaded only when a camera starts (qr-camera.tsx): what a scanned text means is in scan-text.ts.
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
