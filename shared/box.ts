/**
 * The sealed ballot box (docs/security.md, section 0): what the phone, the scripts and the
 * server must compute alike. Pure JS from audited libraries — X25519 (@noble/curves),
 * HKDF/HMAC/SHA-256 (@noble/hashes), XChaCha20-Poly1305 (@noble/ciphers) — needing only
 * `crypto.getRandomValues`, so it runs on the plain-http LAN page.
 */
import { xchacha20poly1305 } from '@noble/ciphers/chacha.js';
import { x25519 } from './x25519';
import { hkdf } from '@noble/hashes/hkdf.js';
import { hmac } from '@noble/hashes/hmac.js';
import { sha256 } from '@noble/hashes/sha2.js';
import { CODE_ALPHABET, normaliseTyped } from './slip-code';
import { fromBase64Url, toBase64Url } from './seal';

/** The plaintext of every ballot of every session: format, person count, one byte a person, zeros. */
export const BALLOT_BYTES = 512;
/** The most people one ballot can carry (the people list's own limit). */
export const MAX_BALLOT_PERSONS = 500;
const BALLOT_FORMAT = 1;
const HEADER_BYTES = 3;
/** Ephemeral public key ‖ nonce ‖ ciphertext ‖ tag. */
export const SEALED_BYTES = 32 + 24 + BALLOT_BYTES + 16;
/** Length of a sealed ballot in base64url (no padding): the same in every cast frame. */
export const SEALED_TEXT_LENGTH = Math.ceil((SEALED_BYTES * 8) / 6);
/** Length of a cast's authenticator (HMAC-SHA256) in base64url. */
export const AUTH_TEXT_LENGTH = 43;

const encoder = new TextEncoder();

/** Length-prefixed concatenation, so no two different field lists give the same bytes. */
export function framed(...parts: (Uint8Array | string)[]): Uint8Array {
  const bytes = parts.map((p) => (typeof p === 'string' ? encoder.encode(p) : p));
  const out = new Uint8Array(bytes.reduce((n, b) => n + 4 + b.length, 0));
  let at = 0;
  for (const b of bytes) {
    new DataView(out.buffer).setUint32(at, b.length);
    out.set(b, at + 4);
    at += 4 + b.length;
  }
  return out;
}

/**
 * Encode a ballot at a fixed width. `marks` maps person id to level id; a person without a
 * known level gets "no mark". Throws when the list is longer than a ballot can carry.
 */
export function encodeBallot(
  personIds: readonly string[],
  levelIds: readonly string[],
  marks: Readonly<Record<string, string | null | undefined>>,
): Uint8Array {
  if (personIds.length > MAX_BALLOT_PERSONS || levelIds.length > 254) throw new Error('ballot too large');
  const out = new Uint8Array(BALLOT_BYTES);
  out[0] = BALLOT_FORMAT;
  out[1] = personIds.length >> 8;
  out[2] = personIds.length & 255;
  personIds.forEach((id, i) => {
    const level = marks[id];
    const index = level == null ? -1 : levelIds.indexOf(level);
    out[HEADER_BYTES + i] = index + 1;
  });
  return out;
}

/**
 * Decode a ballot against the session's people and levels; null when it is not a well-formed
 * ballot of this session (wrong size, format, count, level or padding) — a spoilt ballot.
 */
export function decodeBallot(
  bytes: Uint8Array,
  personIds: readonly string[],
  levelIds: readonly string[],
): Record<string, string | null> | null {
  if (bytes.length !== BALLOT_BYTES || bytes[0] !== BALLOT_FORMAT) return null;
  if (((bytes[1]! << 8) | bytes[2]!) !== personIds.length) return null;
  const marks: Record<string, string | null> = {};
  for (let i = 0; i < personIds.length; i++) {
    const b = bytes[HEADER_BYTES + i]!;
    if (b > levelIds.length) return null;
    marks[personIds[i]!] = b === 0 ? null : levelIds[b - 1]!;
  }
  for (let i = HEADER_BYTES + personIds.length; i < BALLOT_BYTES; i++) if (bytes[i] !== 0) return null;
  return marks;
}

/** HKDF's salt for a ballot's key: the ephemeral public key ‖ the box's public key. */
export function ballotKeySalt(ephemeral: Uint8Array, box: Uint8Array): Uint8Array {
  const salt = new Uint8Array(64);
  salt.set(ephemeral);
  salt.set(box, 32);
  return salt;
}

