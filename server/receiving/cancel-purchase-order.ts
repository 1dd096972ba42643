import { eq } from 'drizzle-orm';
import { z } from 'zod';
import { purchaseOrders } from '../../db/schema';
import { inTransaction, type StaffContext } from '../core/context';
import { DomainError } from '../core/errors';
import { lockPurchaseOrder } from './close-purchase-order';
import { getPurchaseOrder } from './get-purchase-order';
import { purchaseOrderLineProgress } from './purchase-order-progress';

export const CancelPurchaseOrderInput = z.object({ id: z.uuid() });
export type CancelPurchaseOrderInput = z.input<typeof CancelPurchaseOrderInput>;

/** Cancels an order nothing has been received against; once goods came in, the order is closed instead. */
export async function cancelPurchaseOrder(ctx: StaffContext, rawInput: CancelPurchaseOrderInput) {
  const { id } = CancelPurchaseOrderInput.parse(rawInput);
  return inTransaction(ctx, async (tx) => {
    const order = await lockPurchaseOrder(tx, id);
    if (order.status === 'closed') {
      throw new DomainError('CONFLICT', 'purchase-order.not-open', 'This purchase order is no longer open');
    }
    if (order.status === 'open') {
      const lines = await purchaseOrderLineProgress(tx, [id]);
      if (lines.some((line) => line.received > 0)) {
        throw new DomainError(
          'CONFLICT',
          'purchase-order.partly-received',
          'Goods were received against this order: close it instead',
        );
      }
      await tx.db
        .update(purchaseOrders)
        .set({ status: 'cancelled', closedAt: tx.now() })
        .where(eq(purchaseOrders.id, id));
    }
    return getPurchaseOrder(tx, { id });
  });
}
