import { describe, expect, it } from 'vitest';
import { divideRounded, formatCount, LEADS, plural } from '../../../renderer/ui/numbers.ts';

describe('numbers', () => {
  it('writes counts as toLocaleString does in en-US', () => {
    for (const n of [0, 7, 999, 1_000, 12_345, 100_000, 1_234_567, -4_321, 2 ** 53 - 1, 1.5]) {
      expect(formatCount(n)).toBe(n.toLocaleString('en-US'));
    }
  });

  it('counts things in words, singular for one', () => {
    expect([0, 1, 2, 100_000].map((n) => plural(n, LEADS))).toEqual(['0 leads', '1 lead', '2 leads', '100,000 leads']);
  });

  it('divides whole numbers rounding half up', () => {
    expect(divideRounded(14, 10)).toBe(1);
    expect(divideRounded(15, 10)).toBe(2);
    expect(divideRounded(0, 10)).toBe(0);
    expect(divideRounded(2 ** 53 - 1, 10)).toBe(900_719_925_474_099);
  });
});
