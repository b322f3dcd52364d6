import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatSlipCode, parseSlipCode, randomSymbols, slipFromScan, slipPath, SLIP_ID_LENGTH, SLIP_SECRET_LENGTH } from './slip-code';

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

describe('a scanned slip QR', () => {
  it('is the ballot page address on any LAN origin, read as the ballot page reads it', () => {
    expect(slipFromScan(`http://192.168.1.10:8080${slipPath('7K3M', 'Q8ZX2PA')}`)).toEqual({ id: '7K3M', secret: 'Q8ZX2PA' });
    expect(slipFromScan('https://hoi-nghi.local/b/7k3m#q8zx2pa')).toEqual({ id: '7K3M', secret: 'Q8ZX2PA' });
    expect(slipFromScan(' http://localhost:8080/b/7K3M/#Q8ZX2PA\n')).toEqual({ id: '7K3M', secret: 'Q8ZX2PA' });
  });
  it('is nothing else: a share card, the LAN address, a typed code, a broken link', () => {
    for (const other of [
      'VNYKZ-CZAWK-VNYKZ-CZAWK-VNYKZ-CZAWK-VNYKZ-CZAWK-VNYKZ-CZAWK-VNY',
      'http://192.168.1.10:8080/',
      '7K3M-Q8ZX2PA',
      'http://192.168.1.10:8080/b/7K3M',
      'http://192.168.1.10:8080/b/7K3M#Q8ZX2P',
      'http://192.168.1.10:8080/display/abc#key',
      'http://192.168.1.10:8080/b/%E0%A4%A#Q8ZX2PA',
    ]) {
      expect(slipFromScan(other), other).toBeNull();
    }
  });
});
