import { and, desc, eq } from 'drizzle-orm';
import { z } from 'zod';
import { products, staff, stocktakeCounts } from '../../db/schema';
import type { StaffContext } from '../core/context';
import { findStocktake } from './find-stocktake';

export const ListCountsInput = z.object({
  stocktakeId: z.uuid(),
  productId: z.uuid().optional(),
  /** Only the acting counter's own entries. */
  mine: z.boolean().default(false),
  limit: z.number().int().min(1).max(500).default(50),
});
export type ListCountsInput = z.input<typeof ListCountsInput>;

/** A stocktake's count entries, newest first: of one product, or the counter's own recent ones. */
export async function listCounts(ctx: StaffContext, rawInput: ListCountsInput) {
  const input = ListCountsInput.parse(rawInput);
  await findStocktake(ctx, input.stocktakeId);
  return ctx.db
    .select({
      id: stocktakeCounts.id,
      productId: stocktakeCounts.productId,
      code: products.code,
      nameZh: products.nameZh,
      nameEn: products.nameEn,
      unit: products.unit,
      quantity: stocktakeCounts.quantity,
      scannedCode: stocktakeCounts.scannedCode,
      countedAt: stocktakeCounts.countedAt,
      countedBy: staff.name,
      countedByOperatorNo: staff.operatorNo,
    })
    .from(stocktakeCounts)
    .innerJoin(products, eq(products.id, stocktakeCounts.productId))
    .innerJoin(staff, eq(staff.id, stocktakeCounts.countedBy))
    .where(
      and(
        eq(stocktakeCounts.stocktakeId, input.stocktakeId),
        eq(stocktakeCounts.storeId, ctx.storeId),
        input.productId ? eq(stocktakeCounts.productId, input.productId) : undefined,
        input.mine ? eq(stocktakeCounts.countedBy, ctx.actor.staffId) : undefined,
      ),
    )
    .orderBy(desc(stocktakeCounts.countedAt), desc(stocktakeCounts.id))
    .limit(input.limit);
}
