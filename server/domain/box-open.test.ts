import { xchacha20poly1305 } from '@noble/ciphers/chacha.js';
import { hkdf } from '@noble/hashes/hkdf.js';
import { sha256 } from '@noble/hashes/sha2.js';
import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import {
  BALLOT_BYTES,
  ballotAad,
  ballotKeyInfo,
  ballotKeySalt,
  boxKeyPair,
  encodeBallot,
  openFromBox,
  SEALED_BYTES,
  sealToBox,
} from '../../shared/box';
import { x25519 } from '../../shared/x25519';
import { boxOpener } from './box-open';

const session = 'session-aaaaaaaa';
const people = Array.from({ length: 15 }, (_, i) => `p${i}`);
const levels = ['high', 'medium', 'low'];
const P = 2n ** 255n - 19n;

function ballot(): Uint8Array {
  return encodeBallot(people, levels, Object.fromEntries(people.map((id, i) => [id, levels[(i * 7 + randomBytes(1)[0]!) % 3]!])));
}

function littleEndian(n: bigint): Uint8Array {
  const out = new Uint8Array(32);
  for (let i = 0; i < 32; i++) out[i] = Number((n >> BigInt(8 * i)) & 255n);
  return out;
}

/** A seal made by hand, with the ephemeral key's encoding and the shared secret chosen. */
function sealWith(ephemeral: Uint8Array, shared: Uint8Array, box: Uint8Array, plain: Uint8Array): Uint8Array {
  const key = hkdf(sha256, shared, ballotKeySalt(ephemeral, box), ballotKeyInfo(session), 32);
  const nonce = randomBytes(24);
  const out = new Uint8Array(SEALED_BYTES);
  out.set(ephemeral);
  out.set(nonce, 32);
  out.set(xchacha20poly1305(key, nonce, ballotAad(session, box)).encrypt(plain), 56);
  return out;
}

function same(a: Uint8Array | null, b: Uint8Array | null): boolean {
  return a === null || b === null ? a === b : Buffer.from(a).equals(Buffer.from(b));
}

describe('opening sealed ballots natively', () => {
  const box = boxKeyPair();
  const open = boxOpener(session, box.secretKey, box.publicKey);

  it('opens what the phone sealed, byte for byte as the pure-JS path does', () => {
    for (let i = 0; i < 100; i++) {
      const plain = ballot();
      const sealed = sealToBox(session, box.publicKey, plain);
      const native = open(sealed);
      expect(native && Buffer.from(native).equals(Buffer.from(plain))).toBe(true);
      expect(same(native, openFromBox(session, box.secretKey, sealed, box.publicKey))).toBe(true);
    }
  });

  it('refuses another box, another session, a wrong size and any changed byte, as the pure-JS path does', () => {
    const sealed = sealToBox(session, box.publicKey, ballot());
    const other = boxKeyPair();
    expect(boxOpener(session, other.secretKey, other.publicKey)(sealed)).toBeNull();
    expect(boxOpener('session-bbbbbbbb', box.secretKey, box.publicKey)(sealed)).toBeNull();
    expect(open(sealed.subarray(0, SEALED_BYTES - 1))).toBeNull();
    for (const at of [0, 5, 31, 32, 55, 56, 300, SEALED_BYTES - 17, SEALED_BYTES - 1]) {
      const tampered = Uint8Array.from(sealed);
      tampered[at]! ^= 1;
      expect(open(tampered), `byte ${at}`).toBeNull();
      expect(openFromBox(session, box.secretKey, tampered, box.publicKey)).toBeNull();
    }
  });

  it('refuses a low-order ephemeral key even when the ballot is sealed under its all-zero secret', () => {
    // cr.yp.to/ecdh.html#validate: the encodings whose X25519 with any clamped scalar is zero.
    const order8 = [
      325606250916557431795983626356110631294008115727848805560023387167927233504n,
      39382357235489614581723060781553021112529911719440698176882885853963445705823n,
    ];
    const lowOrder = [0n, 1n, ...order8, P - 1n, P, P + 1n];
    const encodings = lowOrder.flatMap((u) => {
      const plain = littleEndian(u);
      const high = Uint8Array.from(plain);
      high[31]! |= 0x80; // the top bit, which X25519 ignores
      return [plain, high];
    });
    for (const ephemeral of encodings) {
      const sealed = sealWith(ephemeral, new Uint8Array(32), box.publicKey, ballot());
      expect(open(sealed)).toBeNull();
      expect(openFromBox(session, box.secretKey, sealed, box.publicKey)).toBeNull();
    }
  });

  it('opens a seal whose ephemeral key has its top bit set, or is written above the field prime, as the pure-JS path does (RFC 7748 decoding)', () => {
    const e = x25519.utils.randomSecretKey();
    const ephemeral = x25519.getPublicKey(e);
    const shared = x25519.getSharedSecret(e, box.publicKey);
    const topBit = Uint8Array.from(ephemeral);
    topBit[31]! |= 0x80;
    // p + 9 is the base point, written non-canonically: its shared secret is the box's public key.
    const nine = littleEndian(P + 9n);
    for (const [encoding, secret] of [
      [ephemeral, shared],
      [topBit, shared],
      [nine, box.publicKey],
    ] as const) {
      const plain = ballot();
      const sealed = sealWith(encoding, secret, box.publicKey, plain);
      const native = open(sealed);
      expect(same(native, openFromBox(session, box.secretKey, sealed, box.publicKey))).toBe(true);
      expect(native && Buffer.from(native).equals(Buffer.from(plain))).toBe(true);
    }
  });
});
