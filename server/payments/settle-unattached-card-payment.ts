import { and, eq } from 'drizzle-orm';
import { z } from 'zod';
import { cardPayments } from '../../db/schema';
import { writeAudit } from '../audit/write-audit';
import type { StaffContext } from '../core/context';
import { DomainError } from '../core/errors';
import { unattachedCardPayments } from './list-unattached-card-payments';
import { startManagerCardTransaction } from './start-card-payment';

export const SettleUnattachedCardPaymentInput = z.object({
  paymentId: z.uuid(),
  /** The id of the void or refund this starts, made by the page: a retried click starts it once. */
  followUpId: z.uuid(),
  action: z.enum(['void', 'refund']),
});
export type SettleUnattachedCardPaymentInput = z.input<typeof SettleUnattachedCardPaymentInput>;

/**
 * Gives back a card payment approved for no sale: voided at the terminal that took it (same batch, full amount)
 * or refunded (any day, what is left of it); audited with the manager who did it, in the same transaction.
 */
export async function settleUnattachedCardPayment(ctx: StaffContext, rawInput: SettleUnattachedCardPaymentInput) {
  const input = SettleUnattachedCardPaymentInput.parse(rawInput);
  // A retry after the void or refund already went through: the payment has left the list, the answer stays the same.
  const [started] = await ctx.db
    .select()
    .from(cardPayments)
    .where(
      and(
        eq(cardPayments.id, input.followUpId),
        eq(cardPayments.storeId, ctx.storeId),
        eq(cardPayments.originalPaymentId, input.paymentId),
      ),
    );
  if (started) return started;
  const [payment] = (await unattachedCardPayments(ctx)).filter((p) => p.id === input.paymentId);
  if (!payment) {
    throw new DomainError('CONFLICT', 'card.not-unattached', 'This card payment is on a sale, or already given back');
  }
  const amountFen = (payment.amountFen ?? 0) - payment.refundedFen;
  return startManagerCardTransaction(
    ctx,
    {
      paymentId: input.followUpId,
      laneId: payment.laneId,
      saleId: null,
      kind: input.action,
      amountFen: input.action === 'void' ? 0 : amountFen,
      originalPaymentId: payment.id,
    },
    (tx, followUp) =>
      writeAudit(tx, {
        action: input.action === 'void' ? 'card.unattached-voided' : 'card.unattached-refunded',
        entityType: 'card-payment',
        entityId: payment.id,
        summary: `${payment.ecrRef} ${payment.refNo ?? ''} → ${followUp.ecrRef}`.trim(),
        changes: { followUp: { from: null, to: { id: followUp.id, txnType: followUp.txnType, amountFen } } },
      }),
  );
}
