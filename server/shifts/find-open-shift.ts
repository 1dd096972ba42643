import { and, eq } from 'drizzle-orm';
import { lanes, shifts, stores } from '../../db/schema';
import type { StaffContext } from '../core/context';
import { DomainError, found } from '../core/errors';
import type { LaneInfo } from '../lanes/lane-context';

type ShiftFacts = Pick<typeof shifts.$inferSelect, 'storeId' | 'laneId' | 'staffId' | 'status'>;

/** Sales and cash movements only go to an open shift of this store that the acting cashier holds. */
export function assertOwnOpenShift<S extends ShiftFacts>(ctx: StaffContext, shift: S | null | undefined): S {
  if (!shift || shift.storeId !== ctx.storeId || shift.staffId !== ctx.actor.staffId) {
    throw new DomainError('FORBIDDEN', 'shift.not-yours', 'This shift belongs to another cashier');
  }
  if (shift.status !== 'open') throw new DomainError('CONFLICT', 'shift.closed', 'This shift is closed');
  return shift;
}

/** Where a sale or a return may be rung up: a lane of this store and the cashier's own open shift on it. */
export function assertSellingShift<S extends ShiftFacts>(
  ctx: StaffContext,
  lane: LaneInfo | undefined,
  shift: S | null | undefined,
): { lane: LaneInfo; shift: S } {
  const storeLane = found(lane, 'lane');
  const ownShift = assertOwnOpenShift(ctx, shift);
  if (ownShift.laneId !== storeLane.laneId) {
    throw new DomainError('INVALID', 'sale.wrong-lane', 'The shift is on another lane');
  }
  return { lane: storeLane, shift: ownShift };
}

/** The acting cashier's own open shift. */
export async function findOwnOpenShift(ctx: StaffContext, shiftId: string) {
  const [shift] = await ctx.db
    .select()
    .from(shifts)
    .where(and(eq(shifts.id, shiftId), eq(shifts.storeId, ctx.storeId)));
  return assertOwnOpenShift(ctx, shift);
}

/** The lane and the cashier's own open shift on it, read in one query. */
export async function findSellingShift(ctx: StaffContext, input: { laneId: string; shiftId: string }) {
  const [row] = await ctx.db
    .select({ laneId: lanes.id, laneNumber: lanes.number, timeZone: stores.timezone, shift: shifts })
    .from(lanes)
    .innerJoin(stores, eq(stores.id, lanes.storeId))
    .leftJoin(shifts, and(eq(shifts.id, input.shiftId), eq(shifts.storeId, ctx.storeId)))
    .where(and(eq(lanes.id, input.laneId), eq(lanes.storeId, ctx.storeId)));
  const lane = row && { laneId: row.laneId, laneNumber: row.laneNumber, timeZone: row.timeZone };
  return assertSellingShift(ctx, lane, row?.shift);
}
