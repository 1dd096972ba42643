import { and, count, desc, eq, type SQL } from 'drizzle-orm';
import { z } from 'zod';
import { staff, stockAdjustmentLines, stockAdjustments } from '../../db/schema';
import type { StaffContext } from '../core/context';
import { ADJUSTMENT_REASONS } from './adjustment-reasons';

export const ListStockAdjustmentsInput = z.object({
  reason: z.enum([...ADJUSTMENT_REASONS, 'count']).optional(),
  page: z.number().int().min(1).max(10_000).default(1),
  pageSize: z.number().int().min(1).max(100).default(50),
});
export type ListStockAdjustmentsInput = z.input<typeof ListStockAdjustmentsInput>;

/** The store's adjustments, newest first, with their line count. */
export async function listStockAdjustments(ctx: StaffContext, rawInput: ListStockAdjustmentsInput) {
  const input = ListStockAdjustmentsInput.parse(rawInput);
  const filters: SQL[] = [eq(stockAdjustments.storeId, ctx.storeId)];
  if (input.reason) filters.push(eq(stockAdjustments.reason, input.reason));
  const rows = await ctx.db
    .select({
      id: stockAdjustments.id,
      number: stockAdjustments.number,
      reason: stockAdjustments.reason,
      note: stockAdjustments.note,
      createdAt: stockAdjustments.createdAt,
      createdByName: staff.name,
      lineCount: count(stockAdjustmentLines.id),
    })
    .from(stockAdjustments)
    .innerJoin(staff, eq(staff.id, stockAdjustments.createdBy))
    .leftJoin(stockAdjustmentLines, eq(stockAdjustmentLines.stockAdjustmentId, stockAdjustments.id))
    .where(and(...filters))
    .groupBy(stockAdjustments.id, staff.name)
    .orderBy(desc(stockAdjustments.createdAt), desc(stockAdjustments.number))
    .limit(input.pageSize + 1)
    .offset((input.page - 1) * input.pageSize);
  const items = rows.slice(0, input.pageSize).map((row) => ({ ...row, lineCount: Number(row.lineCount) }));
  return { items, page: input.page, hasMore: rows.length > input.pageSize };
}
