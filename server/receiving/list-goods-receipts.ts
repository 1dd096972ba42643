import { and, desc, eq, type SQL } from 'drizzle-orm';
import { z } from 'zod';
import { goodsReceipts, purchaseOrders, suppliers } from '../../db/schema';
import type { StaffContext } from '../core/context';

export const ListGoodsReceiptsInput = z.object({
  supplierId: z.uuid().optional(),
  purchaseOrderId: z.uuid().optional(),
  page: z.number().int().min(1).max(10_000).default(1),
  pageSize: z.number().int().min(1).max(100).default(50),
});
export type ListGoodsReceiptsInput = z.input<typeof ListGoodsReceiptsInput>;

/** Newest first. */
export async function listGoodsReceipts(ctx: StaffContext, rawInput: ListGoodsReceiptsInput) {
  const input = ListGoodsReceiptsInput.parse(rawInput);
  const filters: SQL[] = [eq(goodsReceipts.storeId, ctx.storeId)];
  if (input.supplierId) filters.push(eq(goodsReceipts.supplierId, input.supplierId));
  if (input.purchaseOrderId) filters.push(eq(goodsReceipts.purchaseOrderId, input.purchaseOrderId));
  const rows = await ctx.db
    .select({
      id: goodsReceipts.id,
      number: goodsReceipts.number,
      supplierName: suppliers.name,
      purchaseOrderId: goodsReceipts.purchaseOrderId,
      purchaseOrderNumber: purchaseOrders.number,
      supplierDocumentNo: goodsReceipts.supplierDocumentNo,
      receivedAt: goodsReceipts.receivedAt,
    })
    .from(goodsReceipts)
    .innerJoin(suppliers, eq(suppliers.id, goodsReceipts.supplierId))
    .leftJoin(purchaseOrders, eq(purchaseOrders.id, goodsReceipts.purchaseOrderId))
    .where(and(...filters))
    .orderBy(desc(goodsReceipts.receivedAt), desc(goodsReceipts.number))
    .limit(input.pageSize + 1)
    .offset((input.page - 1) * input.pageSize);
  return {
    items: rows.slice(0, input.pageSize),
    page: input.page,
    pageSize: input.pageSize,
    hasMore: rows.length > input.pageSize,
  };
}
