/** The address the display's QR names: the one phones can reach. */
import { describe, expect, it } from 'vitest';
import { receiptsUrl } from './box-view';

const info = { id: 'Sess1234abcd', lanOrigin: 'http://192.168.1.20:8080' };

describe('the QR of the tracking codes', () => {
  it('names the address the display was opened on, which is the LAN address of the display link', () => {
    expect(receiptsUrl(info, { origin: 'http://192.168.1.20:8080', hostname: '192.168.1.20' })).toBe('http://192.168.1.20:8080/r/Sess1234abcd');
    expect(receiptsUrl(info, { origin: 'http://10.0.0.5:8080', hostname: '10.0.0.5' })).toBe('http://10.0.0.5:8080/r/Sess1234abcd');
  });

  it('names the LAN address when the display was opened on the laptop itself', () => {
    for (const [origin, hostname] of [
      ['http://localhost:8080', 'localhost'],
      ['http://127.0.0.1:8080', '127.0.0.1'],
      ['http://[::1]:8080', '[::1]'],
    ] as const) {
      expect(receiptsUrl(info, { origin, hostname })).toBe('http://192.168.1.20:8080/r/Sess1234abcd');
    }
    // No LAN at all: the laptop's own address is all there is.
    expect(receiptsUrl({ ...info, lanOrigin: null }, { origin: 'http://localhost:8080', hostname: 'localhost' })).toBe('http://localhost:8080/r/Sess1234abcd');
  });
});
