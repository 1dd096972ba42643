import { and, eq, sql } from 'drizzle-orm';
import { z } from 'zod';
import { cashMovements, saleTenders, sales, shifts, staff } from '../../db/schema';
import type { StaffContext } from '../core/context';
import { found } from '../core/errors';

export const ShiftReportInput = z.object({ shiftId: z.uuid() });

/** X report (any time) or Z report (once closed): takings by tender and the drawer's expected cash from its ledger. */
export async function shiftReport(ctx: StaffContext, input: z.infer<typeof ShiftReportInput>) {
  const [shift] = await ctx.db
    .select({
      id: shifts.id,
      laneId: shifts.laneId,
      status: shifts.status,
      openedAt: shifts.openedAt,
      closedAt: shifts.closedAt,
      openingFloatFen: shifts.openingFloatFen,
      countedCashFen: shifts.countedCashFen,
      cashierName: staff.name,
      cashierOperatorNo: staff.operatorNo,
    })
    .from(shifts)
    .innerJoin(staff, eq(staff.id, shifts.staffId))
    .where(and(eq(shifts.id, input.shiftId), eq(shifts.storeId, ctx.storeId)));
  const current = found(shift, 'shift');
  const cash = await ctx.db
    .select({ kind: cashMovements.kind, amountFen: sql<number>`coalesce(sum(${cashMovements.amountFen}), 0)::int` })
    .from(cashMovements)
    .where(eq(cashMovements.shiftId, input.shiftId))
    .groupBy(cashMovements.kind);
  const tenders = await ctx.db
    .select({ kind: saleTenders.kind, amountFen: sql<number>`coalesce(sum(${saleTenders.amountFen}), 0)::int` })
    .from(saleTenders)
    .innerJoin(sales, eq(sales.id, saleTenders.saleId))
    .where(and(eq(sales.shiftId, input.shiftId), eq(sales.status, 'completed')))
    .groupBy(saleTenders.kind);
  const counts = await ctx.db
    .select({
      kind: sales.kind,
      count: sql<number>`count(*)::int`,
      totalFen: sql<number>`coalesce(sum(${sales.totalFen}), 0)::int`,
      changeFen: sql<number>`coalesce(sum(${sales.changeFen}), 0)::int`,
    })
    .from(sales)
    .where(and(eq(sales.shiftId, input.shiftId), eq(sales.status, 'completed')))
    .groupBy(sales.kind);
  const cashOf = (kind: string) => cash.find((c) => c.kind === kind)?.amountFen ?? 0;
  const tenderOf = (kind: string) => tenders.find((t) => t.kind === kind)?.amountFen ?? 0;
  const salesRow = counts.find((c) => c.kind === 'sale');
  const returnsRow = counts.find((c) => c.kind === 'return');
  const expectedCashFen = cash.reduce((sum, c) => sum + c.amountFen, 0);
  const changeFen = (salesRow?.changeFen ?? 0) + (returnsRow?.changeFen ?? 0);
  return {
    shift: current,
    sales: { count: salesRow?.count ?? 0, totalFen: salesRow?.totalFen ?? 0 },
    returns: { count: returnsRow?.count ?? 0, totalFen: returnsRow?.totalFen ?? 0 },
    takingsByTender: {
      cash: tenderOf('cash') - changeFen,
      bank_card: tenderOf('bank_card'),
      store_card: tenderOf('store_card'),
    },
    cash: {
      openingFloatFen: cashOf('opening_float'),
      salesFen: cashOf('sale'),
      refundsFen: cashOf('refund'),
      paidInFen: cashOf('paid_in'),
      paidOutFen: cashOf('paid_out'),
      expectedFen: expectedCashFen,
      countedFen: current.countedCashFen,
      differenceFen: current.countedCashFen === null ? null : current.countedCashFen - expectedCashFen,
    },
  };
}
