import { and, desc, eq, sql } from 'drizzle-orm';
import { cardPayments, lanes, returnCardRefunds, sales, staff } from '../../db/schema';
import type { StaffContext } from '../core/context';

/**
 * Card voids and refunds the bank approved for a return that could not then be recorded (the receipt no longer
 * allowed it, or the lane had meanwhile refunded the return another way): money given back for no return. Each
 * stays here, and no card day balances, until the manager writes it off.
 */
export async function refundsWithoutReturn(ctx: StaffContext) {
  return ctx.db
    .select({
      cardPaymentId: returnCardRefunds.cardPaymentId,
      returnId: returnCardRefunds.returnId,
      failure: returnCardRefunds.failure,
      amountFen: cardPayments.approvedAmountFen,
      txnType: cardPayments.txnType,
      ecrRef: cardPayments.ecrRef,
      refNo: cardPayments.refNo,
      cardNoMasked: cardPayments.cardNoMasked,
      hostDate: cardPayments.hostDate,
      createdAt: cardPayments.createdAt,
      laneNumber: lanes.number,
      cashierName: staff.name,
      originalReceiptNo: sql<string | null>`(select ${sales.receiptNo} from ${sales}
        where ${sales.id} = (${returnCardRefunds.request} ->> 'originalSaleId')::uuid)`,
    })
    .from(returnCardRefunds)
    .innerJoin(cardPayments, eq(cardPayments.id, returnCardRefunds.cardPaymentId))
    .innerJoin(lanes, eq(lanes.id, cardPayments.laneId))
    .innerJoin(staff, eq(staff.id, returnCardRefunds.staffId))
    .where(
      and(
        eq(returnCardRefunds.storeId, ctx.storeId),
        eq(returnCardRefunds.status, 'failed'),
        eq(cardPayments.state, 'approved'),
      ),
    )
    .orderBy(desc(cardPayments.createdAt));
}
