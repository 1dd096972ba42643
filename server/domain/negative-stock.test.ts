import { describe, expect, it } from 'vitest';
import { approvedUpTo, heldInSale, needsNegativeStockApproval, stockTaken, type StockChange } from './negative-stock';

const COLA = '01a1ffb5-86f1-7718-8dee-9939211416ed';
const APPLES = '01a1ffb5-86f1-7718-8dee-9939211416ee';
const change = (overrides: Partial<StockChange>): StockChange => ({
  policy: 'block',
  onHand: 0,
  heldBefore: 0,
  heldAfter: 1,
  approvedUpTo: 0,
  ...overrides,
});

describe('the negative stock rule', () => {
  it('asks for a supervisor under block when the sale would hold more than is on hand', () => {
    expect(needsNegativeStockApproval(change({ onHand: 0, heldAfter: 1 }))).toBe(true);
    expect(needsNegativeStockApproval(change({ onHand: -3, heldAfter: 1 }))).toBe(true);
    expect(needsNegativeStockApproval(change({ onHand: 2, heldBefore: 2, heldAfter: 3 }))).toBe(true);
  });

  it('lets a scan through while what is on hand covers the whole sale', () => {
    expect(needsNegativeStockApproval(change({ onHand: 1, heldAfter: 1 }))).toBe(false);
    expect(needsNegativeStockApproval(change({ onHand: 5, heldBefore: 3, heldAfter: 4 }))).toBe(false);
  });

  it('never blocks under allow, for an unknown on hand, or for a change that takes items off', () => {
    expect(needsNegativeStockApproval(change({ policy: 'allow', onHand: -10, heldAfter: 1 }))).toBe(false);
    expect(needsNegativeStockApproval(change({ onHand: null, heldAfter: 1 }))).toBe(false);
    expect(needsNegativeStockApproval(change({ onHand: 0, heldBefore: 3, heldAfter: 2 }))).toBe(false);
  });

  it('does not ask again within what an approval covers, and asks again beyond it', () => {
    expect(needsNegativeStockApproval(change({ onHand: 0, heldBefore: 1, heldAfter: 2, approvedUpTo: 2 }))).toBe(false);
    expect(needsNegativeStockApproval(change({ onHand: 0, heldBefore: 2, heldAfter: 3, approvedUpTo: 2 }))).toBe(true);
  });

  it('counts counted goods in units and weighed goods in grams, across all the sale’s lines', () => {
    const lines = [
      {
        productId: COLA,
        unit: 'each' as const,
        quantity: 2,
        weightGrams: null,
        unitPriceFen: 350,
        labelTotalFen: null,
      },
      {
        productId: APPLES,
        unit: 'kg' as const,
        quantity: 1,
        weightGrams: 1250,
        unitPriceFen: 1290,
        labelTotalFen: null,
      },
      {
        productId: COLA,
        unit: 'each' as const,
        quantity: 3,
        weightGrams: null,
        unitPriceFen: 350,
        labelTotalFen: null,
      },
    ];
    expect(heldInSale(lines, COLA)).toBe(5);
    expect(heldInSale(lines, APPLES)).toBe(1250);
    expect(stockTaken({ unit: 'kg', quantity: 1, weightGrams: 400, unitPriceFen: 1290, labelTotalFen: null })).toBe(
      400,
    );
    expect(stockTaken({ unit: 'kg', quantity: 1, weightGrams: null, unitPriceFen: 690, labelTotalFen: 987 })).toBe(
      1430,
    );
    expect(stockTaken({ unit: 'kg', quantity: -1, weightGrams: null, unitPriceFen: 690, labelTotalFen: 987 })).toBe(
      -1430,
    );
    expect(stockTaken({ unit: 'each', quantity: 1, weightGrams: null, unitPriceFen: 690, labelTotalFen: 987 })).toBe(1);
    expect(approvedUpTo([{ approvalId: COLA, productId: COLA, quantity: 2 }], COLA)).toBe(2);
    expect(approvedUpTo([{ approvalId: COLA, productId: COLA, quantity: 2 }], APPLES)).toBe(0);
  });
});
