import { z } from 'zod';
import { cashMovements } from '../../db/schema';
import { inTransaction, type StaffContext } from '../core/context';
import { findOwnOpenShift } from './find-open-shift';

export const RecordCashMovementInput = z.object({
  movementId: z.uuid(),
  shiftId: z.uuid(),
  kind: z.enum(['paid_in', 'paid_out']),
  amountFen: z.number().int().min(1).max(1_000_000),
  reason: z.string().trim().min(1, 'Give a reason').max(100),
});
export type RecordCashMovementInput = z.input<typeof RecordCashMovementInput>;

/** Paid-in or paid-out cash with its reason; idempotent on the lane-made movement id. */
export async function recordCashMovement(ctx: StaffContext, rawInput: RecordCashMovementInput) {
  const input = RecordCashMovementInput.parse(rawInput);
  return inTransaction(ctx, async (tx) => {
    await findOwnOpenShift(tx, input.shiftId);
    await tx.db
      .insert(cashMovements)
      .values({
        id: input.movementId,
        storeId: ctx.storeId,
        shiftId: input.shiftId,
        kind: input.kind,
        amountFen: input.kind === 'paid_out' ? -input.amountFen : input.amountFen,
        reason: input.reason,
        createdAt: tx.now(),
      })
      .onConflictDoNothing({ target: cashMovements.id });
    return { movementId: input.movementId };
  });
}
