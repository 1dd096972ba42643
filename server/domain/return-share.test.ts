import { describe, expect, it } from 'vitest';
import { returnShareFen } from './return-share';

describe('returnShareFen', () => {
  it('gives back exactly the line total over partial returns, whatever the order', () => {
    for (const lineFen of [1_000, 1_001, 999, 7, 0]) {
      for (const split of [[1, 1, 1], [2, 1], [1, 2], [3]]) {
        let before = 0;
        let sum = 0;
        for (const quantity of split) {
          sum += returnShareFen(lineFen, 3, before, quantity);
          before += quantity;
        }
        expect(sum, `${lineFen} returned as ${split.join('+')}`).toBe(lineFen);
      }
    }
  });

  it('depends on what came back before: the second of three of ¥10.01 is 3.33, not 3.34', () => {
    expect(returnShareFen(1_001, 3, 0, 1)).toBe(334);
    expect(returnShareFen(1_001, 3, 1, 1)).toBe(333);
    expect(returnShareFen(1_001, 3, 2, 1)).toBe(334);
  });

  it('refuses to return more than the line had', () => {
    expect(() => returnShareFen(1_000, 3, 2, 2)).toThrow(RangeError);
    expect(() => returnShareFen(1_000, 3, 0, -1)).toThrow(RangeError);
  });
});
