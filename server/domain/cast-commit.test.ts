import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { castAuth } from '../../shared/box';
import { castAuthNative } from './cast-commit';

describe('the cast authenticator on the server', () => {
  it('is the phone\'s castAuth, computed natively', () => {
    for (let i = 0; i < 50; i++) {
      const key = randomBytes(32);
      const args = [`session-${randomBytes(8).toString('base64url')}`, 'AB12', randomBytes(16).toString('base64url'), randomBytes(584).toString('base64url')] as const;
      expect(castAuthNative(key, ...args).toString('base64url')).toBe(castAuth(key, ...args));
    }
  });
});
