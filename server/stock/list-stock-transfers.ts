import { and, count, desc, eq, type SQL } from 'drizzle-orm';
import { z } from 'zod';
import { stockTransferLines, stockTransfers, stores } from '../../db/schema';
import type { StaffContext } from '../core/context';

export const ListStockTransfersInput = z.object({
  direction: z.enum(['out', 'in']),
  status: z.enum(['in_transit', 'received']).optional(),
  page: z.number().int().min(1).max(10_000).default(1),
  pageSize: z.number().int().min(1).max(100).default(50),
});
export type ListStockTransfersInput = z.input<typeof ListStockTransfersInput>;

/** Transfers this store sent, or those coming to it, newest first. */
export async function listStockTransfers(ctx: StaffContext, rawInput: ListStockTransfersInput) {
  const input = ListStockTransfersInput.parse(rawInput);
  const outgoing = input.direction === 'out';
  const filters: SQL[] = [eq(outgoing ? stockTransfers.storeId : stockTransfers.toStoreId, ctx.storeId)];
  if (input.status) filters.push(eq(stockTransfers.status, input.status));
  const rows = await ctx.db
    .select({
      id: stockTransfers.id,
      number: stockTransfers.number,
      status: stockTransfers.status,
      note: stockTransfers.note,
      otherStoreCode: stores.code,
      otherStoreName: stores.name,
      sentAt: stockTransfers.sentAt,
      receivedAt: stockTransfers.receivedAt,
      lineCount: count(stockTransferLines.id),
    })
    .from(stockTransfers)
    .innerJoin(stores, eq(stores.id, outgoing ? stockTransfers.toStoreId : stockTransfers.storeId))
    .leftJoin(stockTransferLines, eq(stockTransferLines.stockTransferId, stockTransfers.id))
    .where(and(...filters))
    .groupBy(stockTransfers.id, stores.code, stores.name)
    .orderBy(desc(stockTransfers.sentAt), desc(stockTransfers.id))
    .limit(input.pageSize + 1)
    .offset((input.page - 1) * input.pageSize);
  const items = rows.slice(0, input.pageSize).map((row) => ({ ...row, lineCount: Number(row.lineCount) }));
  return { items, page: input.page, hasMore: rows.length > input.pageSize };
}
