import { describe, expect, it } from 'vitest';
import { addPickToLines, formatQuantity, lineValueFen, parseQuantity } from './quantity';
import { suggestOrderQuantity } from './reorder-suggestion';

describe('quantities', () => {
  it('reads whole units and kilograms with up to three decimals (grams in the ledger)', () => {
    expect(parseQuantity('12', 'each')).toBe(12);
    expect(parseQuantity('1.5', 'each')).toBeNull();
    expect(parseQuantity('2.5', 'kg')).toBe(2500);
    expect(parseQuantity('０.１２５', 'kg')).toBe(125);
    expect(parseQuantity('3', 'kg')).toBe(3000);
    expect(parseQuantity('1.2345', 'kg')).toBeNull();
    expect(parseQuantity('-1', 'kg')).toBeNull();
  });

  it('shows grams as kilograms and values weighed goods per kg', () => {
    expect(formatQuantity(2500, 'kg')).toBe('2.500');
    expect(formatQuantity(-75, 'kg')).toBe('-0.075');
    expect(formatQuantity(7, 'each')).toBe('7');
    expect(lineValueFen(2500, 1290, 'kg')).toBe(3225);
    expect(lineValueFen(333, 1000, 'kg')).toBe(333);
    expect(lineValueFen(3, 250, 'each')).toBe(750);
  });
});

describe('picking products onto a document’s lines', () => {
  type Line = { productId: string; quantityText: string };
  const pickOnto = (
    lines: Line[],
    productId: string,
    unit: 'each' | 'kg',
    scanned: boolean,
    weightGrams = null as number | null,
  ) =>
    addPickToLines(lines, {
      unit,
      scanned,
      weightGrams,
      isSame: (line) => line.productId === productId,
      update: (line, quantityText) => ({ ...line, quantityText }),
      create: (quantityText) => ({ productId, quantityText }),
    });

  it('adds 1 to the line of a product scanned again, and starts a new line at 1 for a first scan', () => {
    let lines = pickOnto([], 'tea', 'each', true);
    expect(lines).toEqual([{ productId: 'tea', quantityText: '1' }]);
    lines = pickOnto(lines, 'milk', 'each', true);
    lines = pickOnto(lines, 'tea', 'each', true);
    lines = pickOnto(lines, 'tea', 'each', true);
    expect(lines).toEqual([
      { productId: 'tea', quantityText: '3' },
      { productId: 'milk', quantityText: '1' },
    ]);
  });

  it('adds to what was typed, leaves a searched product’s quantity alone, and adds a scale label’s weight', () => {
    expect(pickOnto([{ productId: 'tea', quantityText: '24' }], 'tea', 'each', true)).toEqual([
      { productId: 'tea', quantityText: '25' },
    ]);
    expect(pickOnto([{ productId: 'tea', quantityText: '24' }], 'tea', 'each', false)).toEqual([
      { productId: 'tea', quantityText: '24' },
    ]);
    expect(pickOnto([], 'tea', 'each', false)).toEqual([{ productId: 'tea', quantityText: '' }]);
    const bananas = pickOnto([], 'banana', 'kg', true, 1_430);
    expect(bananas).toEqual([{ productId: 'banana', quantityText: '1.430' }]);
    expect(pickOnto(bananas, 'banana', 'kg', true, 570)).toEqual([{ productId: 'banana', quantityText: '2.000' }]);
    expect(pickOnto(bananas, 'banana', 'kg', false)).toEqual(bananas);
  });
});

describe('reorder suggestion', () => {
  const base = { soldInWindow: 56, onHand: 3, openOnOrder: 0, reorderPoint: 5, reorderQuantity: 12, coverDays: 14 };

  it('covers the period’s expected sales, less stock and what is on order, in whole reorder quantities', () => {
    // 56 sold in 28 days = 2 a day; 14 days → 28; 28 − 3 = 25 → 3 × 12.
    expect(suggestOrderQuantity(base)).toBe(36);
    expect(suggestOrderQuantity({ ...base, openOnOrder: 13 })).toBe(12);
    expect(suggestOrderQuantity({ ...base, openOnOrder: 30 })).toBe(0);
  });

  it('lifts stock above the reorder point when little sells, and ignores net returns', () => {
    expect(suggestOrderQuantity({ ...base, soldInWindow: 0 })).toBe(12);
    expect(suggestOrderQuantity({ ...base, soldInWindow: -4, onHand: 6 })).toBe(0);
    expect(suggestOrderQuantity({ ...base, soldInWindow: 1, reorderQuantity: 1 })).toBe(3);
  });
});
