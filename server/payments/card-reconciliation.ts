import { and, eq, gte, inArray, lte } from 'drizzle-orm';
import { z } from 'zod';
import { cardPayments, stores } from '../../db/schema';
import type { StaffContext } from '../core/context';
import { CARD_OUTCOME_NOT_KNOWN } from '../domain/card-outcome';
import { found } from '../core/errors';
import { cardFeeFen, cardKindOf, type CardKind } from '../domain/card-settlement';
import { storeLocalTime } from '../domain/store-time';
import { cardFeeRatesOf } from './card-fee-rates';
import { refundsWithoutReturn } from '../sales/list-refunds-without-return';
import { unattachedCardPayments } from './list-unattached-card-payments';

const day = z.iso.date();
export const CardReconciliationInput = z.object({ from: day, to: day }).refine((r) => r.from <= r.to, {
  message: 'The first day comes before the last',
  path: ['to'],
});
export type CardReconciliationInput = z.input<typeof CardReconciliationInput>;

export interface ReconciliationRow {
  day: string;
  cardKind: CardKind;
  salesCount: number;
  salesFen: number;
  refundsFen: number;
  feesFen: number;
  netFen: number;
}

/** The bank's host date of a payment, else (never answered) the store's business day it was made on. */
const bankDayOf = (payment: { hostDate: string | null; createdAt: Date }, timeZone: string) =>
  payment.hostDate
    ? `${payment.hostDate.slice(0, 4)}-${payment.hostDate.slice(4, 6)}-${payment.hostDate.slice(6, 8)}`
    : storeLocalTime(payment.createdAt, timeZone).businessDate;

const SALE_TYPES = new Set(['00', '12']);
const VOID_TYPES = new Set(['01', '13']);

/**
 * What the bank should deposit per day and card kind: approved sales and completions not voided, less
 * refunds and the acquirer's fee on each sale. The day is the bank's host date, as the deposit is.
 */
export async function cardReconciliation(ctx: StaffContext, rawInput: CardReconciliationInput) {
  const input = CardReconciliationInput.parse(rawInput);
  const [store] = await ctx.db.select({ timeZone: stores.timezone }).from(stores).where(eq(stores.id, ctx.storeId));
  const { timeZone } = found(store, 'store');
  const rates = await cardFeeRatesOf(ctx);
  const widen = (date: string, days: number) => new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000);
  const payments = await ctx.db
    .select()
    .from(cardPayments)
    .where(
      and(
        eq(cardPayments.storeId, ctx.storeId),
        eq(cardPayments.state, 'approved'),
        gte(cardPayments.createdAt, widen(input.from, -2)),
        lte(cardPayments.createdAt, widen(input.to, 2)),
      ),
    );
  const voided = new Set(
    payments.filter((p) => VOID_TYPES.has(p.txnType) && p.originalPaymentId).map((p) => p.originalPaymentId),
  );
  const rows = new Map<string, ReconciliationRow>();
  for (const payment of payments) {
    const bankDay = bankDayOf(payment, timeZone);
    if (bankDay < input.from || bankDay > input.to) continue;
    const isSale = SALE_TYPES.has(payment.txnType) && !voided.has(payment.id);
    const isRefund = payment.txnType === '02';
    if (!isSale && !isRefund) continue;
    const cardKind = cardKindOf(payment.cardOrg, payment.fundingType);
    const key = `${bankDay}|${cardKind}`;
    const row = rows.get(key) ?? {
      day: bankDay,
      cardKind,
      salesCount: 0,
      salesFen: 0,
      refundsFen: 0,
      feesFen: 0,
      netFen: 0,
    };
    const amount = payment.approvedAmountFen ?? 0;
    if (isSale) {
      const rate = rates.find((r) => r.cardKind === cardKind) ?? { rateBps: 0, capFen: null };
      row.salesCount += 1;
      row.salesFen += amount;
      row.feesFen += cardFeeFen(amount, rate);
    } else {
      row.refundsFen += amount;
    }
    row.netFen = row.salesFen - row.refundsFen - row.feesFen;
    rows.set(key, row);
  }
  const sorted = [...rows.values()].sort((a, b) => a.day.localeCompare(b.day) || a.cardKind.localeCompare(b.cardKind));
  const totals = sorted.reduce(
    (sum, r) => ({
      salesCount: sum.salesCount + r.salesCount,
      salesFen: sum.salesFen + r.salesFen,
      refundsFen: sum.refundsFen + r.refundsFen,
      feesFen: sum.feesFen + r.feesFen,
      netFen: sum.netFen + r.netFen,
    }),
    { salesCount: 0, salesFen: 0, refundsFen: 0, feesFen: 0, netFen: 0 },
  );
  // Money taken for no sale, or not known to be taken: no day of the range balances while one is open.
  const inRange = (payment: { hostDate: string | null; createdAt: Date }) => {
    const bankDay = bankDayOf(payment, timeZone);
    return bankDay >= input.from && bankDay <= input.to;
  };
  const unattached = (
    await unattachedCardPayments(ctx, { from: widen(input.from, -2), to: widen(input.to, 2) })
  ).filter(inRange);
  const unknown = (
    await ctx.db
      .select({ hostDate: cardPayments.hostDate, createdAt: cardPayments.createdAt })
      .from(cardPayments)
      .where(
        and(
          eq(cardPayments.storeId, ctx.storeId),
          inArray(cardPayments.state, [...CARD_OUTCOME_NOT_KNOWN]),
          gte(cardPayments.createdAt, widen(input.from, -2)),
          lte(cardPayments.createdAt, widen(input.to, 2)),
        ),
      )
  ).filter(inRange);
  // Few and open until written off, so read whole and judged by the bank's day like the rest.
  const givenBackForNothing = (await refundsWithoutReturn(ctx)).filter(inRange);
  const exceptions = {
    refundsWithoutReturnCount: givenBackForNothing.length,
    refundsWithoutReturnFen: givenBackForNothing.reduce((sum, r) => sum + (r.amountFen ?? 0), 0),
    unattachedCount: unattached.length,
    unattachedFen: unattached.reduce((sum, p) => sum + (p.amountFen ?? 0) - p.refundedFen, 0),
    unknownCount: unknown.length,
  };
  const balanced =
    exceptions.unattachedCount === 0 && exceptions.unknownCount === 0 && exceptions.refundsWithoutReturnCount === 0;
  return { from: input.from, to: input.to, rates, rows: sorted, totals, exceptions, balanced };
}
