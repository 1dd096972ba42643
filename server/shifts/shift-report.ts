import { and, eq, gte, inArray, sql } from 'drizzle-orm';
import { z } from 'zod';
import { auditLog, saleTenders, sales, shifts, staff } from '../../db/schema';
import type { StaffContext } from '../core/context';
import { found } from '../core/errors';
import { TENDER_KINDS, type TenderKind } from '../domain/sale';
import { drawerLedger } from './drawer-ledger';

export const ShiftReportInput = z.object({ shiftId: z.uuid() });

export type ShiftReport = Awaited<ReturnType<typeof shiftReport>>;

/**
 * X report (any time) or Z report (once closed), to the fen: sales, returns, voids, discounts, each tender's
 * takings net of change and refunds, and the drawer from its ledger. Cash figures are signed as they move the drawer.
 */
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
  const completedOfShift = and(eq(sales.shiftId, input.shiftId), eq(sales.status, 'completed'));
  const ledger = await drawerLedger(ctx, input.shiftId);
  const tenders = await ctx.db
    .select({
      saleKind: sales.kind,
      kind: saleTenders.kind,
      amountFen: sql<number>`coalesce(sum(${saleTenders.amountFen}), 0)::int`,
    })
    .from(saleTenders)
    .innerJoin(sales, eq(sales.id, saleTenders.saleId))
    .where(completedOfShift)
    .groupBy(sales.kind, saleTenders.kind);
  const totals = await ctx.db
    .select({
      kind: sales.kind,
      count: sql<number>`count(*)::int`,
      totalFen: sql<number>`coalesce(sum(${sales.totalFen}), 0)::int`,
      discountFen: sql<number>`coalesce(sum(${sales.discountFen}), 0)::int`,
      changeFen: sql<number>`coalesce(sum(${sales.changeFen}), 0)::int`,
    })
    .from(sales)
    .where(completedOfShift)
    .groupBy(sales.kind);
  // Line voids and approved discounts are audited with the sale they were part of.
  const saleAudits = await ctx.db
    .select({
      action: auditLog.action,
      count: sql<number>`count(*)::int`,
      grossFen: sql<number>`coalesce(sum((${auditLog.changes}->'line'->'from'->>'grossFen')::int), 0)::int`,
    })
    .from(auditLog)
    .innerJoin(sales, eq(sales.id, auditLog.entityId))
    .where(
      and(
        eq(auditLog.entityType, 'sale'),
        inArray(auditLog.action, ['sale.line-voided', 'sale.discount-approved']),
        completedOfShift,
      ),
    )
    .groupBy(auditLog.action);
  // A voided sale never became a row of `sales`: its audit row names the shift it was rung up in.
  const [saleVoids] = await ctx.db
    .select({
      count: sql<number>`count(*)::int`,
      totalFen: sql<number>`coalesce(sum((${auditLog.changes}->'totalFen'->>'from')::int), 0)::int`,
    })
    .from(auditLog)
    .where(
      and(
        eq(auditLog.storeId, ctx.storeId),
        gte(auditLog.createdAt, current.openedAt),
        eq(auditLog.action, 'sale.voided'),
        sql`${auditLog.changes}->'shiftId'->>'to' = ${input.shiftId}`,
      ),
    );

  const byTender = (saleKind: 'sale' | 'return') =>
    Object.fromEntries(
      TENDER_KINDS.map((kind) => [
        kind,
        tenders.find((t) => t.saleKind === saleKind && t.kind === kind)?.amountFen ?? 0,
      ]),
    ) as Record<TenderKind, number>;
  const tenderedForSales = byTender('sale');
  const refundsByTender = byTender('return');
  const salesRow = totals.find((row) => row.kind === 'sale');
  const returnsRow = totals.find((row) => row.kind === 'return');
  const audited = (action: string) => saleAudits.find((row) => row.action === action);
  const changeFen = -((salesRow?.changeFen ?? 0) + (returnsRow?.changeFen ?? 0));
  const takingsByTender = Object.fromEntries(
    TENDER_KINDS.map((kind) => [
      kind,
      tenderedForSales[kind] + refundsByTender[kind] + (kind === 'cash' ? changeFen : 0),
    ]),
  ) as Record<TenderKind, number>;
  const expectedFen = ledger.expectedFen;
  return {
    shift: current,
    sales: { count: salesRow?.count ?? 0, totalFen: salesRow?.totalFen ?? 0 },
    /** Negative, as stored: what went back to customers, in all and by tender. */
    returns: { count: returnsRow?.count ?? 0, totalFen: returnsRow?.totalFen ?? 0 },
    refundsByTender,
    voids: {
      sales: { count: saleVoids?.count ?? 0, totalFen: saleVoids?.totalFen ?? 0 },
      lines: { count: audited('sale.line-voided')?.count ?? 0, totalFen: audited('sale.line-voided')?.grossFen ?? 0 },
    },
    discounts: {
      totalFen: salesRow?.discountFen ?? 0,
      approvedOverLimit: audited('sale.discount-approved')?.count ?? 0,
    },
    takingsByTender,
    cash: {
      openingFloatFen: ledger.byKind('opening_float'),
      salesTenderedFen: tenderedForSales.cash,
      changeFen,
      salesFen: ledger.byKind('sale'),
      refundsFen: ledger.byKind('refund'),
      paidInFen: ledger.byKind('paid_in'),
      paidOutFen: ledger.byKind('paid_out'),
      expectedFen,
      countedFen: current.countedCashFen,
      differenceFen: current.countedCashFen === null ? null : current.countedCashFen - expectedFen,
    },
  };
}
