import fc from 'fast-check';
import { split, combine } from 'shamir-secret-sharing';
import { describe, expect, it } from 'vitest';
import {
  BALLOT_BYTES,
  SEALED_BYTES,
  SEALED_TEXT_LENGTH,
  boxFingerprint,
  boxKeyPair,
  castAuth,
  decodeBallot,
  encodeBallot,
  fromBase64Url,
  openFromBox,
  parseReceiptCode,
  receiptCode,
  sealCast,
  sealToBox,
  toBase64Url,
} from './box';
import { formatShareCode, parseShareCode } from './box-share';

const levels = ['high', 'medium', 'low'];
const people = (n: number) => Array.from({ length: n }, (_, i) => `p${i}`);

describe('ballot encoding', () => {
  it('is fixed width and round-trips every mark, including no mark', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 500 }), fc.array(fc.integer({ min: -1, max: 2 }), { maxLength: 500 }), (n, choices) => {
        const ids = people(n);
        const marks = Object.fromEntries(ids.map((id, i) => [id, (choices[i] ?? -1) < 0 ? null : levels[choices[i]!]!]));
        const bytes = encodeBallot(ids, levels, marks);
        expect(bytes.length).toBe(BALLOT_BYTES);
        expect(decodeBallot(bytes, ids, levels)).toEqual(marks);
      }),
      { numRuns: 200 },
    );
  });
  it('refuses what is not a well-formed ballot of this session', () => {
    const ids = people(3);
    const good = encodeBallot(ids, levels, { p0: 'low' });
    expect(decodeBallot(good, people(4), levels)).toBeNull(); // another person count
    const badLevel = Uint8Array.from(good);
    badLevel[4] = 4;
    expect(decodeBallot(badLevel, ids, levels)).toBeNull();
    const badPad = Uint8Array.from(good);
    badPad[BALLOT_BYTES - 1] = 1;
    expect(decodeBallot(badPad, ids, levels)).toBeNull();
    const badFormat = Uint8Array.from(good);
    badFormat[0] = 2;
    expect(decodeBallot(badFormat, ids, levels)).toBeNull();
    expect(decodeBallot(good.subarray(0, 100), ids, levels)).toBeNull();
    expect(() => encodeBallot(people(501), levels, {})).toThrow();
  });
});

