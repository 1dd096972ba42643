import { sql } from 'drizzle-orm';
import { stockLevels, stockMovements } from '../../db/schema';
import type { StaffContext } from '../core/context';
import { newId } from '../core/ids';
import { stockDelta, type StockLine } from './stock-delta';

/**
 * Appends one movement per product and moves the on-hand projection with it. Products are locked in id
 * order, so lanes selling the same goods at once queue instead of deadlocking.
 */
export async function moveStock(
  ctx: StaffContext,
  kind: 'sale' | 'return',
  sourceId: string,
  productIds: readonly string[],
  lines: readonly StockLine[],
  at: Date,
): Promise<void> {
  const deltas = productIds.map((productId) => ({
    productId,
    delta: lines.filter((l) => l.productId === productId).reduce((sum, l) => sum + stockDelta(l), 0),
  }));
  await ctx.db.insert(stockMovements).values(
    deltas.map(({ productId, delta }) => ({
      id: newId(),
      storeId: ctx.storeId,
      productId,
      kind,
      quantityDelta: delta,
      sourceType: 'sale',
      sourceId,
      createdAt: at,
    })),
  );
  await ctx.db
    .insert(stockLevels)
    .values(deltas.map(({ productId, delta }) => ({ storeId: ctx.storeId, productId, onHand: delta, updatedAt: at })))
    .onConflictDoUpdate({
      target: [stockLevels.storeId, stockLevels.productId],
      set: { onHand: sql`${stockLevels.onHand} + excluded.on_hand`, updatedAt: at },
    });
}
