/**
 * The slip's key: scrypt of the printed secret (pure JS, for plain-http LAN pages where
 * WebCrypto is unavailable). It proves the slip is held (`slipProof`) and authenticates the
 * cast (shared/box.ts `castAuth`); it opens no ballot — ballots are sealed to the box. The
 * server derives the same key with node:crypto (same params).
 */
import { scryptAsync } from '@noble/hashes/scrypt.js';
import { sha256 } from '@noble/hashes/sha2.js';

/** scrypt cost: ~4 MiB and a fraction of a second on a cheap phone, milliseconds natively. */
export const SCRYPT_PARAMS = { N: 4096, r: 8, p: 1, dkLen: 32 } as const;

const encoder = new TextEncoder();

/** The salt binds the key to the slip id. */
export function keySalt(slipId: string): Uint8Array {
  return encoder.encode(`tinnhiem/slip/${slipId}`);
}

/** Derive a slip's 32-byte key in the browser (pure JS). */
export function deriveSlipKey(slipId: string, secret: string): Promise<Uint8Array> {
  return scryptAsync(encoder.encode(secret), keySalt(slipId), { ...SCRYPT_PARAMS });
}

/**
 * Proof that the holder knows the secret, sent when the page opens the slip so a typo is
 * caught before the delegate fills the ballot. It reveals no more than a sealed ballot does.
 */
export function slipProof(key: Uint8Array): string {
  const tag = encoder.encode('tinnhiem/proof');
  const buf = new Uint8Array(key.length + tag.length);
  buf.set(key);
  buf.set(tag, key.length);
  return toBase64Url(sha256(buf).subarray(0, 16));
}

const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';

export function toBase64Url(bytes: Uint8Array): string {
  let out = '';
  for (let i = 0; i < bytes.length; i += 3) {
    const n = (bytes[i]! << 16) | ((bytes[i + 1] ?? 0) << 8) | (bytes[i + 2] ?? 0);
    out += B64[(n >> 18) & 63]! + B64[(n >> 12) & 63]!;
    if (i + 1 < bytes.length) out += B64[(n >> 6) & 63]!;
    if (i + 2 < bytes.length) out += B64[n & 63]!;
  }
  return out;
}

export function fromBase64Url(text: string): Uint8Array {
  if (!/^[A-Za-z0-9_-]*$/.test(text) || text.length % 4 === 1) throw new Error('bad base64url');
  const out = new Uint8Array(Math.floor((text.length * 3) / 4));
  let bits = 0;
  let value = 0;
  let j = 0;
  for (const ch of text) {
    value = (value << 6) | B64.indexOf(ch);
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      out[j++] = (value >> bits) & 255;
    }
  }
  return out;
}
