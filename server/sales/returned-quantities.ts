import { inArray, sql } from 'drizzle-orm';
import { saleLines } from '../../db/schema';
import type { StaffContext } from '../core/context';

/** How much of each sold line has come back already: return lines point at it with negative quantities. */
export async function returnedQuantities(
  ctx: StaffContext,
  originalLineIds: readonly string[],
): Promise<Map<string, number>> {
  if (originalLineIds.length === 0) return new Map();
  const rows = await ctx.db
    .select({ originalLineId: saleLines.originalLineId, quantity: sql<number>`-sum(${saleLines.quantity})::int` })
    .from(saleLines)
    .where(inArray(saleLines.originalLineId, [...originalLineIds]))
    .groupBy(saleLines.originalLineId);
  return new Map(rows.flatMap((r) => (r.originalLineId ? [[r.originalLineId, r.quantity] as const] : [])));
}
