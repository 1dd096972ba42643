import { and, eq, inArray } from 'drizzle-orm';
import { cardPayments } from '../../db/schema';
import type { StaffContext } from '../core/context';

/** Whether a card payment was given back, or is on its way back: a void or refund of it approved or under way. */
export async function cardPaymentGivenBack(ctx: StaffContext, paymentId: string): Promise<boolean> {
  const [followUp] = await ctx.db
    .select({ id: cardPayments.id })
    .from(cardPayments)
    .where(
      and(
        eq(cardPayments.originalPaymentId, paymentId),
        inArray(cardPayments.txnType, ['01', '02']),
        inArray(cardPayments.state, ['approved', 'in_flight', 'unknown']),
      ),
    )
    .limit(1);
  return followUp !== undefined;
}
