import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import { goodsReceiptLines, purchaseOrderLines, purchaseOrders } from '../../db/schema';
import type { StaffContext } from '../core/context';

export interface LineProgress {
  id: string;
  purchaseOrderId: string;
  lineNo: number;
  productId: string;
  quantity: number;
  unitCostFen: number;
  received: number;
}

/** Each line of these purchase orders with what goods receipts have brought in against it so far. */
export async function purchaseOrderLineProgress(ctx: StaffContext, purchaseOrderIds: readonly string[]) {
  if (purchaseOrderIds.length === 0) return [];
  const received = ctx.db
    .select({
      lineId: goodsReceiptLines.purchaseOrderLineId,
      received: sql<number>`sum(${goodsReceiptLines.quantity})::int`.as('received'),
    })
    .from(goodsReceiptLines)
    .where(
      and(
        eq(goodsReceiptLines.storeId, ctx.storeId),
        inArray(
          goodsReceiptLines.purchaseOrderLineId,
          ctx.db
            .select({ id: purchaseOrderLines.id })
            .from(purchaseOrderLines)
            .where(inArray(purchaseOrderLines.purchaseOrderId, [...purchaseOrderIds])),
        ),
      ),
    )
    .groupBy(goodsReceiptLines.purchaseOrderLineId)
    .as('received');
  const rows = await ctx.db
    .select({
      id: purchaseOrderLines.id,
      purchaseOrderId: purchaseOrderLines.purchaseOrderId,
      lineNo: purchaseOrderLines.lineNo,
      productId: purchaseOrderLines.productId,
      quantity: purchaseOrderLines.quantity,
      unitCostFen: purchaseOrderLines.unitCostFen,
      received: sql<number>`coalesce(${received.received}, 0)`,
    })
    .from(purchaseOrderLines)
    .leftJoin(received, eq(received.lineId, purchaseOrderLines.id))
    .where(
      and(
        eq(purchaseOrderLines.storeId, ctx.storeId),
        inArray(purchaseOrderLines.purchaseOrderId, [...purchaseOrderIds]),
      ),
    )
    .orderBy(asc(purchaseOrderLines.purchaseOrderId), asc(purchaseOrderLines.lineNo));
  return rows.map((row): LineProgress => ({ ...row, received: Number(row.received) }));
}

/** Still to come on a line: nothing once the order is closed or cancelled. */
export const openQuantity = (line: LineProgress, status: 'open' | 'closed' | 'cancelled') =>
  status === 'open' ? Math.max(line.quantity - line.received, 0) : 0;

/** What is still to come per product on the store's open purchase orders. */
export async function openOnOrderByProduct(ctx: StaffContext, productIds: readonly string[]) {
  const open = new Map<string, number>();
  if (productIds.length === 0) return open;
  const orders = await ctx.db
    .selectDistinct({ id: purchaseOrders.id })
    .from(purchaseOrders)
    .innerJoin(purchaseOrderLines, eq(purchaseOrderLines.purchaseOrderId, purchaseOrders.id))
    .where(
      and(
        eq(purchaseOrders.storeId, ctx.storeId),
        eq(purchaseOrders.status, 'open'),
        inArray(purchaseOrderLines.productId, [...productIds]),
      ),
    );
  const lines = await purchaseOrderLineProgress(
    ctx,
    orders.map((order) => order.id),
  );
  for (const line of lines) {
    open.set(line.productId, (open.get(line.productId) ?? 0) + openQuantity(line, 'open'));
  }
  return open;
}
