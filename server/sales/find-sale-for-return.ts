import { and, asc, eq } from 'drizzle-orm';
import { z } from 'zod';
import { cardPayments, saleLines, saleTenders, sales } from '../../db/schema';
import type { StaffContext } from '../core/context';
import { DomainError, found } from '../core/errors';
import { returnedQuantities } from './returned-quantities';

export const FindSaleForReturnInput = z.object({ receiptNo: z.string().trim().min(1).max(40) });

/** A completed sale by its receipt number, each line with what may still be returned. */
export async function findSaleForReturn(ctx: StaffContext, input: z.infer<typeof FindSaleForReturnInput>) {
  const [sale] = await ctx.db
    .select({
      id: sales.id,
      receiptNo: sales.receiptNo,
      kind: sales.kind,
      status: sales.status,
      soldAt: sales.soldAt,
      totalFen: sales.totalFen,
    })
    .from(sales)
    .where(and(eq(sales.storeId, ctx.storeId), eq(sales.receiptNo, input.receiptNo)));
  const original = found(sale, 'sale');
  if (original.kind !== 'sale' || original.status !== 'completed') {
    throw new DomainError('INVALID', 'return.not-returnable', 'Only completed sales can be returned');
  }
  const lines = await ctx.db
    .select({
      lineId: saleLines.id,
      productId: saleLines.productId,
      nameZh: saleLines.nameZh,
      unit: saleLines.unit,
      quantity: saleLines.quantity,
      weightGrams: saleLines.weightGrams,
      unitPriceFen: saleLines.unitPriceFen,
      totalFen: saleLines.totalFen,
    })
    .from(saleLines)
    .where(eq(saleLines.saleId, original.id))
    .orderBy(asc(saleLines.lineNo));
  const returned = await returnedQuantities(
    ctx,
    lines.map((line) => line.lineId),
  );
  const cardPaid = await cardPaidOf(ctx, original.id);
  return {
    sale: original,
    card: cardPaid,
    lines: lines.map((line) => {
      const returnedQuantity = returned.get(line.lineId) ?? 0;
      return { ...line, returnedQuantity, returnableQuantity: line.quantity - returnedQuantity };
    }),
  };
}

/** What of a sale was paid by card and is still to refund to it: a return goes back to the original tender. */
export async function cardPaidOf(ctx: StaffContext, saleId: string) {
  const [tender] = await ctx.db
    .select({ paymentId: saleTenders.reference, amountFen: saleTenders.amountFen })
    .from(saleTenders)
    .where(and(eq(saleTenders.saleId, saleId), eq(saleTenders.kind, 'bank_card')));
  if (!tender?.paymentId) return null;
  const backToCard = await ctx.db
    .select({ amountFen: cardPayments.approvedAmountFen, txnType: cardPayments.txnType })
    .from(cardPayments)
    .where(and(eq(cardPayments.originalPaymentId, tender.paymentId), eq(cardPayments.state, 'approved')));
  const refundedFen = backToCard.reduce((sum, p) => sum + (p.amountFen ?? 0), 0);
  return {
    paymentId: tender.paymentId,
    amountFen: tender.amountFen,
    refundedFen,
    voidable: backToCard.length === 0,
  };
}
