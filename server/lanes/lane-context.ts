import { and, eq } from 'drizzle-orm';
import { lanes, stores } from '../../db/schema';
import type { StaffContext } from '../core/context';
import { found } from '../core/errors';

export interface LaneInfo {
  laneId: string;
  laneNumber: number;
  timeZone: string;
}

/** The lane, if it belongs to the acting store, with what a sale needs to know of its store. */
export async function findStoreLane(ctx: StaffContext, laneId: string): Promise<LaneInfo> {
  const [lane] = await ctx.db
    .select({ laneId: lanes.id, laneNumber: lanes.number, timeZone: stores.timezone })
    .from(lanes)
    .innerJoin(stores, eq(stores.id, lanes.storeId))
    .where(and(eq(lanes.id, laneId), eq(lanes.storeId, ctx.storeId)));
  return found(lane, 'lane');
}
