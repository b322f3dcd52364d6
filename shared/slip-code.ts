/**
 * Slip identifiers and the typed code printed on each slip.
 *
 * A slip has an id (locates it; travels to the server) and a secret (seals the ballot;
 * never leaves the phone). The QR code holds `/b/<id>#<secret>`: the secret sits in the
 * URL fragment, which browsers never send. The typed code carries the same two parts in
 * 12 characters: `IIII-SSSSSSS` (4 id symbols, a dash, 7 secret symbols).
 */

/** Crockford's base32: no I, L, O or U, so nothing is read two ways. */
export const CODE_ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
export const SLIP_ID_LENGTH = 4;
export const SLIP_SECRET_LENGTH = 7;

const ID_RE = new RegExp(`^[${CODE_ALPHABET}]{${SLIP_ID_LENGTH}}$`);
const SECRET_RE = new RegExp(`^[${CODE_ALPHABET}]{${SLIP_SECRET_LENGTH}}$`);

/** A random string of `length` symbols from the code alphabet (uniform: 32 divides 256). */
export function randomSymbols(length: number): string {
  const bytes = new Uint8Array(length);
  globalThis.crypto.getRandomValues(bytes);
  let out = '';
  for (const b of bytes) out += CODE_ALPHABET[b & 31];
  return out;
}

export function isSlipId(id: string): boolean {
  return ID_RE.test(id);
}

export function isSlipSecret(secret: string): boolean {
  return SECRET_RE.test(secret);
}

/** The code a person types: `IIII-SSSSSSS`. */
export function formatSlipCode(id: string, secret: string): string {
  return `${id}-${secret}`;
}

/**
 * Read a typed code the way a person might type it: any case, with or without dashes
 * or spaces, O for 0 and I or L for 1. Returns null when it cannot be a slip code.
 */
export function parseSlipCode(input: string): { id: string; secret: string } | null {
  const clean = normaliseTyped(input);
  if (clean.length !== SLIP_ID_LENGTH + SLIP_SECRET_LENGTH) return null;
  const id = clean.slice(0, SLIP_ID_LENGTH);
  const secret = clean.slice(SLIP_ID_LENGTH);
  return isSlipId(id) && isSlipSecret(secret) ? { id, secret } : null;
}

/**
 * A code as a person types it, in the code alphabet's terms: any case, without spaces, dashes,
 * underscores or dots, O read as 0 and I or L as 1. Slip codes, share codes and tracking codes
 * are all read this way.
 */
export function normaliseTyped(input: string): string {
  return input
    .normalize('NFKC')
    .toUpperCase()
    .replace(/[\s\-_.]/g, '')
    .replace(/O/g, '0')
    .replace(/[IL]/g, '1');
}

/** The path of a slip's ballot page, with the secret in the fragment. */
export function slipPath(id: string, secret: string): string {
  return `/b/${id}#${secret}`;
}

/**
 * The slip a scanned QR names. A slip's QR holds its ballot page's address,
 * `http://<LAN address>/b/<id>#<secret>`, whatever the address; the pair is read as the
 * ballot page reads it (as a typed code). Null for any other QR.
 */
export function slipFromScan(text: string): { id: string; secret: string } | null {
  const m = /^https?:\/\/[^/\s]+\/b\/([^/?#\s]+)\/?#([^#?\s]+)$/.exec(text.trim());
  if (!m) return null;
  let rawId: string;
  try {
    rawId = decodeURIComponent(m[1]!);
  } catch {
    return null;
  }
  return parseSlipCode(rawId + m[2]!);
}
