import { eq } from 'drizzle-orm';
import { z } from 'zod';
import { stockAdjustmentLines, stockAdjustments } from '../../db/schema';
import { writeAudit } from '../audit/write-audit';
import { inTransaction, type StaffContext } from '../core/context';
import { DomainError } from '../core/errors';
import { newId } from '../core/ids';
import { nextDocumentNumber } from '../inventory/document-number';
import { postStockMovements } from '../inventory/post-stock-movements';
import { ADJUSTMENT_REASONS, firstLineAgainstReason, REASON_DIRECTION } from './adjustment-reasons';
import { getStockAdjustment } from './get-stock-adjustment';

export const CreateStockAdjustmentInput = z.object({
  id: z.uuid(),
  reason: z.enum(ADJUSTMENT_REASONS),
  note: z.string().trim().min(1, 'Say what happened').max(500),
  lines: z
    .array(
      z.object({
        productId: z.uuid(),
        /** Units for counted goods, grams for weighed goods; negative takes stock out. */
        quantityDelta: z
          .number()
          .int()
          .min(-10_000_000)
          .max(10_000_000)
          .refine((n) => n !== 0, 'A line must change the stock'),
      }),
    )
    .min(1)
    .max(500),
});
export type CreateStockAdjustmentInput = z.input<typeof CreateStockAdjustmentInput>;

/** Idempotent on the client-made id: a retried adjustment answers what was recorded the first time. */
export async function createStockAdjustment(ctx: StaffContext, rawInput: CreateStockAdjustmentInput) {
  const input = CreateStockAdjustmentInput.parse(rawInput);
  assertLinesFollowReason(input);
  return inTransaction(ctx, async (tx) => {
    const known = await existingAdjustment(tx, input.id);
    if (known) return known;
    const number = await nextDocumentNumber(tx, 'stock_adjustments');
    const inserted = await tx.db
      .insert(stockAdjustments)
      .values({
        id: input.id,
        storeId: ctx.storeId,
        number,
        reason: input.reason,
        note: input.note,
        createdBy: ctx.actor.staffId,
        approvedBy: ctx.actor.staffId,
        createdAt: tx.now(),
      })
      .onConflictDoNothing({ target: stockAdjustments.id })
      .returning({ id: stockAdjustments.id });
    if (inserted.length === 0) return recorded(await existingAdjustment(tx, input.id));
    const levels = await postStockMovements(tx, 'adjustment', { type: 'stock_adjustment', id: input.id }, input.lines);
    const costOf = new Map(levels.map((level) => [level.productId, level.avgCostFen]));
    await tx.db.insert(stockAdjustmentLines).values(
      input.lines.map((line, index) => ({
        id: newId(),
        stockAdjustmentId: input.id,
        storeId: ctx.storeId,
        lineNo: index + 1,
        productId: line.productId,
        quantityDelta: line.quantityDelta,
        unitCostFen: costOf.get(line.productId) ?? 0,
      })),
    );
    await writeAudit(tx, {
      action: 'stock-adjustment.created',
      entityType: 'stock_adjustment',
      entityId: input.id,
      summary: `${number} ${input.reason}: ${input.note}`,
      changes: {
        reason: { from: null, to: input.reason },
        lines: { from: null, to: input.lines.map((l) => ({ productId: l.productId, quantityDelta: l.quantityDelta })) },
      },
      approverStaffId: ctx.actor.staffId,
    });
    return getStockAdjustment(tx, { id: input.id });
  });
}

/** Damaged, expired and stolen goods only leave the stock, found goods only join it; a correction goes either way. */
function assertLinesFollowReason(input: z.output<typeof CreateStockAdjustmentInput>) {
  const index = firstLineAgainstReason(
    input.reason,
    input.lines.map((line) => line.quantityDelta),
  );
  if (index < 0) return;
  const direction = REASON_DIRECTION[input.reason];
  const message = `Line ${index + 1}: ${input.reason} ${direction === 'out' ? 'takes stock out, so its quantity must be negative' : 'puts stock in, so its quantity must be positive'}`;
  throw new DomainError(
    'INVALID',
    direction === 'out' ? 'stock-adjustment.reason-takes-out' : 'stock-adjustment.reason-puts-in',
    message,
    { [`lines.${index}.quantityDelta`]: [message] },
  );
}

async function existingAdjustment(tx: StaffContext, id: string) {
  const [row] = await tx.db
    .select({ storeId: stockAdjustments.storeId })
    .from(stockAdjustments)
    .where(eq(stockAdjustments.id, id));
  if (!row) return null;
  if (row.storeId !== tx.storeId) {
    throw new DomainError('CONFLICT', 'stock-adjustment.id-taken', 'This id is already used by another document');
  }
  return getStockAdjustment(tx, { id });
}

function recorded<T>(value: T | null): T {
  if (value === null) throw new Error('adjustment vanished after a conflicting insert');
  return value;
}
