import { describe, expect, it } from 'vitest';
import { expectCodecError } from './expect-codec-error.test-support';
import { decodeSettlementTotals, encodeSettlementTotals, SETTLEMENT_TOTALS_BYTES } from './settlement-totals';

describe('settlement totals', () => {
  const totals = {
    domestic: { debitCount: 12, debitAmountFen: 1_234_567, creditCount: 2, creditAmountFen: 3_000 },
    foreign: { debitCount: 0, debitAmountFen: 0, creditCount: 1, creditAmountFen: 99 },
  };
  // domestic: debit count N6 | debit amount N12 | credit count N6 | credit amount N12, then foreign the same way
  const golden =
    '000012' + '000001234567' + '000002' + '000000003000' + '000000' + '000000000000' + '000001' + '000000000099';

  it('is two blocks of 36 digits', () => {
    expect(SETTLEMENT_TOTALS_BYTES).toBe(72);
    expect(encodeSettlementTotals(totals)).toBe(golden);
    expect(decodeSettlementTotals(golden)).toEqual(totals);
  });

  it('is null when the field was all spaces (trimmed to nothing)', () => {
    expect(decodeSettlementTotals('')).toBeNull();
  });

  it('refuses a partly filled block and names a bad sub-field', () => {
    expectCodecError(() => decodeSettlementTotals(golden.slice(0, 36)), 'totals', /72 digits/);
    expectCodecError(() => decodeSettlementTotals(golden.slice(0, 36) + ' '.repeat(35) + '0'), 'totals', /72 digits/);
    expectCodecError(() => decodeSettlementTotals('x' + golden.slice(1)), 'totals.domestic.debitCount', /digits/);
    expectCodecError(() => decodeSettlementTotals(golden.slice(0, -1) + '-'), 'totals.foreign.creditAmountFen');
  });
});
