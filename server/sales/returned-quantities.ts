import { and, eq, inArray, ne, sql } from 'drizzle-orm';
import { returnCardRefunds, saleLines } from '../../db/schema';
import type { StaffContext } from '../core/context';

/**
 * How much of each sold line has come back already (return lines point at it with negative quantities), or is
 * held by another return waiting on its card refund, which may be recorded any moment.
 */
export async function returnedQuantities(
  ctx: StaffContext,
  originalLineIds: readonly string[],
  exceptReturnId: string | null = null,
): Promise<Map<string, number>> {
  if (originalLineIds.length === 0) return new Map();
  const rows = await ctx.db
    .select({ originalLineId: saleLines.originalLineId, quantity: sql<number>`-sum(${saleLines.quantity})::int` })
    .from(saleLines)
    .where(inArray(saleLines.originalLineId, [...originalLineIds]))
    .groupBy(saleLines.originalLineId);
  const returned = new Map(rows.flatMap((r) => (r.originalLineId ? [[r.originalLineId, r.quantity] as const] : [])));
  const waiting = await ctx.db
    .select({ request: returnCardRefunds.request })
    .from(returnCardRefunds)
    .where(
      and(
        eq(returnCardRefunds.storeId, ctx.storeId),
        eq(returnCardRefunds.status, 'waiting'),
        exceptReturnId ? ne(returnCardRefunds.returnId, exceptReturnId) : undefined,
      ),
    );
  for (const { request } of waiting) {
    for (const line of (request as { lines: { originalLineId: string; quantity: number }[] }).lines) {
      if (!originalLineIds.includes(line.originalLineId)) continue;
      returned.set(line.originalLineId, (returned.get(line.originalLineId) ?? 0) + line.quantity);
    }
  }
  return returned;
}
