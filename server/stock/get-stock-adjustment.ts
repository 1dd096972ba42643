import { and, asc, eq } from 'drizzle-orm';
import { z } from 'zod';
import { products, staff, stockAdjustmentLines, stockAdjustments } from '../../db/schema';
import type { StaffContext } from '../core/context';
import { notFound } from '../core/errors';
import { stockValueFen } from './stock-value';

export const GetStockAdjustmentInput = z.object({ id: z.uuid() });
export type GetStockAdjustmentInput = z.input<typeof GetStockAdjustmentInput>;

export async function getStockAdjustment(ctx: StaffContext, rawInput: GetStockAdjustmentInput) {
  const input = GetStockAdjustmentInput.parse(rawInput);
  const [adjustment] = await ctx.db
    .select({
      id: stockAdjustments.id,
      number: stockAdjustments.number,
      reason: stockAdjustments.reason,
      note: stockAdjustments.note,
      stocktakeId: stockAdjustments.stocktakeId,
      createdAt: stockAdjustments.createdAt,
      createdByName: staff.name,
      createdByOperatorNo: staff.operatorNo,
    })
    .from(stockAdjustments)
    .innerJoin(staff, eq(staff.id, stockAdjustments.createdBy))
    .where(and(eq(stockAdjustments.id, input.id), eq(stockAdjustments.storeId, ctx.storeId)));
  if (!adjustment) throw notFound('stock-adjustment');
  const lines = await ctx.db
    .select({
      lineNo: stockAdjustmentLines.lineNo,
      productId: stockAdjustmentLines.productId,
      code: products.code,
      nameZh: products.nameZh,
      nameEn: products.nameEn,
      unit: products.unit,
      quantityDelta: stockAdjustmentLines.quantityDelta,
      unitCostFen: stockAdjustmentLines.unitCostFen,
    })
    .from(stockAdjustmentLines)
    .innerJoin(products, eq(products.id, stockAdjustmentLines.productId))
    .where(eq(stockAdjustmentLines.stockAdjustmentId, adjustment.id))
    .orderBy(asc(stockAdjustmentLines.lineNo));
  return {
    ...adjustment,
    lines: lines.map((line) => ({
      ...line,
      valueFen: stockValueFen(line.quantityDelta, line.unit, line.unitCostFen),
    })),
  };
}
export type StockAdjustmentDetail = Awaited<ReturnType<typeof getStockAdjustment>>;
