import { and, desc, eq } from 'drizzle-orm';
import { cardPayments, lanes, staff } from '../../db/schema';
import type { StaffContext } from '../core/context';

/** Card payments no terminal could answer for, even by query: a manager settles each from the bank slip. */
export async function listUnresolvedCardPayments(ctx: StaffContext) {
  return ctx.db
    .select({
      id: cardPayments.id,
      saleId: cardPayments.saleId,
      txnType: cardPayments.txnType,
      amountFen: cardPayments.amountFen,
      ecrRef: cardPayments.ecrRef,
      createdAt: cardPayments.createdAt,
      queries: cardPayments.queries,
      laneNumber: lanes.number,
      cashierName: staff.name,
    })
    .from(cardPayments)
    .innerJoin(lanes, eq(lanes.id, cardPayments.laneId))
    .innerJoin(staff, eq(staff.id, cardPayments.staffId))
    .where(and(eq(cardPayments.storeId, ctx.storeId), eq(cardPayments.state, 'unknown')))
    .orderBy(desc(cardPayments.createdAt));
}
