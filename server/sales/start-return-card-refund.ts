import { and, eq, ne } from 'drizzle-orm';
import { z } from 'zod';
import { returnCardRefunds } from '../../db/schema';
import type { StaffContext } from '../core/context';
import { DomainError } from '../core/errors';
import { startCardPayment } from '../payments/start-card-payment';
import { cardPaidOf } from './find-sale-for-return';
import { RecordReturnInput, returnLinesFor } from './record-return';
import { recordedReturn } from './write-return';

export const StartReturnCardRefundInput = z.object({
  paymentId: z.uuid(),
  kind: z.enum(['void', 'refund']),
  /** A refund's amount; a void gives back what the original took. */
  amountFen: z.number().int().min(0).max(99_999_999),
  return: RecordReturnInput.omit({ cardPaymentId: true }),
});
export type StartReturnCardRefundInput = z.input<typeof StartReturnCardRefundInput>;

/**
 * Gives a return's money back to the card (void or refund, under the return's id), keeping the return as asked in
 * the same transaction: once the card transaction is found approved the return is recorded with it, screen or not
 * (`recordReturnOnCardOutcome`). A return recordReturn would refuse starts nothing.
 */
export async function startReturnCardRefund(ctx: StaffContext, rawInput: StartReturnCardRefundInput) {
  const input = StartReturnCardRefundInput.parse(rawInput);
  const request = input.return;
  const card = await cardPaidOf(ctx, request.originalSaleId);
  if (!card)
    throw new DomainError('INVALID', 'return.card-refund-invalid', 'The card refund does not match this return');
  const start = {
    paymentId: input.paymentId,
    laneId: request.laneId,
    shiftId: request.shiftId,
    saleId: request.returnId,
    kind: input.kind,
    amountFen: input.amountFen,
    originalPaymentId: card.paymentId,
  };
  return startCardPayment(ctx, start, async (tx, payment) => {
    if (await recordedReturn(tx, request.returnId)) {
      throw new DomainError('CONFLICT', 'return.already-recorded', 'This return is already recorded');
    }
    const [refunded] = await tx.db
      .select({ status: returnCardRefunds.status })
      .from(returnCardRefunds)
      .where(and(eq(returnCardRefunds.returnId, request.returnId), ne(returnCardRefunds.status, 'dropped')));
    if (refunded) {
      throw new DomainError('CONFLICT', 'return.card-refunded', 'The card was already refunded for this return');
    }
    const { sale, refundTotalFen } = await returnLinesFor(tx, request);
    const paidBy = await cardPaidOf(tx, sale.id);
    if (paidBy?.paymentId !== payment.originalPaymentId || payment.amountFen > refundTotalFen) {
      throw new DomainError('INVALID', 'return.card-refund-invalid', 'The card refund does not match this return');
    }
    await tx.db.insert(returnCardRefunds).values({
      cardPaymentId: payment.id,
      storeId: tx.storeId,
      returnId: request.returnId,
      staffId: tx.actor.staffId,
      shiftId: request.shiftId,
      request: { ...request, returnedAt: request.returnedAt.toISOString() },
      createdAt: tx.now(),
    });
  });
}
