/**
 * A committee member's share of the sealed box, as printed, shown as a QR and typed: the
 * 33 bytes of a Shamir share in 53 symbols of the slip alphabet, in groups of five.
 */
import { CODE_ALPHABET, normaliseTyped } from './slip-code';
import { fromSymbols, toSymbols } from './box';

/** A share of the box's 32-byte key: the key's length plus one byte for the share's x. */
export const SHARE_BYTES = 33;
export const SHARE_SYMBOLS = Math.ceil((SHARE_BYTES * 8) / 5);

/** `XXXXX-XXXXX-…` (53 symbols). */
export function formatShareCode(share: Uint8Array): string {
  return toSymbols(share, SHARE_SYMBOLS).match(/.{1,5}/g)!.join('-');
}

/** Read a typed or scanned share the way a person might type it; null when it cannot be one. */
export function parseShareCode(input: string): Uint8Array | null {
  const clean = normaliseTyped(input);
  if (clean.length !== SHARE_SYMBOLS || !new RegExp(`^[${CODE_ALPHABET}]+$`).test(clean)) return null;
  return fromSymbols(clean, SHARE_BYTES);
}
