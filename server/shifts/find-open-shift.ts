import { and, eq } from 'drizzle-orm';
import { shifts } from '../../db/schema';
import type { StaffContext } from '../core/context';
import { DomainError } from '../core/errors';

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
