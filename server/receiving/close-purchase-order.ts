import { and, eq } from 'drizzle-orm';
import { z } from 'zod';
import { purchaseOrders } from '../../db/schema';
import { inTransaction, type StaffContext } from '../core/context';
import { DomainError, found } from '../core/errors';
import { getPurchaseOrder } from './get-purchase-order';
import { purchaseOrderLineProgress } from './purchase-order-progress';

export const ClosePurchaseOrderInput = z.object({ id: z.uuid() });
export type ClosePurchaseOrderInput = z.input<typeof ClosePurchaseOrderInput>;

export async function lockPurchaseOrder(ctx: StaffContext, id: string) {
  const [order] = await ctx.db
    .select({ id: purchaseOrders.id, status: purchaseOrders.status, supplierId: purchaseOrders.supplierId })
    .from(purchaseOrders)
    .where(and(eq(purchaseOrders.id, id), eq(purchaseOrders.storeId, ctx.storeId)))
    .for('update');
  return found(order, 'purchase-order');
}

/** Closes the order by hand: what is still open stays unreceived and no longer counts as on order. */
export async function closePurchaseOrder(ctx: StaffContext, rawInput: ClosePurchaseOrderInput) {
  const { id } = ClosePurchaseOrderInput.parse(rawInput);
  return inTransaction(ctx, async (tx) => {
    const order = await lockPurchaseOrder(tx, id);
    if (order.status === 'cancelled') {
      throw new DomainError('CONFLICT', 'purchase-order.not-open', 'This purchase order is no longer open');
    }
    if (order.status === 'open') {
      await tx.db.update(purchaseOrders).set({ status: 'closed', closedAt: tx.now() }).where(eq(purchaseOrders.id, id));
    }
    return getPurchaseOrder(tx, { id });
  });
}

/** Closes an open order once every line has been received in full (called in the receipt's transaction). */
export async function closeIfFullyReceived(ctx: StaffContext, id: string): Promise<boolean> {
  const lines = await purchaseOrderLineProgress(ctx, [id]);
  if (!lines.every((line) => line.received >= line.quantity)) return false;
  await ctx.db
    .update(purchaseOrders)
    .set({ status: 'closed', closedAt: ctx.now() })
    .where(and(eq(purchaseOrders.id, id), eq(purchaseOrders.status, 'open')));
  return true;
}
