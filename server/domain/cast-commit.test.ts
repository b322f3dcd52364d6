import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { castAuth } from '../../shared/box';
import { castAuthNative, packCasts, packResults, unpackCasts, unpackResult, type CastResult } from './cast-commit';

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
