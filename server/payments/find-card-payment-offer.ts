import { and, asc, eq, isNull, sql } from 'drizzle-orm';
import { z } from 'zod';
import { cardPayments } from '../../db/schema';
import type { StaffContext } from '../core/context';
import { findSellingShift } from '../shifts/find-open-shift';

export const FindCardPaymentOfferInput = z.object({ laneId: z.uuid(), shiftId: z.uuid() });

/**
 * The card payment the manager offered to this lane's open sale and no sale has taken yet, or null. The lane asks
 * every few seconds while a sale is open, from the cashier's own shift there.
 */
export async function findCardPaymentOffer(ctx: StaffContext, input: z.input<typeof FindCardPaymentOfferInput>) {
  const { lane } = await findSellingShift(ctx, FindCardPaymentOfferInput.parse(input));
  const [offer] = await ctx.db
    .select({
      id: cardPayments.id,
      amountFen: cardPayments.approvedAmountFen,
      cardNoMasked: cardPayments.cardNoMasked,
    })
    .from(cardPayments)
    .where(
      and(
        eq(cardPayments.offeredToLaneId, lane.laneId),
        eq(cardPayments.storeId, ctx.storeId),
        isNull(cardPayments.saleId),
        eq(cardPayments.state, 'approved'),
        eq(cardPayments.txnType, '00'),
        sql`not exists (select 1 from sale_tenders t where t.reference = ${cardPayments.id}::text)`,
        sql`not exists (select 1 from card_payments f where f.original_payment_id = ${cardPayments.id}
          and f.txn_type in ('01', '02') and f.state in ('approved', 'in_flight', 'unknown'))`,
      ),
    )
    .orderBy(asc(cardPayments.createdAt))
    .limit(1);
  return offer ?? null;
}
