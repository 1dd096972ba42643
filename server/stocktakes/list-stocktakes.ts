import { and, desc, eq, sql } from 'drizzle-orm';
import { z } from 'zod';
import { departments, staff, stocktakeCounts, stocktakeItems, stocktakes } from '../../db/schema';
import type { StaffContext } from '../core/context';

export const ListStocktakesInput = z.object({
  status: z.enum(['counting', 'applied', 'cancelled']).optional(),
  limit: z.number().int().min(1).max(200).default(50),
});
export type ListStocktakesInput = z.input<typeof ListStocktakesInput>;

/** The store's stocktakes, newest first, with how many of their products have been counted so far. */
export async function listStocktakes(ctx: StaffContext, rawInput: ListStocktakesInput = {}) {
  const input = ListStocktakesInput.parse(rawInput);
  return ctx.db
    .select({
      id: stocktakes.id,
      number: stocktakes.number,
      scope: stocktakes.scope,
      departmentId: stocktakes.departmentId,
      departmentNameZh: departments.nameZh,
      departmentNameEn: departments.nameEn,
      status: stocktakes.status,
      startedAt: stocktakes.startedAt,
      startedBy: staff.name,
      appliedAt: stocktakes.appliedAt,
      products: sql<number>`(select count(*)::int from ${stocktakeItems} where ${stocktakeItems.stocktakeId} = ${stocktakes.id})`,
      countedProducts: sql<number>`(select count(distinct ${stocktakeCounts.productId})::int from ${stocktakeCounts}
        where ${stocktakeCounts.stocktakeId} = ${stocktakes.id})`,
    })
    .from(stocktakes)
    .innerJoin(staff, eq(staff.id, stocktakes.startedBy))
    .leftJoin(departments, eq(departments.id, stocktakes.departmentId))
    .where(and(eq(stocktakes.storeId, ctx.storeId), input.status ? eq(stocktakes.status, input.status) : undefined))
    .orderBy(desc(stocktakes.startedAt), desc(stocktakes.id))
    .limit(input.limit);
}
