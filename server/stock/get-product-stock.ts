import { and, eq } from 'drizzle-orm';
import { z } from 'zod';
import { departments, products, reorderRules, stockLevels } from '../../db/schema';
import type { StaffContext } from '../core/context';
import { notFound } from '../core/errors';
import { stockValueFen } from './stock-value';

export const GetProductStockInput = z.object({ productId: z.uuid() });
export type GetProductStockInput = z.input<typeof GetProductStockInput>;

/** One product's stock figure in this store: on hand, average cost, value and its reorder rule. */
export async function getProductStock(ctx: StaffContext, rawInput: GetProductStockInput) {
  const input = GetProductStockInput.parse(rawInput);
  const [row] = await ctx.db
    .select({
      productId: products.id,
      code: products.code,
      nameZh: products.nameZh,
      nameEn: products.nameEn,
      unit: products.unit,
      active: products.active,
      costFen: products.costFen,
      departmentNameZh: departments.nameZh,
      departmentNameEn: departments.nameEn,
      onHand: stockLevels.onHand,
      avgCostFen: stockLevels.avgCostFen,
      updatedAt: stockLevels.updatedAt,
      reorderPoint: reorderRules.reorderPoint,
      reorderQuantity: reorderRules.reorderQuantity,
    })
    .from(products)
    .innerJoin(departments, eq(departments.id, products.departmentId))
    .leftJoin(stockLevels, and(eq(stockLevels.storeId, ctx.storeId), eq(stockLevels.productId, products.id)))
    .leftJoin(reorderRules, and(eq(reorderRules.storeId, ctx.storeId), eq(reorderRules.productId, products.id)))
    .where(and(eq(products.storeId, ctx.storeId), eq(products.id, input.productId)));
  if (!row) throw notFound('product');
  const onHand = row.onHand ?? 0;
  const avgCostFen = row.avgCostFen ?? row.costFen;
  return {
    ...row,
    onHand,
    avgCostFen,
    valueFen: stockValueFen(onHand, row.unit, avgCostFen),
    negative: onHand < 0,
    low: row.reorderPoint !== null && onHand <= row.reorderPoint,
  };
}
