import { and, desc, eq, inArray, or, sql } from 'drizzle-orm';
import { z } from 'zod';
import { cardPayments } from '../../db/schema';
import type { StaffContext } from '../core/context';
import { CARD_OUTCOME_NOT_KNOWN } from '../domain/card-outcome';

export const FindSaleCardPaymentInput = z.object({ saleId: z.uuid() });

/**
 * The card payment an open sale must follow when the lane no longer remembers it (a recalled sale, another
 * browser): one whose outcome is unknown, else an approval on no tender and not given back. Null if none.
 */
export async function findSaleCardPayment(ctx: StaffContext, input: z.input<typeof FindSaleCardPaymentInput>) {
  const { saleId } = FindSaleCardPaymentInput.parse(input);
  const [payment] = await ctx.db
    .select({ id: cardPayments.id, state: cardPayments.state })
    .from(cardPayments)
    .where(
      and(
        eq(cardPayments.storeId, ctx.storeId),
        eq(cardPayments.saleId, saleId),
        eq(cardPayments.txnType, '00'),
        or(
          inArray(cardPayments.state, [...CARD_OUTCOME_NOT_KNOWN]),
          and(
            eq(cardPayments.state, 'approved'),
            sql`not exists (select 1 from sale_tenders t where t.reference = ${cardPayments.id}::text)`,
            sql`not exists (select 1 from card_payments f where f.original_payment_id = ${cardPayments.id}
              and f.txn_type in ('01', '02') and f.state in ('approved', 'in_flight', 'unknown'))`,
          ),
        ),
      ),
    )
    .orderBy(sql`${cardPayments.state} = 'approved'`, desc(cardPayments.createdAt))
    .limit(1);
  return payment ?? null;
}
