import { and, asc, count, eq, isNull } from 'drizzle-orm';
import { laneDevices, lanes, stores } from '../../db/schema';
import type { StaffContext } from '../core/context';
import { notFound } from '../core/errors';

export async function getStoreSettings(ctx: StaffContext) {
  const [store] = await ctx.db.select().from(stores).where(eq(stores.id, ctx.storeId));
  if (!store) throw notFound('store');
  const storeLanes = await ctx.db
    .select({
      id: lanes.id,
      number: lanes.number,
      name: lanes.name,
      terminalHost: lanes.terminalHost,
      terminalPort: lanes.terminalPort,
      printerHost: lanes.printerHost,
      printerPort: lanes.printerPort,
    })
    .from(lanes)
    .where(eq(lanes.storeId, store.id))
    .orderBy(asc(lanes.number));
  const devices = await ctx.db
    .select({ laneId: laneDevices.laneId, bound: count() })
    .from(laneDevices)
    .where(and(eq(laneDevices.storeId, store.id), isNull(laneDevices.revokedAt)))
    .groupBy(laneDevices.laneId);
  const boundDevices = new Map(devices.map((d) => [d.laneId, d.bound]));
  return { store, lanes: storeLanes.map((lane) => ({ ...lane, boundDevices: boundDevices.get(lane.id) ?? 0 })) };
}
