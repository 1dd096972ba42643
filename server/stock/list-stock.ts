import { and, asc, eq, gt, lt, lte, sql, type SQL } from 'drizzle-orm';
import { z } from 'zod';
import { departments, products, reorderRules, stockLevels } from '../../db/schema';
import type { StaffContext } from '../core/context';
import { productSearchFilter } from '../catalog/product-search-filter';
import { stockValueFen } from './stock-value';

export const ListStockInput = z.object({
  query: z.string().trim().max(60).optional(),
  departmentId: z.uuid().optional(),
  negativeOnly: z.boolean().default(false),
  lowOnly: z.boolean().default(false),
  /** Keyset: the item code of the last row of the previous page. */
  afterCode: z.string().max(64).optional(),
  pageSize: z.number().int().min(1).max(100).default(50),
});
export type ListStockInput = z.input<typeof ListStockInput>;

/**
 * One page of the store's stock levels in item code order. Reads the projection only, never the ledger, and pages
 * by code so a page costs the same at the end of a 200,000-product catalog as at its start.
 */
export async function listStock(ctx: StaffContext, rawInput: ListStockInput) {
  const input = ListStockInput.parse(rawInput);
  const onHand = sql<number>`coalesce(${stockLevels.onHand}, 0)`;
  const filters: SQL[] = [eq(products.storeId, ctx.storeId)];
  if (input.departmentId) filters.push(eq(products.departmentId, input.departmentId));
  if (input.afterCode !== undefined) filters.push(gt(products.code, input.afterCode));
  if (input.negativeOnly) filters.push(lt(stockLevels.onHand, 0));
  if (input.lowOnly) filters.push(lte(onHand, reorderRules.reorderPoint));
  const search = input.query ? productSearchFilter(ctx, input.query) : null;
  if (search) filters.push(search);
  const rows = await ctx.db
    .select({
      productId: products.id,
      code: products.code,
      nameZh: products.nameZh,
      nameEn: products.nameEn,
      unit: products.unit,
      active: products.active,
      departmentNameZh: departments.nameZh,
      departmentNameEn: departments.nameEn,
      onHand,
      avgCostFen: sql<number>`coalesce(${stockLevels.avgCostFen}, ${products.costFen})`,
      reorderPoint: reorderRules.reorderPoint,
    })
    .from(products)
    .innerJoin(departments, eq(departments.id, products.departmentId))
    // The filters on these are strict, so PostgreSQL turns the outer joins into inner ones when they apply.
    .leftJoin(stockLevels, and(eq(stockLevels.storeId, ctx.storeId), eq(stockLevels.productId, products.id)))
    .leftJoin(reorderRules, and(eq(reorderRules.storeId, ctx.storeId), eq(reorderRules.productId, products.id)))
    .where(and(...filters))
    .orderBy(asc(products.code))
    .limit(input.pageSize + 1);
  const items = rows.slice(0, input.pageSize).map((row) => ({
    ...row,
    onHand: Number(row.onHand),
    avgCostFen: Number(row.avgCostFen),
    valueFen: stockValueFen(Number(row.onHand), row.unit, Number(row.avgCostFen)),
    negative: Number(row.onHand) < 0,
    low: row.reorderPoint !== null && Number(row.onHand) <= row.reorderPoint,
  }));
  const last = items.at(-1);
  return { items, nextAfterCode: rows.length > input.pageSize && last ? last.code : null };
}
