import { and, eq } from 'drizzle-orm';
import { z } from 'zod';
import { cashMovements, shifts } from '../../db/schema';
import { inTransaction, type StaffContext } from '../core/context';
import { DomainError, isUniqueViolation } from '../core/errors';
import { newId } from '../core/ids';
import { findStoreLane } from '../lanes/lane-context';

export const OpenShiftInput = z.object({
  shiftId: z.uuid(),
  laneId: z.uuid(),
  openingFloatFen: z.number().int().min(0).max(1_000_000),
});
export type OpenShiftInput = z.input<typeof OpenShiftInput>;

const laneBusy = () =>
  new DomainError('CONFLICT', 'shift.lane-busy', 'Another cashier is signed in on this lane: they must sign out first');

/** Lane sign-in (签到): opens the cashier's shift with its float, or resumes the shift they already have open there. */
export async function openShift(ctx: StaffContext, rawInput: OpenShiftInput) {
  const input = OpenShiftInput.parse(rawInput);
  try {
    return await inTransaction(ctx, async (tx) => {
      await findStoreLane(tx, input.laneId);
      const [open] = await tx.db
        .select()
        .from(shifts)
        .where(and(eq(shifts.laneId, input.laneId), eq(shifts.status, 'open')));
      if (open) {
        if (open.staffId !== ctx.actor.staffId) throw laneBusy();
        return { shift: open, resumed: true };
      }
      const openedAt = tx.now();
      const [shift] = await tx.db
        .insert(shifts)
        .values({
          id: input.shiftId,
          storeId: ctx.storeId,
          laneId: input.laneId,
          staffId: ctx.actor.staffId,
          openingFloatFen: input.openingFloatFen,
          openedAt,
        })
        .returning();
      await tx.db.insert(cashMovements).values({
        id: newId(),
        storeId: ctx.storeId,
        shiftId: input.shiftId,
        kind: 'opening_float',
        amountFen: input.openingFloatFen,
        createdAt: openedAt,
      });
      if (!shift) throw laneBusy();
      return { shift, resumed: false };
    });
  } catch (error) {
    if (isUniqueViolation(error, 'shifts_one_open_per_lane')) throw laneBusy();
    if (isUniqueViolation(error, 'shifts_pkey')) {
      throw new DomainError('CONFLICT', 'shift.id-taken', 'This shift was already opened and closed');
    }
    throw error;
  }
}
