import { describe, expect, it } from 'vitest';
import {
  allocate,
  discountFen,
  lineGrossFen,
  lineWeightGrams,
  priceSale,
  quickCashAmounts,
  settle,
  type SaleLine,
} from './sale';

let n = 0;
const line = (overrides: Partial<SaleLine> = {}): SaleLine => ({
  lineId: `00000000-0000-7000-8000-${String(++n).padStart(12, '0')}`,
  productId: '00000000-0000-7000-8000-000000000001',
  scannedCode: '6901939621608',
  nameZh: '可口可乐 500ml',
  nameEn: 'Coca-Cola 500ml',
  departmentId: '00000000-0000-7000-8000-000000000002',
  vatRateBps: 1300,
  unit: 'each',
  quantity: 1,
  weightGrams: null,
  unitPriceFen: 350,
  labelTotalFen: null,
  discount: null,
  ...overrides,
});

describe('line gross', () => {
  it('multiplies counted goods, prices weighed goods per kilo, and takes a price label as it is', () => {
    expect(lineGrossFen(line({ quantity: 3 }))).toBe(1050);
    expect(lineGrossFen(line({ unit: 'kg', unitPriceFen: 1298, weightGrams: 1500, quantity: 1 }))).toBe(1947);
    expect(lineGrossFen(line({ unit: 'kg', unitPriceFen: 1298, weightGrams: 1500, labelTotalFen: 1857 }))).toBe(1857);
    expect(lineGrossFen(line({ quantity: -2 }))).toBe(-700);
    expect(lineGrossFen(line({ unit: 'kg', unitPriceFen: 1000, weightGrams: 250, quantity: -1 }))).toBe(-250);
  });
});

describe('line weight', () => {
  const bananas = { unit: 'kg' as const, unitPriceFen: 690 };

  it('is the weight entered or read from a weight label', () => {
    expect(lineWeightGrams(line({ ...bananas, weightGrams: 800 }))).toBe(800);
    expect(lineWeightGrams(line({ ...bananas, weightGrams: 1431, labelTotalFen: 987 }))).toBe(1431);
  });

  it('of a price label is its total ÷ the price per kg, whatever weight the lane sent', () => {
    expect(lineWeightGrams(line({ ...bananas, labelTotalFen: 987 }))).toBe(1430);
    expect(lineWeightGrams(line({ ...bananas, weightGrams: 5000, labelTotalFen: 987 }))).toBe(1430);
    // At ¥29.90/kg no whole gram prices to ¥10.00 exactly: 334 g is nearest.
    expect(lineWeightGrams(line({ unit: 'kg', unitPriceFen: 2990, labelTotalFen: 1000 }))).toBe(334);
    expect(lineWeightGrams(line({ unit: 'kg', unitPriceFen: 2990, weightGrams: 334, labelTotalFen: 1000 }))).toBe(334);
  });

  it('of a price label is at least a gram, and no weight at all without a price', () => {
    expect(lineWeightGrams(line({ ...bananas, labelTotalFen: 0 }))).toBe(1);
    expect(lineWeightGrams(line({ unit: 'kg', unitPriceFen: 0, labelTotalFen: 987 }))).toBeNull();
  });

  it('is none for counted goods, with or without a price label', () => {
    expect(lineWeightGrams(line({ quantity: 3 }))).toBeNull();
    expect(lineWeightGrams(line({ unitPriceFen: 690, labelTotalFen: 987 }))).toBeNull();
  });
});

