/**
 * Opening sealed ballots on the server with Node's OpenSSL (docs/security.md, "Opening on the
 * server, natively"): the same computation as `openFromBox` in shared/box.ts, with X25519
 * and HKDF native and XChaCha20-Poly1305 from @noble/ciphers.
 */
import { createPrivateKey, createPublicKey, diffieHellman, hkdfSync, type KeyObject } from 'node:crypto';
import { xchacha20poly1305 } from '@noble/ciphers/chacha.js';
import { ballotAad, ballotKeyInfo, ballotKeySalt, SEALED_BYTES } from '../../shared/box';

// RFC 8410's DER for a raw X25519 key: a private key in PKCS #8, a public key in SPKI.
const PKCS8_PREFIX = Buffer.from('302e020100300506032b656e04220420', 'hex');
const SPKI_PREFIX = Buffer.from('302a300506032b656e032100', 'hex');

function privateKey(secret: Uint8Array): KeyObject {
  const der = Buffer.concat([PKCS8_PREFIX, secret]);
  try {
    return createPrivateKey({ key: der, format: 'der', type: 'pkcs8' });
  } finally {
    der.fill(0);
  }
}

function isZero(bytes: Uint8Array): boolean {
  let any = 0;
  for (const b of bytes) any |= b;
  return any === 0;
}

/**
 * An opener for one box: each call opens one sealed ballot, or gives null when it does not
 * open (wrong size, low-order ephemeral key, wrong box, session or tag). The box's secret is
 * copied into an OpenSSL key object, which OpenSSL clears when it is collected.
 */
export function boxOpener(sessionId: string, boxSecret: Uint8Array, boxPublic: Uint8Array): (sealed: Uint8Array) => Uint8Array | null {
  const own = privateKey(boxSecret);
  const info = ballotKeyInfo(sessionId);
  const aad = ballotAad(sessionId, boxPublic);
  return (sealed) => {
    if (sealed.length !== SEALED_BYTES) return null;
    const ephemeral = sealed.subarray(0, 32);
    let shared: Buffer;
    try {
      const theirs = createPublicKey({ key: Buffer.concat([SPKI_PREFIX, ephemeral]), format: 'der', type: 'spki' });
      shared = diffieHellman({ privateKey: own, publicKey: theirs });
    } catch {
      return null;
    }
    // OpenSSL refuses an all-zero result itself; checked here too, as noble does.
    if (isZero(shared)) return null;
    const key = new Uint8Array(hkdfSync('sha256', shared, ballotKeySalt(ephemeral, boxPublic), info, 32));
    shared.fill(0);
    try {
      return xchacha20poly1305(key, sealed.subarray(32, 56), aad).decrypt(sealed.subarray(56));
    } catch {
      return null;
    } finally {
      key.fill(0);
    }
  };
}
