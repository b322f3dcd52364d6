import { describe, expect, it } from 'vitest';
import { forgetStaleSlips, loadSlip, memoryStorage, saveSlip, STALE_DAYS } from './slip-store';

const DAY = 20_500;

describe('what the phone keeps about its slips', () => {
  it('keeps a record with the day it was written, and gives it back without that day', () => {
    const kv = memoryStorage();
    saveSlip(kv, 'AB12', { used: true, receipt: 'ABCD-EFGH-JKMN' }, DAY);
    expect(loadSlip(kv, 'AB12')).toEqual({ used: true, receipt: 'ABCD-EFGH-JKMN' });
    expect(JSON.parse(kv.getItem('tinnhiem.slip.AB12')!)).toEqual({ used: true, receipt: 'ABCD-EFGH-JKMN', day: DAY });
    saveSlip(kv, 'AB12', {}, DAY);
    expect(kv.getItem('tinnhiem.slip.AB12')).toBeNull();
  });

  it(`forgets records not written for more than ${STALE_DAYS} days — choices of a vote that ended while the phone was away, old tracking codes — and nothing else`, () => {
    const kv = memoryStorage();
    saveSlip(kv, 'OLD1', { secret: 'CDEFGH3', marks: { p1: 'low' } }, DAY - STALE_DAYS - 1);
    saveSlip(kv, 'OLD2', { used: true, receipt: 'ABCD-EFGH-JKMN' }, DAY - STALE_DAYS - 5);
    saveSlip(kv, 'EDGE', { used: true, receipt: 'WXYZ-EFGH-JKMN' }, DAY - STALE_DAYS);
    saveSlip(kv, 'NEW1', { secret: 'CDEFGH4', marks: { p1: 'high' } }, DAY);
    kv.setItem('tinnhiem.lang', 'en');
    kv.setItem('other.app', '{"day":1}');
    expect(forgetStaleSlips(kv, DAY)).toBe(2);
    expect(loadSlip(kv, 'OLD1')).toEqual({});
    expect(loadSlip(kv, 'OLD2')).toEqual({});
    expect(loadSlip(kv, 'EDGE')).toEqual({ used: true, receipt: 'WXYZ-EFGH-JKMN' });
    expect(loadSlip(kv, 'NEW1')).toEqual({ secret: 'CDEFGH4', marks: { p1: 'high' } });
    expect(kv.getItem('tinnhiem.lang')).toBe('en');
    expect(kv.getItem('other.app')).toBe('{"day":1}');
  });

  it('a record kept before records carried a day starts its count at the first look', () => {
    const kv = memoryStorage();
    kv.setItem('tinnhiem.slip.AB12', JSON.stringify({ used: true, receipt: 'ABCD-EFGH-JKMN' }));
    expect(forgetStaleSlips(kv, DAY)).toBe(0);
    expect(JSON.parse(kv.getItem('tinnhiem.slip.AB12')!)).toMatchObject({ day: DAY });
    expect(forgetStaleSlips(kv, DAY + STALE_DAYS)).toBe(0);
    expect(forgetStaleSlips(kv, DAY + STALE_DAYS + 1)).toBe(1);
    expect(kv.length).toBe(0);
  });

  it('storage that refuses every call forgets nothing and throws nothing', () => {
    const refusing = {
      getItem: () => {
        throw new Error('SecurityError');
      },
      setItem: () => {
        throw new Error('SecurityError');
      },
      removeItem: () => {
        throw new Error('SecurityError');
      },
      get length(): number {
        throw new Error('SecurityError');
      },
      key: () => null,
    };
    expect(forgetStaleSlips(refusing, DAY)).toBe(0);
  });
});