describe('discounts', () => {
  it('takes a percentage rounded half up, or an amount capped at the price', () => {
    expect(discountFen(1050, { kind: 'percent', bps: 1000 })).toBe(105);
    expect(discountFen(335, { kind: 'percent', bps: 1500 })).toBe(50);
    expect(discountFen(300, { kind: 'amount', fen: 500 })).toBe(300);
    expect(discountFen(-300, { kind: 'amount', fen: 100 })).toBe(0);
    expect(discountFen(300, null)).toBe(0);
  });

  it('allocates to the fen with the remainders on the largest fractions', () => {
    expect(allocate(100, [1, 1, 1])).toEqual([34, 33, 33]);
    expect(allocate(10, [350, 650])).toEqual([4, 6]);
    expect(allocate(0, [1, 2])).toEqual([0, 0]);
    expect(allocate(5, [0, 0])).toEqual([0, 0]);
    expect(allocate(7, [100, 200, 300]).reduce((a, b) => a + b)).toBe(7);
  });
});

describe('pricing a sale', () => {
  it('adds up lines, line and sale discounts, and VAT per rate rounded once', () => {
    const coke = line({ quantity: 2 });
    const apples = line({
      unit: 'kg',
      unitPriceFen: 1290,
      weightGrams: 1000,
      vatRateBps: 900,
      discount: { kind: 'amount', fen: 90 },
    });
    const totals = priceSale([coke, apples], { kind: 'percent', bps: 1000 });
    expect(totals.grossFen).toBe(700 + 1290);
    expect(totals.lines.map((l) => l.lineDiscountFen)).toEqual([0, 90]);
    expect(totals.lines.map((l) => l.saleDiscountFen)).toEqual([70, 120]);
    expect(totals.totalFen).toBe(700 + 1200 - 190);
    expect(totals.discountFen).toBe(90 + 190);
    expect(totals.vat).toEqual([
      { vatRateBps: 1300, grossFen: 630, netFen: 558, vatFen: 72 },
      { vatRateBps: 900, grossFen: 1080, netFen: 991, vatFen: 89 },
    ]);
    expect(totals.lines.map((l) => l.vatFen)).toEqual([72, 89]);
  });

  it('shares VAT of one rate over its lines so that they add up to the rounded total', () => {
    const lines = [line({ unitPriceFen: 101 }), line({ unitPriceFen: 101 }), line({ unitPriceFen: 101 })];
    const totals = priceSale(lines, null);
    expect(totals.vat[0]?.vatFen).toBe(35);
    expect(totals.lines.reduce((sum, l) => sum + l.vatFen, 0)).toBe(35);
  });

  it('prices a return as the mirror of a sale', () => {
    const sale = priceSale([line({ quantity: 2 })], null);
    const refund = priceSale([line({ quantity: -2 })], null);
    expect(refund.totalFen).toBe(-sale.totalFen);
    expect(refund.vat[0]?.vatFen).toBe(-(sale.vat[0]?.vatFen ?? 0));
  });
});

describe('settling with tenders', () => {
  it('gives change from cash only', () => {
    expect(settle(1710, [{ kind: 'cash', amountFen: 2000 }])).toEqual({
      paidFen: 2000,
      dueFen: 0,
      changeFen: 290,
      complete: true,
    });
    expect(settle(1710, [{ kind: 'cash', amountFen: 1000 }])).toMatchObject({ dueFen: 710, complete: false });
    expect(
      settle(1710, [
        { kind: 'bank_card', amountFen: 1000 },
        { kind: 'cash', amountFen: 1000 },
      ]),
    ).toMatchObject({
      changeFen: 290,
      complete: true,
    });
    expect(settle(1710, [{ kind: 'bank_card', amountFen: 2000 }])).toMatchObject({ changeFen: 0, complete: false });
  });

  it('settles a refund when exactly the negative total is paid out', () => {
    expect(settle(-700, [{ kind: 'cash', amountFen: -700 }])).toMatchObject({ complete: true, changeFen: 0 });
    expect(settle(-700, [])).toMatchObject({ complete: false });
  });

  it('offers the exact amount and the next round notes', () => {
    expect(quickCashAmounts(1710)).toEqual([1710, 1800, 2000, 5000, 10_000]);
    expect(quickCashAmounts(10_000)).toEqual([10_000]);
    expect(quickCashAmounts(0)).toEqual([]);
  });
});
