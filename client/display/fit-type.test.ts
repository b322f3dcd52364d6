/** People a page: at most the limit, spread evenly so no page is left nearly empty. */
import { describe, expect, it } from 'vitest';
import { pageSize } from './fit-type';

describe('pageSize', () => {
  it('spreads people evenly over the fewest pages the limit allows', () => {
    expect(pageSize(1, 15)).toBe(1);
    expect(pageSize(15, 15)).toBe(15);
    expect(pageSize(16, 15)).toBe(8);
    expect(pageSize(20, 15)).toBe(10);
    expect(pageSize(60, 15)).toBe(15);
    expect(pageSize(60, 10)).toBe(10);
    expect(pageSize(60, 9)).toBe(9);
    expect(pageSize(61, 15)).toBe(13);
  });

  it('never asks for an empty page', () => {
    for (let people = 0; people <= 80; people++)
      for (let limit = 1; limit <= 15; limit++) {
        const size = pageSize(people, limit);
        expect(size).toBeGreaterThanOrEqual(1);
        expect(size).toBeLessThanOrEqual(Math.max(1, limit));
        const pages = Math.ceil(people / size);
        // The last page is not empty, and no fewer pages would do.
        if (people > 0) expect(people - (pages - 1) * size).toBeGreaterThan(0);
        if (people > 0) expect(pages).toBe(Math.ceil(people / limit));
      }
  });
});
