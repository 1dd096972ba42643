import { and, eq } from 'drizzle-orm';
import { shifts } from '../../db/schema';
import type { StaffContext } from '../core/context';
import { DomainError } from '../core/errors';
import { findStoreLane } from '../lanes/lane-context';

/** The acting cashier's own open shift: sales and cash movements only go to a shift its cashier holds. */
export async function findOwnOpenShift(ctx: StaffContext, shiftId: string) {
  const [shift] = await ctx.db
    .select()
    .from(shifts)
    .where(and(eq(shifts.id, shiftId), eq(shifts.storeId, ctx.storeId)));
  if (!shift || shift.staffId !== ctx.actor.staffId) {
    throw new DomainError('FORBIDDEN', 'shift.not-yours', 'This shift belongs to another cashier');
  }
  if (shift.status !== 'open') throw new DomainError('CONFLICT', 'shift.closed', 'This shift is closed');
  return shift;
}

/** The lane and the cashier's own open shift on it: where a sale or a return may be rung up. */
export async function findSellingShift(ctx: StaffContext, input: { laneId: string; shiftId: string }) {
  const lane = await findStoreLane(ctx, input.laneId);
  const shift = await findOwnOpenShift(ctx, input.shiftId);
  if (shift.laneId !== lane.laneId) throw new DomainError('INVALID', 'sale.wrong-lane', 'The shift is on another lane');
  return { lane, shift };
}
