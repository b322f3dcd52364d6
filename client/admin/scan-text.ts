/**
 * What a scanned share card's text can be, checked before anything is sent. Apart from
 * qr-decode.ts so that the console's first load does not carry the decoder; a slip's QR is
 * read by `slipFromScan` (shared/slip-code.ts).
 */

/**
 * Whether a scanned text can be a share code (53 symbols in groups, nothing else), so the
 * scanner keeps looking past a slip's QR instead of sending it. The server checks it fully.
 */
export function looksLikeShare(text: string): boolean {
  return /^[0-9A-Za-z]{53}$/.test(text.replace(/[\s\-_.]/g, ''));
}
