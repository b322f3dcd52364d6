import { describe, expect, it } from 'vitest';
import { deriveSlipKey, openSeal, seal, slipProof, toBase64Url, fromBase64Url } from '../../shared/seal';
import { deriveSlipKeyNative } from './slip-keys';

describe('sealing', () => {
  it('the phone (noble scrypt) and the server (node:crypto scrypt) derive the same key', async () => {
    const phone = await deriveSlipKey('AB12', 'XYZ7890');
    const server = await deriveSlipKeyNative('AB12', 'XYZ7890');
    expect(Buffer.from(phone).equals(server)).toBe(true);
    expect(slipProof(phone)).toBe(slipProof(new Uint8Array(server)));
  });
  it('opens only with the right key and the right slip id', async () => {
    const key = await deriveSlipKeyNative('AB12', 'XYZ7890');
    const sealed = seal(key, 'AB12', '{"v":1}');
    expect(openSeal(key, 'AB12', sealed)).toBe('{"v":1}');
    expect(openSeal(key, 'AB13', sealed)).toBeNull();
    expect(openSeal(await deriveSlipKeyNative('AB12', 'XYZ7891'), 'AB12', sealed)).toBeNull();
    // Flip one bit in every byte position in turn (nonce, ciphertext, tag): none opens.
    const bytes = fromBase64Url(sealed);
    for (let i = 0; i < bytes.length; i++) {
      const tampered = Uint8Array.from(bytes);
      tampered[i]! ^= 1;
      expect(openSeal(key, 'AB12', toBase64Url(tampered))).toBeNull();
    }
    expect(openSeal(key, 'AB12', 'not base64!')).toBeNull();
    expect(openSeal(key, 'AB12', '')).toBeNull();
  });
  it('base64url round-trips every length', () => {
    for (let n = 0; n < 40; n++) {
      const bytes = Uint8Array.from({ length: n }, (_, i) => (i * 37 + n) & 255);
      const text = toBase64Url(bytes);
      expect(text).toBe(Buffer.from(bytes).toString('base64url'));
      expect(Buffer.from(fromBase64Url(text)).equals(Buffer.from(bytes))).toBe(true);
    }
  });
});
