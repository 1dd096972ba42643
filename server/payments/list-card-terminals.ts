import { and, desc, eq, isNotNull } from 'drizzle-orm';
import { lanes, staff, terminalSettlements } from '../../db/schema';
import type { StaffContext } from '../core/context';

/** The store's lanes with a bank terminal, and the recent settlements of each, newest first. */
export async function listCardTerminals(ctx: StaffContext) {
  const terminals = await ctx.db
    .select({
      laneId: lanes.id,
      number: lanes.number,
      name: lanes.name,
      host: lanes.terminalHost,
      port: lanes.terminalPort,
    })
    .from(lanes)
    .where(and(eq(lanes.storeId, ctx.storeId), isNotNull(lanes.terminalHost)))
    .orderBy(lanes.number);
  const settlements = await ctx.db
    .select({
      id: terminalSettlements.id,
      laneId: terminalSettlements.laneId,
      terminalId: terminalSettlements.terminalId,
      batchNo: terminalSettlements.batchNo,
      businessDate: terminalSettlements.businessDate,
      balanced: terminalSettlements.balanced,
      terminalTotals: terminalSettlements.terminalTotals,
      posTotals: terminalSettlements.posTotals,
      differences: terminalSettlements.differences,
      settledAt: terminalSettlements.settledAt,
      settledBy: staff.name,
    })
    .from(terminalSettlements)
    .innerJoin(staff, eq(staff.id, terminalSettlements.staffId))
    .where(eq(terminalSettlements.storeId, ctx.storeId))
    .orderBy(desc(terminalSettlements.settledAt))
    .limit(50);
  return { terminals, settlements };
}