/** HKDF's info for a ballot's key. */
export function ballotKeyInfo(sessionId: string): Uint8Array {
  return framed('tinnhiem/box/v1', sessionId);
}

function ballotKey(shared: Uint8Array, ephemeral: Uint8Array, box: Uint8Array, sessionId: string): Uint8Array {
  return hkdf(sha256, shared, ballotKeySalt(ephemeral, box), ballotKeyInfo(sessionId), 32);
}

/** The associated data every seal of a session's box authenticates. */
export function ballotAad(sessionId: string, box: Uint8Array): Uint8Array {
  return framed('tinnhiem/ballot/v1', sessionId, box);
}

/**
 * Seal a 512-byte plaintext to the box's public key with a fresh ephemeral key agreement.
 * The ephemeral secret and the derived key are zeroed before returning: the phone keeps
 * nothing that could later prove what it sealed.
 */
export function sealToBox(sessionId: string, boxPublicKey: Uint8Array, plaintext: Uint8Array): Uint8Array {
  if (plaintext.length !== BALLOT_BYTES) throw new Error('plaintext must be BALLOT_BYTES');
  const ephemeralSecret = x25519.utils.randomSecretKey();
  const ephemeral = x25519.getPublicKey(ephemeralSecret);
  const shared = x25519.getSharedSecret(ephemeralSecret, boxPublicKey);
  const key = ballotKey(shared, ephemeral, boxPublicKey, sessionId);
  const nonce = new Uint8Array(24);
  globalThis.crypto.getRandomValues(nonce);
  const ciphertext = xchacha20poly1305(key, nonce, ballotAad(sessionId, boxPublicKey)).encrypt(plaintext);
  ephemeralSecret.fill(0);
  shared.fill(0);
  key.fill(0);
  const out = new Uint8Array(SEALED_BYTES);
  out.set(ephemeral);
  out.set(nonce, 32);
  out.set(ciphertext, 56);
  return out;
}

/**
 * Open a sealed ballot with the box's secret key; null when it does not open. Opening many,
 * pass the box's public key once instead of deriving it for each.
 */
export function openFromBox(sessionId: string, boxSecretKey: Uint8Array, sealed: Uint8Array, boxPublic?: Uint8Array): Uint8Array | null {
  if (sealed.length !== SEALED_BYTES) return null;
  try {
    const ephemeral = sealed.subarray(0, 32);
    const box = boxPublic ?? x25519.getPublicKey(boxSecretKey);
    const shared = x25519.getSharedSecret(boxSecretKey, ephemeral);
    const key = ballotKey(shared, ephemeral, box, sessionId);
    shared.fill(0);
    const plain = xchacha20poly1305(key, sealed.subarray(32, 56), ballotAad(sessionId, box)).decrypt(sealed.subarray(56));
    key.fill(0);
    return plain;
  } catch {
    return null;
  }
}

/** A new box key pair (the server's, at sealing). */
export function boxKeyPair(): { secretKey: Uint8Array; publicKey: Uint8Array } {
  const secretKey = x25519.utils.randomSecretKey();
  return { secretKey, publicKey: x25519.getPublicKey(secretKey) };
}

/** The public key that belongs to a box secret key. */
export function boxPublicKey(secretKey: Uint8Array): Uint8Array {
  return x25519.getPublicKey(secretKey);
}

/**
 * The cast's authenticator: HMAC-SHA256 under the slip's key over the session, the slip,
 * the nonce and the sealed ballot, so only the slip's holder can cast with it and a captured
 * cast cannot be moved to another slip.
 */
export function castAuth(slipKey: Uint8Array, sessionId: string, slipId: string, nonce: string, sealedText: string): string {
  return toBase64Url(hmac(sha256, slipKey, castAuthInput(sessionId, slipId, nonce, sealedText)));
}

/** The bytes `castAuth` authenticates (the server computes the same HMAC natively). */
export function castAuthInput(sessionId: string, slipId: string, nonce: string, sealedText: string): Uint8Array {
  return framed('tinnhiem/cast/v1', sessionId, slipId, nonce, sealedText);
}

