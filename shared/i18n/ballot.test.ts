import { describe, expect, it } from 'vitest';
import { withAddress } from '../address';
import { errorMessage } from '../errors';
import { ballotStrings, type BallotStrings } from './ballot';

/** Every text of the strings, functions called with sample arguments. */
function texts(strings: BallotStrings): string[] {
  const out: string[] = [];
  const walk = (v: unknown) => {
    if (typeof v === 'string') out.push(v);
    else if (typeof v === 'function') for (const args of [[0, 1], [1, 3], [2, 3], ['Nguyễn Văn An']]) out.push(String((v as (...a: unknown[]) => string)(...args)));
    else if (typeof v === 'object' && v !== null) Object.values(v).forEach(walk);
  };
  walk(strings);
  return out;
}

describe('how the ballot page addresses the delegate', () => {
  it('says "đồng chí" by default, "đại biểu" when the vote says so, in every string that addresses the delegate', () => {
    const dongChi = texts(ballotStrings('vi'));
    const daiBieu = texts(ballotStrings('vi', 'dai-bieu'));
    expect(dongChi.filter((s) => /đồng chí/i.test(s)).length).toBeGreaterThanOrEqual(4);
    expect(daiBieu.filter((s) => /đồng chí/i.test(s))).toEqual([]);
    expect(ballotStrings('vi', 'dai-bieu').recordedTitle).toBe('Phiếu của đại biểu đã được ghi nhận');
    expect(ballotStrings('vi', 'dai-bieu').recordedBody).toBe('Lựa chọn đã được xóa khỏi điện thoại. Đại biểu có thể đóng trang này.');
    // Only the address changes.
    expect(daiBieu.map((s) => s.replace(/đại biểu/gi, 'X'))).toEqual(dongChi.map((s) => s.replace(/đồng chí/gi, 'X')));
    expect(ballotStrings('vi', 'dong-chi')).toBe(ballotStrings('vi'));
  });

  it('the typed-code page, shown before any vote is known, addresses no one', () => {
    expect(ballotStrings('vi').entryScanHint).not.toMatch(/đồng chí|đại biểu/i);
  });

  it('English is the same whatever the address', () => {
    expect(ballotStrings('en', 'dai-bieu')).toBe(ballotStrings('en', 'dong-chi'));
    expect(texts(ballotStrings('en')).filter((s) => /đồng chí|đại biểu/i.test(s))).toEqual([]);
  });

  it('an error message that addresses the delegate takes the vote\'s address too', () => {
    expect(withAddress(errorMessage('storage-full', 'vi'), 'dai-bieu')).toMatch(/^Phiếu của đại biểu chưa được ghi/);
    expect(withAddress(errorMessage('storage-full', 'vi'), 'dong-chi')).toMatch(/^Phiếu của đồng chí chưa được ghi/);
    expect(withAddress('Đồng chí và đồng chí', 'dai-bieu')).toBe('Đại biểu và đại biểu');
  });
});
