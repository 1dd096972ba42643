import { and, asc, eq, gte, inArray, lte, sql, type SQL } from 'drizzle-orm';
import { z } from 'zod';
import { products, reorderRules, stockLevels, stockMovements } from '../../db/schema';
import type { StaffContext } from '../core/context';
import { openOnOrderByProduct } from './purchase-order-progress';
import { DEFAULT_COVER_DAYS, SALES_WINDOW_DAYS, suggestOrderQuantity } from './reorder-suggestion';

export const ListReorderRulesInput = z.object({
  /** Only products at or below their reorder point: the low-stock list. */
  lowOnly: z.boolean().default(false),
  /** Days of expected sales an order should cover. */
  coverDays: z.number().int().min(1).max(180).default(DEFAULT_COVER_DAYS),
});
export type ListReorderRulesInput = z.input<typeof ListReorderRulesInput>;

const DAY_MS = 86_400_000;

/**
 * The store's reorder rules with on hand, net sales of the last 28 days, what is open on purchase orders and the
 * suggested order quantity (formula in reorder-suggestion.ts). Lowest cover first.
 */
export async function listReorderRules(ctx: StaffContext, rawInput: ListReorderRulesInput) {
  const input = ListReorderRulesInput.parse(rawInput);
  const onHand = sql<number>`coalesce(${stockLevels.onHand}, 0)`;
  const filters: SQL[] = [eq(reorderRules.storeId, ctx.storeId)];
  if (input.lowOnly) filters.push(lte(onHand, reorderRules.reorderPoint));
  const rules = await ctx.db
    .select({
      productId: reorderRules.productId,
      code: products.code,
      nameZh: products.nameZh,
      nameEn: products.nameEn,
      unit: products.unit,
      reorderPoint: reorderRules.reorderPoint,
      reorderQuantity: reorderRules.reorderQuantity,
      onHand,
      unitCostFen: sql<number>`coalesce(${stockLevels.avgCostFen}, ${products.costFen})`,
    })
    .from(reorderRules)
    .innerJoin(products, eq(products.id, reorderRules.productId))
    .leftJoin(stockLevels, and(eq(stockLevels.storeId, reorderRules.storeId), eq(stockLevels.productId, products.id)))
    .where(and(...filters))
    .orderBy(asc(sql`${onHand} - ${reorderRules.reorderPoint}`), asc(products.code))
    .limit(1000);
  const productIds = rules.map((rule) => rule.productId);
  const since = new Date(ctx.now().getTime() - SALES_WINDOW_DAYS * DAY_MS);
  const sold =
    productIds.length === 0
      ? []
      : await ctx.db
          .select({
            productId: stockMovements.productId,
            sold: sql<number>`(-sum(${stockMovements.quantityDelta}))::int`,
          })
          .from(stockMovements)
          .where(
            and(
              eq(stockMovements.storeId, ctx.storeId),
              inArray(stockMovements.productId, productIds),
              inArray(stockMovements.kind, ['sale', 'return']),
              gte(stockMovements.createdAt, since),
            ),
          )
          .groupBy(stockMovements.productId);
  const soldOf = new Map(sold.map((row) => [row.productId, Number(row.sold)]));
  const openOf = await openOnOrderByProduct(ctx, productIds);
  return rules.map((rule) => {
    const figures = {
      soldInWindow: soldOf.get(rule.productId) ?? 0,
      onHand: Number(rule.onHand),
      openOnOrder: openOf.get(rule.productId) ?? 0,
      reorderPoint: rule.reorderPoint,
      reorderQuantity: rule.reorderQuantity,
      coverDays: input.coverDays,
    };
    return {
      ...rule,
      ...figures,
      unitCostFen: Number(rule.unitCostFen),
      low: figures.onHand <= rule.reorderPoint,
      suggestedQuantity: suggestOrderQuantity(figures),
    };
  });
}
