import { eq } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { z } from 'zod';
import { departments, staff, stockAdjustments, stocktakes } from '../../db/schema';
import type { StaffContext } from '../core/context';
import { found } from '../core/errors';
import { findStocktake } from './find-stocktake';
import { stockValueFen, varianceLines } from './variance-lines';

export const GetStocktakeReportInput = z.object({ stocktakeId: z.uuid() });
export type GetStocktakeReportInput = z.input<typeof GetStocktakeReportInput>;

/**
 * The variance report: per product the frozen expected, movements during the count, the expected at its count,
 * the count and the variance in quantity and value at the frozen cost; uncounted products listed with what
 * counting them as zero would take off. Totals in value (quantities mix units and grams).
 */
export async function getStocktakeReport(ctx: StaffContext, rawInput: GetStocktakeReportInput) {
  const input = GetStocktakeReportInput.parse(rawInput);
  const stocktake = await findStocktake(ctx, input.stocktakeId);
  const starter = alias(staff, 'starter');
  const applier = alias(staff, 'applier');
  const [header] = await ctx.db
    .select({
      id: stocktakes.id,
      number: stocktakes.number,
      scope: stocktakes.scope,
      status: stocktakes.status,
      departmentNameZh: departments.nameZh,
      departmentNameEn: departments.nameEn,
      startedAt: stocktakes.startedAt,
      startedBy: starter.name,
      appliedAt: stocktakes.appliedAt,
      appliedBy: applier.name,
      adjustmentNumber: stockAdjustments.number,
    })
    .from(stocktakes)
    .innerJoin(starter, eq(starter.id, stocktakes.startedBy))
    .leftJoin(applier, eq(applier.id, stocktakes.appliedBy))
    .leftJoin(departments, eq(departments.id, stocktakes.departmentId))
    .leftJoin(stockAdjustments, eq(stockAdjustments.id, stocktakes.stockAdjustmentId))
    .where(eq(stocktakes.id, stocktake.id));
  const lines = await varianceLines(ctx, stocktake, stocktake.appliedAt ?? ctx.now());
  const totals = { products: lines.length, counted: 0, uncounted: 0, differing: 0, gainFen: 0, lossFen: 0 };
  let uncountedValueFen = 0;
  for (const line of lines) {
    if (line.counted === null) {
      totals.uncounted += 1;
      uncountedValueFen += stockValueFen(Math.max(line.expected, 0), line.unit, line.unitCostFen);
      continue;
    }
    totals.counted += 1;
    if (line.variance !== 0) totals.differing += 1;
    if ((line.varianceFen ?? 0) > 0) totals.gainFen += line.varianceFen ?? 0;
    else totals.lossFen += line.varianceFen ?? 0;
  }
  return {
    stocktake: found(header, 'stocktake'),
    lines,
    totals: { ...totals, netFen: totals.gainFen + totals.lossFen, uncountedValueFen },
  };
}
