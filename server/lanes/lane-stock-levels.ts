import { and, asc, eq, gt, lte } from 'drizzle-orm';
import { z } from 'zod';
import { stockLevels, stores } from '../../db/schema';
import type { StaffContext } from '../core/context';
import { found } from '../core/errors';

export const LaneStockLevelsInput = z.object({
  changedSince: z.date().nullable(),
  /** The end of the window being paged, as the first page answered it; null on a first page. */
  until: z.date().nullable().default(null),
  after: z.uuid().nullable(),
  limit: z.number().int().min(1).max(10_000).default(10_000),
});

/**
 * A sale is stamped when it is checked and commits a moment later: a window ending this long ago holds only
 * committed rows, so a lane that moves its cursor to the window's end never skips a late commit.
 */
export const STOCK_SETTLE_MS = 5_000;

/**
 * The store's on-hand figures changed in (changedSince, until], in product id order, with the store's negative
 * stock policy: everything the first time, then only what moved. The lane keeps `until` as its next cursor.
 */
export async function laneStockLevels(ctx: StaffContext, rawInput: z.input<typeof LaneStockLevelsInput>) {
  const input = LaneStockLevelsInput.parse(rawInput);
  const until = input.until ?? new Date(ctx.now().getTime() - STOCK_SETTLE_MS);
  const [store] = await ctx.db
    .select({ negativeStockPolicy: stores.negativeStockPolicy })
    .from(stores)
    .where(eq(stores.id, ctx.storeId));
  const rows = await ctx.db
    .select({ productId: stockLevels.productId, onHand: stockLevels.onHand })
    .from(stockLevels)
    .where(
      and(
        eq(stockLevels.storeId, ctx.storeId),
        input.changedSince ? gt(stockLevels.updatedAt, input.changedSince) : undefined,
        lte(stockLevels.updatedAt, until),
        input.after ? gt(stockLevels.productId, input.after) : undefined,
      ),
    )
    .orderBy(asc(stockLevels.productId))
    .limit(input.limit);
  return {
    levels: rows,
    next: rows.length === input.limit ? (rows.at(-1)?.productId ?? null) : null,
    until,
    policy: found(store, 'store').negativeStockPolicy,
  };
}
