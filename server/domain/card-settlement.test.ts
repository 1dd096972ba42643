import { describe, expect, it } from 'vitest';
import { cardFeeFen, cardKindOf, cardTotals, compareCardTotals, missingVouchers } from './card-settlement';

const txn = (txnType: string, amountFen: number, cardOrg = 'CUP', voucherNo = 1) => ({
  paymentId: `p${voucherNo}`,
  txnType,
  amountFen,
  cardOrg,
  voucherNo,
});

describe('card settlement', () => {
  it('counts sales and completions as debits, voids, refunds and completion voids as credits, by card origin', () => {
    const totals = cardTotals([
      txn('00', 1000),
      txn('12', 500),
      txn('01', 1000),
      txn('02', 300, 'VIS'),
      txn('00', 700, 'VIS'),
      txn('10', 9999),
      txn('03', 0),
    ]);
    expect(totals).toEqual({
      domestic: { debitCount: 2, debitAmountFen: 1500, creditCount: 1, creditAmountFen: 1000 },
      foreign: { debitCount: 1, debitAmountFen: 700, creditCount: 1, creditAmountFen: 300 },
    });
  });

  it('lists each figure that differs, and nothing when balanced', () => {
    const pos = cardTotals([txn('00', 1000), txn('00', 250)]);
    expect(compareCardTotals(pos, pos)).toEqual([]);
    const terminal = cardTotals([txn('00', 1000), txn('00', 250), txn('00', 98)]);
    expect(compareCardTotals(terminal, pos)).toEqual([
      { block: 'domestic', field: 'debitCount', terminal: 3, pos: 2 },
      { block: 'domestic', field: 'debitAmountFen', terminal: 1348, pos: 1250 },
    ]);
  });

  it('finds vouchers the terminal gave that the POS never recorded', () => {
    expect(missingVouchers([4, 5, 7], 4)).toEqual([6]);
    expect(missingVouchers([4, 5], 4)).toEqual([6, 7]);
    expect(missingVouchers([], 3)).toEqual([]);
  });

  it('charges the rate rounded half up, capped for debit cards', () => {
    expect(cardFeeFen(10_000, { rateBps: 50, capFen: 3500 })).toBe(50);
    expect(cardFeeFen(101, { rateBps: 50, capFen: 3500 })).toBe(1);
    expect(cardFeeFen(99, { rateBps: 50, capFen: 3500 })).toBe(0);
    expect(cardFeeFen(1_000_000, { rateBps: 50, capFen: 3500 })).toBe(3500);
    expect(cardFeeFen(1_000_000, { rateBps: 60, capFen: null })).toBe(6000);
    expect([cardKindOf('CUP', 'D'), cardKindOf('CUP', 'C'), cardKindOf('VIS', 'C')]).toEqual([
      'debit',
      'credit',
      'foreign',
    ]);
  });
});
