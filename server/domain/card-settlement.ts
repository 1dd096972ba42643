import { roundHalfUpDiv } from './money';

/** One approved card transaction as the POS recorded it. */
export interface CardTransaction {
  paymentId: string;
  txnType: string;
  amountFen: number;
  cardOrg: string | null;
  voucherNo: number | null;
}

export interface CardTotalsBlock {
  debitCount: number;
  debitAmountFen: number;
  creditCount: number;
  creditAmountFen: number;
}

export interface CardTotals {
  domestic: CardTotalsBlock;
  foreign: CardTotalsBlock;
}

/** Settlement counts sales and completions as debits, voids, refunds and completion voids as credits. */
const DEBIT_TYPES = new Set(['00', '12']);
const CREDIT_TYPES = new Set(['01', '02', '13']);

const emptyBlock = (): CardTotalsBlock => ({ debitCount: 0, debitAmountFen: 0, creditCount: 0, creditAmountFen: 0 });

/** The totals a terminal should report for these transactions (UnionPay's own cards are domestic). */
export function cardTotals(transactions: readonly CardTransaction[]): CardTotals {
  const totals = { domestic: emptyBlock(), foreign: emptyBlock() };
  for (const txn of transactions) {
    const block = txn.cardOrg === 'CUP' ? totals.domestic : totals.foreign;
    if (DEBIT_TYPES.has(txn.txnType)) {
      block.debitCount += 1;
      block.debitAmountFen += txn.amountFen;
    } else if (CREDIT_TYPES.has(txn.txnType)) {
      block.creditCount += 1;
      block.creditAmountFen += txn.amountFen;
    }
  }
  return totals;
}

export interface TotalsDifference {
  block: 'domestic' | 'foreign';
  field: keyof CardTotalsBlock;
  terminal: number;
  pos: number;
}

/** Every figure where the terminal's totals and the POS's disagree; none means balanced. */
export function compareCardTotals(terminal: CardTotals, pos: CardTotals): TotalsDifference[] {
  const fields = ['debitCount', 'debitAmountFen', 'creditCount', 'creditAmountFen'] as const;
  return (['domestic', 'foreign'] as const).flatMap((block) =>
    fields
      .filter((field) => terminal[block][field] !== pos[block][field])
      .map((field) => ({ block, field, terminal: terminal[block][field], pos: pos[block][field] })),
  );
}

/**
 * Voucher numbers the terminal gave in this batch that the POS has no record of: a gap between the POS's
 * own vouchers, or after its last one up to the count the terminal settled.
 */
export function missingVouchers(posVouchers: readonly number[], terminalCount: number): number[] {
  if (posVouchers.length === 0) return [];
  const known = new Set(posVouchers);
  const first = Math.min(...posVouchers);
  const last = Math.max(Math.max(...posVouchers), first + terminalCount - 1);
  const missing: number[] = [];
  for (let voucher = first; voucher <= last; voucher++) if (!known.has(voucher)) missing.push(voucher);
  return missing;
}

export type CardKind = 'debit' | 'credit' | 'foreign';

export interface CardFeeRate {
  cardKind: CardKind;
  rateBps: number;
  capFen: number | null;
}

/** Typical acquirer terms in China: debit 0.5 % capped at 35 yuan, credit 0.6 %, foreign cards 1.25 %. */
export const DEFAULT_CARD_FEE_RATES: readonly CardFeeRate[] = [
  { cardKind: 'debit', rateBps: 50, capFen: 3500 },
  { cardKind: 'credit', rateBps: 60, capFen: null },
  { cardKind: 'foreign', rateBps: 125, capFen: null },
];

export function cardKindOf(cardOrg: string | null, fundingType: string | null): CardKind {
  if (cardOrg !== null && cardOrg !== 'CUP') return 'foreign';
  return fundingType === 'C' ? 'credit' : 'debit';
}

/** The acquirer's fee on one payment: the rate, rounded half up to the fen, never above the cap. */
export function cardFeeFen(amountFen: number, rate: Pick<CardFeeRate, 'rateBps' | 'capFen'>): number {
  const fee = roundHalfUpDiv(amountFen * rate.rateBps, 10_000);
  return rate.capFen === null ? fee : Math.min(fee, rate.capFen);
}
