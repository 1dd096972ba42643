import { and, asc, desc, eq, sql, type SQL } from 'drizzle-orm';
import { z } from 'zod';
import { purchaseOrders, suppliers } from '../../db/schema';
import type { StaffContext } from '../core/context';
import { openQuantity, purchaseOrderLineProgress } from './purchase-order-progress';

export const ListPurchaseOrdersInput = z.object({
  status: z.enum(['open', 'closed', 'cancelled']).optional(),
  page: z.number().int().min(1).max(10_000).default(1),
  pageSize: z.number().int().min(1).max(100).default(50),
});
export type ListPurchaseOrdersInput = z.input<typeof ListPurchaseOrdersInput>;

/** Open orders first, newest first within each status, with how many lines are still open. */
export async function listPurchaseOrders(ctx: StaffContext, rawInput: ListPurchaseOrdersInput) {
  const input = ListPurchaseOrdersInput.parse(rawInput);
  const filters: SQL[] = [eq(purchaseOrders.storeId, ctx.storeId)];
  if (input.status) filters.push(eq(purchaseOrders.status, input.status));
  const rows = await ctx.db
    .select({
      id: purchaseOrders.id,
      number: purchaseOrders.number,
      status: purchaseOrders.status,
      supplierName: suppliers.name,
      createdAt: purchaseOrders.createdAt,
      closedAt: purchaseOrders.closedAt,
    })
    .from(purchaseOrders)
    .innerJoin(suppliers, eq(suppliers.id, purchaseOrders.supplierId))
    .where(and(...filters))
    .orderBy(
      asc(sql`case ${purchaseOrders.status} when 'open' then 0 else 1 end`),
      desc(purchaseOrders.createdAt),
      desc(purchaseOrders.number),
    )
    .limit(input.pageSize + 1)
    .offset((input.page - 1) * input.pageSize);
  const items = rows.slice(0, input.pageSize);
  const progress = await purchaseOrderLineProgress(
    ctx,
    items.map((row) => row.id),
  );
  return {
    items: items.map((order) => {
      const lines = progress.filter((line) => line.purchaseOrderId === order.id);
      return {
        ...order,
        lineCount: lines.length,
        openLineCount: lines.filter((line) => openQuantity(line, order.status) > 0).length,
      };
    }),
    page: input.page,
    pageSize: input.pageSize,
    hasMore: rows.length > input.pageSize,
  };
}
