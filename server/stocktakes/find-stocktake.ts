import { and, eq } from 'drizzle-orm';
import { stocktakes } from '../../db/schema';
import type { StaffContext } from '../core/context';
import { DomainError, found } from '../core/errors';

export type StocktakeRow = typeof stocktakes.$inferSelect;

/** A stocktake of the acting store; `lock` takes its row for the rest of the transaction. */
export async function findStocktake(
  ctx: StaffContext,
  stocktakeId: string,
  lock?: 'update' | 'share',
): Promise<StocktakeRow> {
  const query = ctx.db
    .select()
    .from(stocktakes)
    .where(and(eq(stocktakes.id, stocktakeId), eq(stocktakes.storeId, ctx.storeId)));
  const [row] = lock ? await query.for(lock) : await query;
  return found(row, 'stocktake');
}

/** Counting, applying and cancelling are for a stocktake still being counted. */
export function assertCounting(stocktake: StocktakeRow): void {
  if (stocktake.status === 'applied') {
    throw new DomainError('CONFLICT', 'stocktake.already-applied', 'This stocktake has already been applied');
  }
  if (stocktake.status === 'cancelled') {
    throw new DomainError('CONFLICT', 'stocktake.cancelled', 'This stocktake was cancelled');
  }
}
