import { and, eq } from 'drizzle-orm';
import { z } from 'zod';
import { cardPayments, lanes } from '../../db/schema';
import { writeAudit } from '../audit/write-audit';
import { inTransaction, type StaffContext } from '../core/context';
import { DomainError, fieldInvalid } from '../core/errors';
import { saleFinishedOrVoided } from '../sales/sale-finished-or-voided';
import { cardPaymentGivenBack } from './card-payment-given-back';
import { unattachedCardPayments } from './list-unattached-card-payments';

export const OfferCardPaymentToLaneInput = z.object({
  paymentId: z.uuid(),
  /** Made by the page for each offer: a retried click offers once. */
  offerId: z.uuid(),
  laneNumber: z.number().int().min(1).max(999),
});
export type OfferCardPaymentToLaneInput = z.input<typeof OfferCardPaymentToLaneInput>;

/**
 * The manager's "attach to the open sale on lane N" for an approval on no sale: the payment leaves the sale that
 * started it and waits for that lane's cashier to add it to the open sale (`addOfferedCardPaymentToSale`). It stays
 * on the exceptions list until a sale tender claims it, and can still be voided or refunded instead.
 */
export async function offerCardPaymentToLane(ctx: StaffContext, rawInput: OfferCardPaymentToLaneInput) {
  const input = OfferCardPaymentToLaneInput.parse(rawInput);
  return inTransaction(ctx, async (tx) => {
    const [payment] = await tx.db
      .select()
      .from(cardPayments)
      .where(and(eq(cardPayments.id, input.paymentId), eq(cardPayments.storeId, tx.storeId)))
      .for('update');
    if (payment && payment.offerId === input.offerId) return offerOf(payment);
    const [lane] = await tx.db
      .select({ id: lanes.id, number: lanes.number })
      .from(lanes)
      .where(and(eq(lanes.storeId, tx.storeId), eq(lanes.number, input.laneNumber)));
    if (!lane) throw fieldInvalid('laneNumber', 'lane.not-found', 'This store has no lane of that number');
    if (!payment || !(await unattachedCardPayments(tx)).some((p) => p.id === payment.id)) {
      throw new DomainError('CONFLICT', 'card.not-unattached', 'This card payment is on a sale, or already given back');
    }
    if (await cardPaymentGivenBack(tx, payment.id)) {
      throw new DomainError('CONFLICT', 'card.being-given-back', 'This card payment is being voided or refunded');
    }
    if (payment.offeredToLaneId && payment.saleId && !(await saleFinishedOrVoided(tx, payment.saleId))) {
      throw new DomainError(
        'CONFLICT',
        'card.offer-on-open-sale',
        'A cashier has added this card payment to a sale still open: finish or void that sale first',
      );
    }
    if (payment.offeredToLaneId === lane.id && payment.saleId === null) return offerOf(payment);
    const [offered] = await tx.db
      .update(cardPayments)
      .set({ offeredToLaneId: lane.id, offerId: input.offerId, saleId: null })
      .where(eq(cardPayments.id, payment.id))
      .returning();
    await writeAudit(tx, {
      action: 'card.offered-to-lane',
      entityType: 'card-payment',
      entityId: payment.id,
      summary: `${payment.ecrRef} ${payment.approvedAmountFen ?? 0} fen → lane ${lane.number}`,
      changes: {
        offeredToLaneId: { from: payment.offeredToLaneId, to: lane.id },
        saleId: { from: payment.saleId, to: null },
      },
    });
    return offerOf(offered ?? payment);
  });
}

const offerOf = (payment: typeof cardPayments.$inferSelect) => ({
  paymentId: payment.id,
  offeredToLaneId: payment.offeredToLaneId,
  saleId: payment.saleId,
});
