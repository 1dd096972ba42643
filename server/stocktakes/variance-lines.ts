import { and, asc, eq, sql } from 'drizzle-orm';
import { products, stockLevels, stocktakeCounts, stocktakeItems, stocktakes } from '../../db/schema';
import type { StaffContext } from '../core/context';
import type { StocktakeRow } from './find-stocktake';

/** Value of a quantity at a unit cost: units at cost per unit, grams of weighed goods at cost per kg. */
export function stockValueFen(quantity: number, unit: 'each' | 'kg', unitCostFen: number): number {
  return unit === 'kg' ? Math.round((quantity * unitCostFen) / 1000) : quantity * unitCostFen;
}

export interface VarianceLine {
  productId: string;
  code: string;
  nameZh: string;
  nameEn: string;
  unit: 'each' | 'kg';
  frozenOnHand: number;
  unitCostFen: number;
  /** Movements since the start (sales and all else but this stocktake) up to the last count, or to `until`. */
  movedSinceStart: number;
  expected: number;
  counted: number | null;
  entries: number;
  lastCountedAt: Date | null;
  variance: number | null;
  varianceFen: number | null;
  /** The on-hand figure now, for the report after applying. */
  onHand: number;
}

/**
 * Each product in scope with what the shelf should have held when it was counted: the frozen on hand plus every
 * movement after the start up to its last count entry, so sales during the count are not variances. Uncounted
 * products are brought to `until` (now, or when the stocktake was applied).
 */
export async function varianceLines(ctx: StaffContext, stocktake: StocktakeRow, until: Date): Promise<VarianceLine[]> {
  const counted = ctx.db.$with('counted').as(
    ctx.db
      .select({
        productId: stocktakeCounts.productId,
        counted: sql<number>`sum(${stocktakeCounts.quantity})::int`.as('counted'),
        entries: sql<number>`count(*)::int`.as('entries'),
        lastCountedAt: sql<unknown>`max(${stocktakeCounts.countedAt})`.as('last_counted_at'),
        lastCountedMs: sql<number>`(extract(epoch from max(${stocktakeCounts.countedAt})) * 1000)::float8`.as(
          'last_counted_ms',
        ),
      })
      .from(stocktakeCounts)
      .where(eq(stocktakeCounts.stocktakeId, stocktake.id))
      .groupBy(stocktakeCounts.productId),
  );
  const rows = await ctx.db
    .with(counted)
    .select({
      productId: stocktakeItems.productId,
      code: products.code,
      nameZh: products.nameZh,
      nameEn: products.nameEn,
      unit: products.unit,
      frozenOnHand: stocktakeItems.frozenOnHand,
      unitCostFen: stocktakeItems.unitCostFen,
      onHand: stockLevels.onHand,
      counted: counted.counted,
      entries: counted.entries,
      lastCountedMs: counted.lastCountedMs,
      movedSinceStart: sql<number>`(select coalesce(sum(m.quantity_delta), 0)::int from stock_movements m
        where m.store_id = ${stocktakeItems.storeId} and m.product_id = ${stocktakeItems.productId}
          and m.created_at > ${stocktakes.startedAt}
          and m.created_at <= coalesce(${counted.lastCountedAt}, ${until.toISOString()}::timestamptz)
          and m.source_id is distinct from ${stocktakes.stockAdjustmentId})`,
    })
    .from(stocktakeItems)
    .innerJoin(stocktakes, eq(stocktakes.id, stocktakeItems.stocktakeId))
    .innerJoin(products, eq(products.id, stocktakeItems.productId))
    .leftJoin(counted, eq(counted.productId, stocktakeItems.productId))
    .leftJoin(
      stockLevels,
      and(eq(stockLevels.storeId, stocktakeItems.storeId), eq(stockLevels.productId, stocktakeItems.productId)),
    )
    .where(and(eq(stocktakeItems.stocktakeId, stocktake.id), eq(stocktakeItems.storeId, ctx.storeId)))
    .orderBy(asc(products.code));
  return rows.map((row) => {
    const movedSinceStart = Number(row.movedSinceStart);
    const expected = row.frozenOnHand + movedSinceStart;
    const countedQuantity = row.counted === null ? null : Number(row.counted);
    const variance = countedQuantity === null ? null : countedQuantity - expected;
    return {
      productId: row.productId,
      code: row.code,
      nameZh: row.nameZh,
      nameEn: row.nameEn,
      unit: row.unit,
      frozenOnHand: row.frozenOnHand,
      unitCostFen: row.unitCostFen,
      movedSinceStart,
      expected,
      counted: countedQuantity,
      entries: Number(row.entries ?? 0),
      lastCountedAt: row.lastCountedMs === null ? null : new Date(Math.round(Number(row.lastCountedMs))),
      variance,
      varianceFen: variance === null ? null : stockValueFen(variance, row.unit, row.unitCostFen),
      onHand: row.onHand ?? 0,
    };
  });
}
