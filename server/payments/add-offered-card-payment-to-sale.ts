import { and, eq } from 'drizzle-orm';
import { z } from 'zod';
import { cardPayments, saleTenders } from '../../db/schema';
import { writeAudit } from '../audit/write-audit';
import { inTransaction, type StaffContext } from '../core/context';
import { DomainError } from '../core/errors';
import { saleFinishedOrVoided } from '../sales/sale-finished-or-voided';
import { findSellingShift } from '../shifts/find-open-shift';
import { cardPaymentGivenBack } from './card-payment-given-back';

export const AddOfferedCardPaymentToSaleInput = z.object({
  paymentId: z.uuid(),
  laneId: z.uuid(),
  shiftId: z.uuid(),
  /** The lane's open sale; the payment then becomes its card tender as the sale's own approval would. */
  saleId: z.uuid(),
});
export type AddOfferedCardPaymentToSaleInput = z.input<typeof AddOfferedCardPaymentToSaleInput>;

/**
 * The cashier's "Add it to this sale" for a card payment the manager offered to this lane: only the lane it was
 * offered to, from the cashier's own open shift there, and only while it is on no sale and not given back.
 * Adding it again to the same sale changes nothing.
 */
export async function addOfferedCardPaymentToSale(ctx: StaffContext, rawInput: AddOfferedCardPaymentToSaleInput) {
  const input = AddOfferedCardPaymentToSaleInput.parse(rawInput);
  return inTransaction(ctx, async (tx) => {
    await findSellingShift(tx, input);
    const [payment] = await tx.db
      .select()
      .from(cardPayments)
      .where(and(eq(cardPayments.id, input.paymentId), eq(cardPayments.storeId, tx.storeId)))
      .for('update');
    if (!payment || payment.offeredToLaneId !== input.laneId) {
      throw new DomainError('FORBIDDEN', 'card.not-offered-here', 'This card payment was not offered to this lane');
    }
    if (await cardPaymentGivenBack(tx, payment.id)) {
      throw new DomainError('CONFLICT', 'card.being-given-back', 'This card payment is being voided or refunded');
    }
    const added = { paymentId: payment.id, saleId: input.saleId, amountFen: payment.approvedAmountFen ?? 0 };
    if (payment.saleId === input.saleId) return added;
    const [tendered] = await tx.db
      .select({ id: saleTenders.id })
      .from(saleTenders)
      .where(eq(saleTenders.reference, payment.id));
    if (payment.saleId !== null || tendered || payment.state !== 'approved' || payment.txnType !== '00') {
      throw new DomainError('CONFLICT', 'card.offer-taken', 'This card payment is already on another sale');
    }
    if (await saleFinishedOrVoided(tx, input.saleId)) {
      throw new DomainError('CONFLICT', 'card.sale-not-open', 'This sale is already finished or voided');
    }
    await tx.db.update(cardPayments).set({ saleId: input.saleId }).where(eq(cardPayments.id, payment.id));
    await writeAudit(tx, {
      action: 'card.added-to-sale',
      entityType: 'card-payment',
      entityId: payment.id,
      summary: `${payment.ecrRef} ${payment.approvedAmountFen ?? 0} fen → sale ${input.saleId}`,
      changes: { saleId: { from: null, to: input.saleId } },
    });
    return added;
  });
}
