import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatSlipCode, parseSlipCode, randomSymbols, SLIP_ID_LENGTH, SLIP_SECRET_LENGTH } from './slip-code';

describe('slip codes', () => {
  it('are at most 12 characters and read back the same', () => {
    fc.assert(
      fc.property(fc.constant(null), () => {
        const id = randomSymbols(SLIP_ID_LENGTH);
        const secret = randomSymbols(SLIP_SECRET_LENGTH);
        const code = formatSlipCode(id, secret);
        expect(code.length).toBeLessThanOrEqual(12);
        expect(parseSlipCode(code)).toEqual({ id, secret });
        expect(parseSlipCode(code.toLowerCase())).toEqual({ id, secret });
        expect(parseSlipCode(code.replace('-', ' '))).toEqual({ id, secret });
      }),
      { numRuns: 200 },
    );
  });
  it('forgive the letters people confuse: O for 0, I and L for 1', () => {
    expect(parseSlipCode('A0B1-C0D1EFG')).toEqual({ id: 'A0B1', secret: 'C0D1EFG' });
    expect(parseSlipCode('aob1-coDiEFG')).toEqual({ id: 'A0B1', secret: 'C0D1EFG' });
    expect(parseSlipCode('AOBL-COD1EFG')).toEqual({ id: 'A0B1', secret: 'C0D1EFG' });
  });
  it('refuse what cannot be a code', () => {
    for (const bad of ['', 'ABCD', 'ABCD-EFGHJK', 'ABCD-EFGHJKMN', 'ABCU-EFGHJKM', '<script>', 'ABCD-EFG HJK!']) {
      expect(parseSlipCode(bad)).toBeNull();
    }
  });
});
