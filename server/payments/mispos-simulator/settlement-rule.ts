import type { SettlementTotals, TotalsBlock } from '../mispos';
import type { BankTransactionKind } from './iso8583/bank-transactions';

/** One approved, unreversed transaction as settlement counts it; kinds that move no money count nowhere. */
export interface SettledItem {
  readonly kind: BankTransactionKind;
  readonly cardOrg: string;
  readonly amountFen: number;
}

const DEBIT_KINDS: readonly BankTransactionKind[] = ['sale', 'completion'];
const CREDIT_KINDS: readonly BankTransactionKind[] = ['saleVoid', 'refund', 'completionVoid'];

const emptyBlock = (): TotalsBlock => ({ debitCount: 0, debitAmountFen: 0, creditCount: 0, creditAmountFen: 0 });

/** Section 3's rule, kept by terminal and host alike: debit = sales and completions; credit = voids and refunds. */
export function sumSettlementTotals(items: Iterable<SettledItem>): SettlementTotals {
  const totals = { domestic: emptyBlock(), foreign: emptyBlock() };
  for (const item of items) {
    const block = item.cardOrg === 'CUP' ? totals.domestic : totals.foreign;
    if (DEBIT_KINDS.includes(item.kind)) {
      block.debitCount += 1;
      block.debitAmountFen += item.amountFen;
    } else if (CREDIT_KINDS.includes(item.kind)) {
      block.creditCount += 1;
      block.creditAmountFen += item.amountFen;
    }
  }
  return totals;
}

export const sameTotalsBlock = (left: TotalsBlock, right: TotalsBlock): boolean =>
  left.debitCount === right.debitCount &&
  left.debitAmountFen === right.debitAmountFen &&
  left.creditCount === right.creditCount &&
  left.creditAmountFen === right.creditAmountFen;
