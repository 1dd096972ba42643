import { describe, it, expect } from 'vitest';
import { VAT_RATES_BPS, vatBreakdown, vatIncluded, vatRateSchema } from './vat';

describe('vatIncluded', () => {
  it('extracts VAT from VAT-inclusive amounts', () => {
    expect(vatIncluded(1130, 1300)).toBe(130);
    expect(vatIncluded(1090, 900)).toBe(90);
    expect(vatIncluded(1060, 600)).toBe(60);
    expect(vatIncluded(1000, 0)).toBe(0);
    expect(vatIncluded(0, 1300)).toBe(0);
  });

  it('rounds to the nearest fen', () => {
    // 4 * 13/113 = 0.46, 5 * 13/113 = 0.575
    expect(vatIncluded(4, 1300)).toBe(0);
    expect(vatIncluded(5, 1300)).toBe(1);
    // 999 * 13/113 = 114.93
    expect(vatIncluded(999, 1300)).toBe(115);
    // 8 * 6/106 = 0.45, 9 * 6/106 = 0.51
    expect(vatIncluded(8, 600)).toBe(0);
    expect(vatIncluded(9, 600)).toBe(1);
  });

  it('rounds exact halves up (standard rates never produce one, so use 100%)', () => {
    expect(vatIncluded(1, 10_000)).toBe(1);
    expect(vatIncluded(3, 10_000)).toBe(2);
  });

  it('is symmetric for refunds', () => {
    expect(vatIncluded(-1130, 1300)).toBe(-130);
    expect(vatIncluded(-5, 1300)).toBe(-1);
    expect(vatIncluded(-1, 10_000)).toBe(-1);
  });

  it('rejects fractional amounts and bad rates', () => {
    expect(() => vatIncluded(10.5, 1300)).toThrow();
    expect(() => vatIncluded(100, -1)).toThrow();
    expect(() => vatIncluded(100, 13.5)).toThrow();
  });
});

describe('vatBreakdown', () => {
  it('groups by rate, highest rate first', () => {
    const rows = vatBreakdown([
      { grossFen: 500, vatRateBps: 0 },
      { grossFen: 1130, vatRateBps: 1300 },
      { grossFen: 1090, vatRateBps: 900 },
      { grossFen: 2260, vatRateBps: 1300 },
    ]);
    expect(rows).toEqual([
      { vatRateBps: 1300, grossFen: 3390, netFen: 3000, vatFen: 390 },
      { vatRateBps: 900, grossFen: 1090, netFen: 1000, vatFen: 90 },
      { vatRateBps: 0, grossFen: 500, netFen: 500, vatFen: 0 },
    ]);
  });

  it('rounds once per rate group, not per line', () => {
    // Each 4 fen line alone rounds to 0 VAT; 3 lines (12 fen) hold 1.38 fen.
    const lines = [4, 4, 4].map((grossFen) => ({ grossFen, vatRateBps: 1300 }));
    expect(lines.reduce((sum, l) => sum + vatIncluded(l.grossFen, l.vatRateBps), 0)).toBe(0);
    expect(vatBreakdown(lines)).toEqual([{ vatRateBps: 1300, grossFen: 12, netFen: 11, vatFen: 1 }]);
  });

  it('keeps gross = net + vat in every row', () => {
    const rows = vatBreakdown([
      { grossFen: 999, vatRateBps: 1300 },
      { grossFen: 777, vatRateBps: 900 },
      { grossFen: 333, vatRateBps: 600 },
    ]);
    for (const row of rows) expect(row.netFen + row.vatFen).toBe(row.grossFen);
    expect(rows.map((r) => r.vatRateBps)).toEqual([1300, 900, 600]);
  });

  it('nets refunds against sales of the same rate', () => {
    expect(
      vatBreakdown([
        { grossFen: 2260, vatRateBps: 1300 },
        { grossFen: -1130, vatRateBps: 1300 },
      ]),
    ).toEqual([{ vatRateBps: 1300, grossFen: 1130, netFen: 1000, vatFen: 130 }]);
  });

  it('returns no rows for no lines', () => {
    expect(vatBreakdown([])).toEqual([]);
  });
});

describe('vatRateSchema', () => {
  it('accepts exactly the Chinese VAT rates', () => {
    for (const rate of VAT_RATES_BPS) expect(vatRateSchema.parse(rate)).toBe(rate);
    expect(vatRateSchema.safeParse(1700).success).toBe(false);
    expect(vatRateSchema.safeParse(300).success).toBe(false);
    expect(vatRateSchema.safeParse('1300').success).toBe(false);
  });
});
