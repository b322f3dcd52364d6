import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { castAuth } from '../../shared/box';
import { castAuthNative, packCasts, packResults, randomOrder, unpackCasts, unpackResult, type CastResult } from './cast-commit';

describe('the cast authenticator on the server', () => {
  it('is the phone\'s castAuth, computed natively', () => {
    for (let i = 0; i < 50; i++) {
      const key = randomBytes(32);
      const args = [`session-${randomBytes(8).toString('base64url')}`, 'AB12', randomBytes(16).toString('base64url'), randomBytes(584).toString('base64url')] as const;
      expect(castAuthNative(key, ...args).toString('base64url')).toBe(castAuth(key, ...args));
    }
  });
});

describe('a batch crossing to the worker and back', () => {
  it('keeps every cast and every answer, in order', () => {
    const casts = Array.from({ length: 5 }, (_, i) => ({ slipId: `AB${i}C`, nonce: `n${i}`, sealed: randomBytes(30).toString('base64url'), auth: randomBytes(32).toString('base64url') }));
    expect(unpackCasts(packCasts(casts))).toEqual(casts);
    const results: CastResult[] = [{ ok: { sessionId: 's-1', already: false } }, { ok: { sessionId: 's-2', already: true } }, { refused: 'slip-used' }, { refused: 'bad-seal' }];
    expect(packResults(results).map(unpackResult)).toEqual(results);
  });
});

describe('the order a batch is written in', () => {
  it('is a permutation of the batch', () => {
    for (const n of [0, 1, 2, 3, 17, 256]) {
      const order = [...randomOrder(n)];
      expect(order.sort((a, b) => a - b)).toEqual(Array.from({ length: n }, (_, i) => i));
    }
  });

  it('draws every order of three alike', () => {
    // 60,000 draws: each of the 6 orders expects 10,000 (σ ≈ 91); the classic wrong shuffle
    // (swapping with any position, not only those not yet placed) gives them 8,889 or 11,111.
    const counts = new Map<string, number>();
    for (let k = 0; k < 60_000; k++) {
      const key = [...randomOrder(3)].join('');
      counts.set(key, (counts.get(key) ?? 0) + 1);
    }
    expect(counts.size).toBe(6);
    for (const count of counts.values()) expect(Math.abs(count - 10_000)).toBeLessThan(500);
  });

  it('puts the first cast anywhere in a batch, not mostly first', () => {
    const firstAt = new Array<number>(8).fill(0);
    for (let k = 0; k < 8000; k++) firstAt[randomOrder(8).indexOf(0)]!++;
    for (const count of firstAt) expect(Math.abs(count - 1000)).toBeLessThan(200);
  });
});
