import { and, eq, isNull } from 'drizzle-orm';
import { laneDevices, lanes, stores } from '../../db/schema';
import { sessionIdFromToken } from '../auth/session-token';
import type { ServiceContext } from '../core/context';

export interface LaneDevice {
  deviceId: string;
  storeId: string;
  storeCode: string;
  laneId: string;
  laneNumber: number;
}

/** The store and lane this device is bound to, or null when it has no binding or it was revoked. */
export async function findLaneDevice(ctx: ServiceContext, token: string | undefined): Promise<LaneDevice | null> {
  if (!token) return null;
  const [device] = await ctx.db
    .select({
      deviceId: laneDevices.id,
      storeId: laneDevices.storeId,
      storeCode: stores.code,
      laneId: laneDevices.laneId,
      laneNumber: lanes.number,
    })
    .from(laneDevices)
    .innerJoin(lanes, eq(lanes.id, laneDevices.laneId))
    .innerJoin(stores, eq(stores.id, laneDevices.storeId))
    .where(and(eq(laneDevices.tokenHash, sessionIdFromToken(token)), isNull(laneDevices.revokedAt)));
  return device ?? null;
}