/** `bits` bits of `bytes` as symbols of the slip alphabet (5 bits a symbol). */
export function toSymbols(bytes: Uint8Array, symbols: number): string {
  let out = '';
  let value = 0;
  let bits = 0;
  for (const b of bytes) {
    value = ((value << 8) | b) & 0xffff;
    bits += 8;
    while (bits >= 5 && out.length < symbols) {
      bits -= 5;
      out += CODE_ALPHABET[(value >> bits) & 31];
    }
  }
  if (bits > 0 && out.length < symbols) out += CODE_ALPHABET[(value << (5 - bits)) & 31];
  return out;
}

/** The symbols of the slip alphabet back to bytes; null on a symbol outside it. */
export function fromSymbols(text: string, bytes: number): Uint8Array | null {
  const out = new Uint8Array(bytes);
  let value = 0;
  let bits = 0;
  let j = 0;
  for (const ch of text) {
    const v = CODE_ALPHABET.indexOf(ch);
    if (v < 0) return null;
    value = ((value << 5) | v) & 0xffff;
    bits += 5;
    if (bits >= 8 && j < bytes) {
      bits -= 8;
      out[j++] = (value >> bits) & 255;
    }
  }
  return j === bytes ? out : null;
}

function groups(text: string, size: number): string {
  return text.match(new RegExp(`.{1,${size}}`, 'g'))!.join('-');
}

/** The tracking code (mã kiểm tra) of a sealed ballot: 60 bits, `XXXX-XXXX-XXXX`. */
export function receiptCode(sealed: Uint8Array): string {
  return groups(toSymbols(sha256(framed('tinnhiem/receipt/v1', sealed)), 12), 4);
}

/** The receipt of a sealed ballot in its base64url form (as the phone keeps it). */
export function receiptOfSealedText(sealedText: string): string {
  return receiptCode(fromBase64Url(sealedText));
}

/** Normalise a typed tracking code (any case, spaces, O for 0, I/L for 1); null if it cannot be one. */
export function parseReceiptCode(input: string): string | null {
  const clean = normaliseTyped(input);
  if (!new RegExp(`^[${CODE_ALPHABET}]{12}$`).test(clean)) return null;
  return groups(clean, 4);
}

/** The box's fingerprint in the minutes: its public key and the sorted list of tracking codes. */
export function boxFingerprint(publicKey: Uint8Array, sortedCodes: readonly string[]): string {
  return groups(toSymbols(sha256(framed('tinnhiem/fingerprint/v1', publicKey, sortedCodes.join('\n'))), 20), 4);
}

export { fromBase64Url, toBase64Url };

/** What a phone needs to seal its ballot: the session's id, box key, people and levels (from `slip.open`). */
export interface BallotBox {
  id: string;
  box: string | null;
  persons: readonly { id: string }[];
  levels: readonly { id: string }[];
}

/** A cast ready to send (and resend unchanged), and the tracking code the phone shows. */
export interface SealedCast {
  nonce: string;
  sealed: string;
  auth: string;
  receipt: string;
}

/** A random client nonce for one cast (16 bytes, 22 characters). */
export function castNonce(): string {
  const bytes = new Uint8Array(16);
  globalThis.crypto.getRandomValues(bytes);
  return toBase64Url(bytes);
}

/** Seal `plaintext` (BALLOT_BYTES) to the box and authenticate it with the slip's key. */
export function sealPlaintext(slipKey: Uint8Array, slipId: string, ballot: BallotBox, plaintext: Uint8Array): SealedCast {
  if (!ballot.box) throw new Error('the box has no key yet');
  const sealedBytes = sealToBox(ballot.id, fromBase64Url(ballot.box), plaintext);
  plaintext.fill(0);
  const sealed = toBase64Url(sealedBytes);
  const nonce = castNonce();
  return { nonce, sealed, auth: castAuth(slipKey, ballot.id, slipId, nonce, sealed), receipt: receiptCode(sealedBytes) };
}

/** Seal a ballot exactly as the phone does: fixed width, to the box, authenticated by the slip. */
export function sealCast(
  slipKey: Uint8Array,
  slipId: string,
  ballot: BallotBox,
  marks: Readonly<Record<string, string | null | undefined>>,
): SealedCast {
  const plaintext = encodeBallot(
    ballot.persons.map((p) => p.id),
    ballot.levels.map((l) => l.id),
    marks,
  );
  return sealPlaintext(slipKey, slipId, ballot, plaintext);
}
