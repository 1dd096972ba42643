import { describe, it, expect } from 'vitest';
import { assertFen, fenSchema, formatFen, parseYuan, roundHalfUpDiv } from './money';

describe('formatFen', () => {
  it('formats fen as yuan with two decimals', () => {
    expect(formatFen(1234)).toBe('12.34');
    expect(formatFen(0)).toBe('0.00');
    expect(formatFen(5)).toBe('0.05');
    expect(formatFen(100)).toBe('1.00');
    expect(formatFen(-5)).toBe('-0.05');
    expect(formatFen(-1234)).toBe('-12.34');
    expect(formatFen(123456789)).toBe('1234567.89');
  });

  it('puts the yuan symbol after the minus sign', () => {
    expect(formatFen(1234, { symbol: true })).toBe('¥12.34');
    expect(formatFen(-5, { symbol: true })).toBe('-¥0.05');
    expect(formatFen(1234, { symbol: false })).toBe('12.34');
  });

  it('does not print negative zero', () => {
    expect(formatFen(-0)).toBe('0.00');
  });

  it('rejects non-integers', () => {
    expect(() => formatFen(12.5)).toThrow();
    expect(() => formatFen(Number.NaN)).toThrow();
  });
});

describe('parseYuan', () => {
  it('parses whole yuan and one or two decimals', () => {
    expect(parseYuan('12')).toBe(1200);
    expect(parseYuan('12.3')).toBe(1230);
    expect(parseYuan('12.34')).toBe(1234);
    expect(parseYuan('0.5')).toBe(50);
    expect(parseYuan('0.05')).toBe(5);
    expect(parseYuan('0')).toBe(0);
    expect(parseYuan('007')).toBe(700);
  });

  it('trims surrounding whitespace', () => {
    expect(parseYuan(' 12.34 ')).toBe(1234);
    expect(parseYuan('\t3\n')).toBe(300);
  });

  it('accepts full-width digits from Chinese input methods', () => {
    expect(parseYuan('１２．３４')).toBe(1234);
  });

  it('avoids float errors', () => {
    expect(parseYuan('0.29')).toBe(29);
    expect(parseYuan('1.15')).toBe(115);
    expect(parseYuan('999999999.99')).toBe(99_999_999_999);
  });

  it('rejects invalid input', () => {
    for (const bad of [
      '',
      '   ',
      '12.345',
      '-1',
      '-0.5',
      '+1',
      'abc',
      '1e3',
      '1,234',
      '12.',
      '.5',
      '1.2.3',
      '¥12',
      'NaN',
      'Infinity',
      '1 2',
      '0x10',
    ]) {
      expect(parseYuan(bad), bad).toBeNull();
    }
  });

  it('allows at most 9 digits before the point', () => {
    expect(parseYuan('123456789')).toBe(12_345_678_900);
    expect(parseYuan('1234567890')).toBeNull();
  });
});

describe('roundHalfUpDiv', () => {
  it('rounds halves away from zero', () => {
    expect(roundHalfUpDiv(5, 2)).toBe(3);
    expect(roundHalfUpDiv(7, 2)).toBe(4);
    expect(roundHalfUpDiv(-5, 2)).toBe(-3);
    expect(roundHalfUpDiv(5, -2)).toBe(-3);
    expect(roundHalfUpDiv(-5, -2)).toBe(3);
    expect(roundHalfUpDiv(1, 2)).toBe(1);
    expect(roundHalfUpDiv(-1, 2)).toBe(-1);
  });

  it('rounds non-halves to the nearest integer', () => {
    expect(roundHalfUpDiv(1, 3)).toBe(0);
    expect(roundHalfUpDiv(2, 3)).toBe(1);
    expect(roundHalfUpDiv(-2, 3)).toBe(-1);
    expect(roundHalfUpDiv(10, 5)).toBe(2);
    expect(roundHalfUpDiv(1499, 1000)).toBe(1);
    expect(roundHalfUpDiv(1500, 1000)).toBe(2);
  });

  it('never returns negative zero', () => {
    expect(Object.is(roundHalfUpDiv(-1, 3), 0)).toBe(true);
    expect(Object.is(roundHalfUpDiv(0, -7), 0)).toBe(true);
  });

  it('is exact near MAX_SAFE_INTEGER where a float quotient is not', () => {
    // 9007199254740988 / 3 = 3002399751580329.33…, but the double quotient rounds to …330.
    expect(Math.round(9007199254740988 / 3)).toBe(3002399751580330);
    expect(roundHalfUpDiv(9007199254740988, 3)).toBe(3002399751580329);
    expect(roundHalfUpDiv(9007199254740987, 5)).toBe(1801439850948197);
    expect(roundHalfUpDiv(Number.MAX_SAFE_INTEGER, 2)).toBe(4503599627370496);
  });

  it('rejects zero divisors and non-integers', () => {
    expect(() => roundHalfUpDiv(1, 0)).toThrow();
    expect(() => roundHalfUpDiv(1.5, 2)).toThrow();
    expect(() => roundHalfUpDiv(2 ** 53, 2)).toThrow();
  });
});

describe('assertFen', () => {
  it('accepts safe integers', () => {
    expect(() => assertFen(0)).not.toThrow();
    expect(() => assertFen(-100)).not.toThrow();
    expect(() => assertFen(Number.MAX_SAFE_INTEGER)).not.toThrow();
  });

  it('throws for anything else', () => {
    expect(() => assertFen(0.1)).toThrow();
    expect(() => assertFen(Number.NaN)).toThrow();
    expect(() => assertFen(Infinity)).toThrow();
    expect(() => assertFen(2 ** 53)).toThrow();
  });
});

describe('fenSchema', () => {
  it('accepts non-negative integer prices up to 99,999,999.99 yuan', () => {
    expect(fenSchema.safeParse(0).success).toBe(true);
    expect(fenSchema.safeParse(1234).success).toBe(true);
    expect(fenSchema.safeParse(99_999_999).success).toBe(true);
  });

  it('rejects negatives, fractions and overflow', () => {
    expect(fenSchema.safeParse(-1).success).toBe(false);
    expect(fenSchema.safeParse(1.5).success).toBe(false);
    expect(fenSchema.safeParse(99_999_999 + 1).success).toBe(false);
    expect(fenSchema.safeParse(2 ** 31).success).toBe(false);
    expect(fenSchema.safeParse('100').success).toBe(false);
  });
});
