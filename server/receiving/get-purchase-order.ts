import { and, asc, eq, inArray } from 'drizzle-orm';
import { z } from 'zod';
import { goodsReceipts, products, purchaseOrders, stockLevels, suppliers } from '../../db/schema';
import type { StaffContext } from '../core/context';
import { found } from '../core/errors';
import { lineValueFen } from './quantity';
import { openQuantity, purchaseOrderLineProgress } from './purchase-order-progress';

export const GetPurchaseOrderInput = z.object({ id: z.uuid() });
export type GetPurchaseOrderInput = z.input<typeof GetPurchaseOrderInput>;

/** An order with, per line, what was ordered, received and is still open, and the goods receipts against it. */
export async function getPurchaseOrder(ctx: StaffContext, rawInput: GetPurchaseOrderInput) {
  const { id } = GetPurchaseOrderInput.parse(rawInput);
  const [order] = await ctx.db
    .select({
      id: purchaseOrders.id,
      number: purchaseOrders.number,
      status: purchaseOrders.status,
      note: purchaseOrders.note,
      supplierId: purchaseOrders.supplierId,
      supplierName: suppliers.name,
      supplierCode: suppliers.code,
      createdAt: purchaseOrders.createdAt,
      closedAt: purchaseOrders.closedAt,
    })
    .from(purchaseOrders)
    .innerJoin(suppliers, eq(suppliers.id, purchaseOrders.supplierId))
    .where(and(eq(purchaseOrders.id, id), eq(purchaseOrders.storeId, ctx.storeId)));
  const po = found(order, 'purchase-order');
  const progress = await purchaseOrderLineProgress(ctx, [po.id]);
  const productIds = progress.map((line) => line.productId);
  const details =
    productIds.length === 0
      ? []
      : await ctx.db
          .select({
            id: products.id,
            code: products.code,
            nameZh: products.nameZh,
            nameEn: products.nameEn,
            unit: products.unit,
            onHand: stockLevels.onHand,
          })
          .from(products)
          .leftJoin(stockLevels, and(eq(stockLevels.storeId, products.storeId), eq(stockLevels.productId, products.id)))
          .where(and(eq(products.storeId, ctx.storeId), inArray(products.id, productIds)));
  const productOf = new Map(details.map((row) => [row.id, row]));
  const lines = progress.map((line) => {
    const product = found(productOf.get(line.productId), 'product');
    return {
      id: line.id,
      lineNo: line.lineNo,
      productId: line.productId,
      productCode: product.code,
      nameZh: product.nameZh,
      nameEn: product.nameEn,
      unit: product.unit,
      onHand: product.onHand ?? 0,
      quantity: line.quantity,
      unitCostFen: line.unitCostFen,
      received: line.received,
      open: openQuantity(line, po.status),
      valueFen: lineValueFen(line.quantity, line.unitCostFen, product.unit),
    };
  });
  const receipts = await ctx.db
    .select({ id: goodsReceipts.id, number: goodsReceipts.number, receivedAt: goodsReceipts.receivedAt })
    .from(goodsReceipts)
    .where(and(eq(goodsReceipts.storeId, ctx.storeId), eq(goodsReceipts.purchaseOrderId, po.id)))
    .orderBy(asc(goodsReceipts.receivedAt));
  return { ...po, lines, receipts, totalFen: lines.reduce((sum, line) => sum + line.valueFen, 0) };
}
export type PurchaseOrderDetail = Awaited<ReturnType<typeof getPurchaseOrder>>;
