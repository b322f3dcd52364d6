import { describe, expect, it } from 'vitest';
import { deriveSlipKey, slipProof, toBase64Url, fromBase64Url } from '../../shared/seal';
import { deriveSlipKeyNative } from './slip-keys';

describe('slip keys', () => {
  it('the phone (noble scrypt) and the server (node:crypto scrypt) derive the same key', async () => {
    const phone = await deriveSlipKey('AB12', 'XYZ7890');
    const server = await deriveSlipKeyNative('AB12', 'XYZ7890');
    expect(Buffer.from(phone).equals(server)).toBe(true);
    expect(slipProof(phone)).toBe(slipProof(new Uint8Array(server)));
    expect(slipProof(phone)).not.toBe(slipProof(await deriveSlipKey('AB13', 'XYZ7890')));
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
