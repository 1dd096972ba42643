import { eq } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { z } from 'zod';
import { departments, staff, stockAdjustments, stocktakes } from '../../db/schema';
import type { StaffContext } from '../core/context';
import { found } from '../core/errors';
import { productSearchFilter } from '../catalog/product-search-filter';
import { findStocktake } from './find-stocktake';
import { varianceLinePage, varianceTotals } from './variance-lines';

export const GetStocktakeReportInput = z.object({
  stocktakeId: z.uuid(),
  /** Which lines: all, those counted with a variance, or those nobody counted. */
  show: z.enum(['all', 'differing', 'uncounted']).default('all'),
  /** Name, code or pinyin initials, or an exact barcode. */
  search: z.string().trim().max(100).default(''),
  /** The `next` of the previous page; none for the first. */
  after: z.object({ counted: z.boolean(), code: z.string().max(100) }).nullish(),
  pageSize: z.number().int().min(1).max(500).default(100),
});
export type GetStocktakeReportInput = z.input<typeof GetStocktakeReportInput>;

/**
 * The variance report, a page at a time: per product the frozen expected, movements during the count, the expected
 * at its count, the count and the variance in quantity and value at the frozen cost; uncounted products listed with
 * what counting them as zero would take off. Totals cover the whole stocktake, whatever the page and filter.
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
  const until = stocktake.appliedAt ?? ctx.now();
  const page = await varianceLinePage(ctx, stocktake, until, {
    show: input.show,
    match: productSearchFilter(ctx, input.search),
    after: input.after ?? null,
    limit: input.pageSize,
  });
  const totals = await varianceTotals(ctx, stocktake, until);
  return { stocktake: found(header, 'stocktake'), lines: page.lines, next: page.next, totals };
}
