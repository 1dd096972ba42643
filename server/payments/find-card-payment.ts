import { and, eq } from 'drizzle-orm';
import { z } from 'zod';
import { cardPayments } from '../../db/schema';
import type { StaffContext } from '../core/context';
import { found } from '../core/errors';
import { cardStatusOf } from './card-statuses';

export const FindCardPaymentInput = z.object({ paymentId: z.uuid() });

/** A card payment as the lane follows it: its state, the terminal's live status line, and once answered the outcome. */
export async function findCardPayment(ctx: StaffContext, input: z.input<typeof FindCardPaymentInput>) {
  const { paymentId } = FindCardPaymentInput.parse(input);
  const [payment] = await ctx.db
    .select({
      id: cardPayments.id,
      saleId: cardPayments.saleId,
      txnType: cardPayments.txnType,
      state: cardPayments.state,
      amountFen: cardPayments.amountFen,
      approvedAmountFen: cardPayments.approvedAmountFen,
      balanceFen: cardPayments.balanceFen,
      respCode: cardPayments.respCode,
      message: cardPayments.message,
      issuerName: cardPayments.issuerName,
      cardNoMasked: cardPayments.cardNoMasked,
      cardOrg: cardPayments.cardOrg,
      voucherNo: cardPayments.voucherNo,
      refNo: cardPayments.refNo,
      authCode: cardPayments.authCode,
      slip: cardPayments.slip,
    })
    .from(cardPayments)
    .where(and(eq(cardPayments.id, paymentId), eq(cardPayments.storeId, ctx.storeId)));
  const status = cardStatusOf(paymentId);
  return { ...found(payment, 'card-payment'), status: status && { code: status.code, text: status.text } };
}
