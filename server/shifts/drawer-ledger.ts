import { eq, sql } from 'drizzle-orm';
import { cashMovements } from '../../db/schema';
import type { ServiceContext } from '../core/context';

export type CashMovementKind = (typeof cashMovements.kind.enumValues)[number];

/** The shift's cash drawer by movement kind, each signed as it moves the drawer; expected cash is their sum. */
export async function drawerLedger(ctx: ServiceContext, shiftId: string) {
  const rows = await ctx.db
    .select({ kind: cashMovements.kind, amountFen: sql<number>`coalesce(sum(${cashMovements.amountFen}), 0)::int` })
    .from(cashMovements)
    .where(eq(cashMovements.shiftId, shiftId))
    .groupBy(cashMovements.kind);
  const byKind = (kind: CashMovementKind) => rows.find((row) => row.kind === kind)?.amountFen ?? 0;
  return { byKind, expectedFen: rows.reduce((sum, row) => sum + row.amountFen, 0) };
}