describe('sealing to the box', () => {
  const session = 'session-aaaaaaaa';
  it('opens only with the box secret, for its session, and every seal has one length', () => {
    const box = boxKeyPair();
    const other = boxKeyPair();
    const lengths = new Set<number>();
    for (const n of [0, 1, 15, 60, 500]) {
      const plain = encodeBallot(people(n), levels, Object.fromEntries(people(n).map((id) => [id, 'medium'])));
      const sealed = sealToBox(session, box.publicKey, plain);
      lengths.add(sealed.length);
      expect(Buffer.from(openFromBox(session, box.secretKey, sealed)!).equals(Buffer.from(plain))).toBe(true);
      expect(openFromBox(session, other.secretKey, sealed)).toBeNull();
      expect(openFromBox('session-bbbbbbbb', box.secretKey, sealed)).toBeNull();
    }
    expect([...lengths]).toEqual([SEALED_BYTES]);
    expect(toBase64Url(new Uint8Array(SEALED_BYTES)).length).toBe(SEALED_TEXT_LENGTH);
  });
  it('a flipped bit anywhere makes the seal not open', () => {
    const box = boxKeyPair();
    const sealed = sealToBox(session, box.publicKey, encodeBallot(people(2), levels, { p0: 'low' }));
    for (let i = 0; i < sealed.length; i++) {
      const tampered = Uint8Array.from(sealed);
      tampered[i]! ^= 1 << (i % 8);
      expect(openFromBox(session, box.secretKey, tampered)).toBeNull();
    }
  });
  it('two seals of the same ballot differ (fresh ephemeral key and nonce)', () => {
    const box = boxKeyPair();
    const plain = () => encodeBallot(people(2), levels, { p0: 'low' });
    const a = sealToBox(session, box.publicKey, plain());
    const b = sealToBox(session, box.publicKey, plain());
    expect(Buffer.from(a.subarray(0, 32)).equals(Buffer.from(b.subarray(0, 32)))).toBe(false);
    expect(receiptCode(a)).not.toBe(receiptCode(b));
  });
  it('the cast authenticator depends on the slip key, session, slip, nonce and seal', () => {
    const key = new Uint8Array(32).fill(7);
    const base = castAuth(key, session, 'AB12', 'n1', 'sealed');
    expect(base).toHaveLength(43);
    expect(castAuth(new Uint8Array(32).fill(8), session, 'AB12', 'n1', 'sealed')).not.toBe(base);
    expect(castAuth(key, 'session-bbbbbbbb', 'AB12', 'n1', 'sealed')).not.toBe(base);
    expect(castAuth(key, session, 'AB13', 'n1', 'sealed')).not.toBe(base);
    expect(castAuth(key, session, 'AB12', 'n2', 'sealed')).not.toBe(base);
    expect(castAuth(key, session, 'AB12', 'n1', 'sealeD')).not.toBe(base);
    // Field boundaries are framed: moving a character between fields changes the result.
    expect(castAuth(key, session, 'AB12', 'n1s', 'ealed')).not.toBe(base);
  });
  it('sealCast gives a receipt the server can recompute from the sealed bytes alone', () => {
    const box = boxKeyPair();
    const view = { id: session, box: toBase64Url(box.publicKey), persons: people(3).map((id) => ({ id })), levels: levels.map((id) => ({ id })) };
    const cast = sealCast(new Uint8Array(32), 'AB12', view, { p1: 'high' });
    expect(cast.sealed).toHaveLength(SEALED_TEXT_LENGTH);
    expect(cast.receipt).toBe(receiptCode(fromBase64Url(cast.sealed)));
    expect(cast.receipt).toMatch(/^[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}$/);
    expect(parseReceiptCode(cast.receipt.toLowerCase().replace(/-/g, ' '))).toBe(cast.receipt);
    expect(parseReceiptCode('ABC')).toBeNull();
    const opened = openFromBox(session, box.secretKey, fromBase64Url(cast.sealed))!;
    expect(decodeBallot(opened, people(3), levels)).toEqual({ p0: null, p1: 'high', p2: null });
  });
  it('the fingerprint changes with the box key and with any code', () => {
    const box = boxKeyPair();
    const f = boxFingerprint(box.publicKey, ['AAAA-AAAA-AAAA', 'BBBB-BBBB-BBBB']);
    expect(boxFingerprint(box.publicKey, ['AAAA-AAAA-AAAA', 'BBBB-BBBB-BBBB'])).toBe(f);
    expect(boxFingerprint(boxKeyPair().publicKey, ['AAAA-AAAA-AAAA', 'BBBB-BBBB-BBBB'])).not.toBe(f);
    expect(boxFingerprint(box.publicKey, ['AAAA-AAAA-AAAA'])).not.toBe(f);
  });
});

describe('share codes', () => {
  it('round-trip a Shamir share as typed, in any case, with or without dashes', async () => {
    const secret = boxKeyPair().secretKey;
    const shares = await split(secret, 3, 2);
    for (const share of shares) {
      const code = formatShareCode(share);
      expect(code.replace(/-/g, '')).toHaveLength(53);
      expect(Buffer.from(parseShareCode(code)!).equals(Buffer.from(share))).toBe(true);
      expect(Buffer.from(parseShareCode(code.toLowerCase().replace(/-/g, ' '))!).equals(Buffer.from(share))).toBe(true);
    }
    const back = await combine([parseShareCode(formatShareCode(shares[2]!))!, parseShareCode(formatShareCode(shares[0]!))!]);
    expect(Buffer.from(back).equals(Buffer.from(secret))).toBe(true);
    expect(parseShareCode('ABCDE')).toBeNull();
    expect(parseShareCode(formatShareCode(shares[0]!) + 'X')).toBeNull();
  });
});
