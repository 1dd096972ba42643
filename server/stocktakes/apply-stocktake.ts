import { eq } from 'drizzle-orm';
import { z } from 'zod';
import { stockAdjustmentLines, stockAdjustments, stocktakes } from '../../db/schema';
import { writeAudit } from '../audit/write-audit';
import { can } from '../auth/permissions';
import { inTransaction, type StaffContext } from '../core/context';
import { DomainError } from '../core/errors';
import { newId } from '../core/ids';
import { nextDocumentNumber } from '../inventory/document-number';
import { postStockMovements } from '../inventory/post-stock-movements';
import { assertCounting, findStocktake } from './find-stocktake';
import { stockValueFen, varianceLines } from './variance-lines';

export const ApplyStocktakeInput = z.object({
  stocktakeId: z.uuid(),
  /** The id of the count adjustment this makes: a retried apply with the same id answers the first one. */
  adjustmentId: z.uuid(),
  /** Products in scope nobody counted are taken as counted zero; otherwise they keep their stock. */
  uncountedAsZero: z.boolean().default(false),
  note: z.string().trim().max(200).default(''),
});
export type ApplyStocktakeInput = z.input<typeof ApplyStocktakeInput>;

/**
 * Applies the count: one stock adjustment (reason `count`) with a line per product whose count differs from what
 * was expected at its first count entry, posted to the ledger, the stocktake marked applied, and the audit row, all in
 * one transaction. Only a store manager may apply; they are recorded as its approver.
 */
export async function applyStocktake(ctx: StaffContext, rawInput: ApplyStocktakeInput) {
  const input = ApplyStocktakeInput.parse(rawInput);
  if (!can(ctx.actor.role, 'inventory.count-apply')) {
    throw new DomainError('FORBIDDEN', 'stocktake.apply-forbidden', 'Only a store manager may apply a stocktake');
  }
  return inTransaction(ctx, async (tx) => {
    const stocktake = await findStocktake(tx, input.stocktakeId, 'update');
    if (stocktake.status === 'applied' && stocktake.stockAdjustmentId === input.adjustmentId) {
      return appliedAnswer(tx, input.adjustmentId, stocktake.id);
    }
    assertCounting(stocktake);
    const [taken] = await tx.db
      .select({ id: stockAdjustments.id })
      .from(stockAdjustments)
      .where(eq(stockAdjustments.id, input.adjustmentId));
    if (taken) throw new DomainError('CONFLICT', 'stocktake.adjustment-id-taken', 'Id already used');
    const now = tx.now();
    const lines = await varianceLines(tx, stocktake, now);
    if (!input.uncountedAsZero && lines.every((line) => line.counted === null)) {
      throw new DomainError('INVALID', 'stocktake.nothing-counted', 'Nothing has been counted yet');
    }
    const moves = lines
      .map((line) => ({
        productId: line.productId,
        unit: line.unit,
        unitCostFen: line.unitCostFen,
        quantityDelta: line.variance ?? (input.uncountedAsZero ? -line.expected : 0),
      }))
      .filter((move) => move.quantityDelta !== 0);
    const number = await nextDocumentNumber(tx, 'stock_adjustments');
    await tx.db.insert(stockAdjustments).values({
      id: input.adjustmentId,
      storeId: ctx.storeId,
      number,
      reason: 'count',
      note: input.note || stocktake.number,
      stocktakeId: stocktake.id,
      createdBy: ctx.actor.staffId,
      approvedBy: ctx.actor.staffId,
      createdAt: now,
    });
    if (moves.length > 0) {
      await tx.db.insert(stockAdjustmentLines).values(
        moves.map((move, index) => ({
          id: newId(),
          stockAdjustmentId: input.adjustmentId,
          storeId: ctx.storeId,
          lineNo: index + 1,
          productId: move.productId,
          quantityDelta: move.quantityDelta,
          unitCostFen: move.unitCostFen,
        })),
      );
    }
    await postStockMovements(
      tx,
      'count',
      { type: 'stock_adjustment', id: input.adjustmentId },
      moves.map(({ productId, quantityDelta }) => ({ productId, quantityDelta })),
    );
    await tx.db
      .update(stocktakes)
      .set({ status: 'applied', appliedBy: ctx.actor.staffId, appliedAt: now, stockAdjustmentId: input.adjustmentId })
      .where(eq(stocktakes.id, stocktake.id));
    const netFen = moves.reduce((sum, move) => sum + stockValueFen(move.quantityDelta, move.unit, move.unitCostFen), 0);
    await writeAudit(tx, {
      action: 'stocktake.applied',
      entityType: 'stocktake',
      entityId: stocktake.id,
      summary: `${stocktake.number} → ${number}`,
      changes: {
        status: { from: 'counting', to: 'applied' },
        adjustedProducts: { from: null, to: moves.length },
        varianceFen: { from: null, to: netFen },
        uncountedAsZero: { from: null, to: input.uncountedAsZero },
      },
      approverStaffId: ctx.actor.staffId,
    });
    return appliedAnswer(tx, input.adjustmentId, stocktake.id);
  });
}

async function appliedAnswer(ctx: StaffContext, adjustmentId: string, stocktakeId: string) {
  const [adjustment] = await ctx.db
    .select({ id: stockAdjustments.id, number: stockAdjustments.number })
    .from(stockAdjustments)
    .where(eq(stockAdjustments.id, adjustmentId));
  const lines = await ctx.db
    .select({ productId: stockAdjustmentLines.productId, quantityDelta: stockAdjustmentLines.quantityDelta })
    .from(stockAdjustmentLines)
    .where(eq(stockAdjustmentLines.stockAdjustmentId, adjustmentId))
    .orderBy(stockAdjustmentLines.lineNo);
  return { stocktakeId, adjustmentId, adjustmentNumber: adjustment?.number ?? '', lines };
}
