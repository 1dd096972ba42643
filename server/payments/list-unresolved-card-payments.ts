import { and, desc, eq } from 'drizzle-orm';
import { cardPayments, lanes, staff, stores } from '../../db/schema';
import { slipDate } from '../domain/store-time';
import type { StaffContext } from '../core/context';

/** Card payments no terminal could answer for, even by query: a manager settles each from the bank slip. */
export async function listUnresolvedCardPayments(ctx: StaffContext) {
  const rows = await ctx.db
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
      timeZone: stores.timezone,
    })
    .from(cardPayments)
    .innerJoin(lanes, eq(lanes.id, cardPayments.laneId))
    .innerJoin(staff, eq(staff.id, cardPayments.staffId))
    .innerJoin(stores, eq(stores.id, cardPayments.storeId))
    .where(and(eq(cardPayments.storeId, ctx.storeId), eq(cardPayments.state, 'unknown')))
    .orderBy(desc(cardPayments.createdAt));
  // The slip's date is most likely the payment's own day in the store: the form offers it.
  return rows.map(({ timeZone, ...row }) => ({
    ...row,
    storeDay: slipDate(row.createdAt, timeZone),
  }));
}
