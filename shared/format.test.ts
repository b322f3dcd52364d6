import { describe, expect, it } from 'vitest';
import { formatCount, formatDuration, formatPercent, formatPlaceDate, formatShortDate, formatVietnamMoment, vietnamDate } from './format';
import { displayPercent } from './tally';

describe('Vietnamese number formatting', () => {
  it('writes percentages with a decimal comma and two decimals', () => {
    expect(formatPercent(displayPercent(2, 3))).toBe('66,67%');
    expect(formatPercent(displayPercent(1, 2))).toBe('50,00%');
    expect(formatPercent(100)).toBe('100,00%');
    expect(formatPercent(0)).toBe('0,00%');
    expect(formatPercent(displayPercent(2, 3), 'en')).toBe('66.67%');
    expect(formatPercent(null)).toBe('–');
  });

  it('groups thousands with a dot in Vietnamese and a comma in English', () => {
    expect(formatCount(48)).toBe('48');
    expect(formatCount(1234)).toBe('1.234');
    expect(formatCount(1234567, 'en')).toBe('1,234,567');
  });
});

describe('dates the Vietnamese way', () => {
  it('writes place and date as a document does', () => {
    expect(formatPlaceDate('Hạ Long', '2026-11-27')).toBe('Hạ Long, ngày 27 tháng 11 năm 2026');
    expect(formatPlaceDate('Hà Nội', '2026-03-05')).toBe('Hà Nội, ngày 05 tháng 03 năm 2026');
    expect(formatPlaceDate('Hạ Long', '2026-11-27', 'en')).toBe('Hạ Long, 27 November 2026');
    expect(formatPlaceDate('', '2026-11-27')).toBe('ngày 27 tháng 11 năm 2026');
    expect(formatShortDate('2026-11-27')).toBe('27/11/2026');
  });

  it('writes elapsed time as a clock', () => {
    expect(formatDuration(0)).toBe('0:00');
    expect(formatDuration(65_000)).toBe('1:05');
    expect(formatDuration(3_845_000)).toBe('1:04:05');
    expect(formatDuration(-5)).toBe('0:00');
  });
});

describe("today's date in Vietnam", () => {
  it('is the next day from 17:00 UTC, and the same day before', () => {
    expect(vietnamDate(new Date('2026-12-01T16:59:59Z'))).toBe('2026-12-01');
    expect(vietnamDate(new Date('2026-12-01T17:00:00Z'))).toBe('2026-12-02');
    expect(vietnamDate(new Date('2026-12-31T18:30:00Z'))).toBe('2027-01-01');
  });
});

describe('a moment in Vietnam time', () => {
  it('writes the clock and the date in Vietnam, whatever the machine, with a four-digit year', () => {
    expect(formatVietnamMoment('2026-12-01T17:05:09.123Z')).toBe('00:05 02/12/2026');
    expect(formatVietnamMoment('2026-12-01T17:05:09.123Z', { seconds: true })).toBe('00:05:09 02/12/2026');
    expect(formatVietnamMoment('2026-03-04T02:00:00Z', { seconds: true })).toBe('09:00:00 04/03/2026');
    expect(formatVietnamMoment('not a time')).toBe('not a time');
  });
});
