import { and, asc, eq } from 'drizzle-orm';
import { z } from 'zod';
import { lanes, shifts, staff, stores } from '../../db/schema';
import type { ServiceContext } from '../core/context';
import { found } from '../core/errors';

export const GetLaneStateInput = z.object({
  storeCode: z.string().max(20).optional(),
  laneNumber: z.number().int().min(1).max(999),
});

/** What a lane needs to show before anyone signs in: its store, its number, and who holds it. */
export async function getLaneState(ctx: ServiceContext, input: z.infer<typeof GetLaneStateInput>) {
  const [store] = input.storeCode
    ? await ctx.db.select().from(stores).where(eq(stores.code, input.storeCode))
    : await ctx.db.select().from(stores).orderBy(asc(stores.code)).limit(1);
  const theStore = found(store, 'store');
  const [lane] = await ctx.db
    .select()
    .from(lanes)
    .where(and(eq(lanes.storeId, theStore.id), eq(lanes.number, input.laneNumber)));
  const theLane = found(lane, 'lane');
  const [openShift] = await ctx.db
    .select({ id: shifts.id, staffId: shifts.staffId, staffName: staff.name, openedAt: shifts.openedAt })
    .from(shifts)
    .innerJoin(staff, eq(staff.id, shifts.staffId))
    .where(and(eq(shifts.laneId, theLane.id), eq(shifts.status, 'open')));
  return {
    store: {
      id: theStore.id,
      code: theStore.code,
      name: theStore.name,
      address: theStore.address,
      vatNumber: theStore.vatNumber,
      timezone: theStore.timezone,
      embeddedBarcodeLayouts: theStore.embeddedBarcodeLayouts,
      negativeStockPolicy: theStore.negativeStockPolicy,
    },
    lane: {
      id: theLane.id,
      number: theLane.number,
      name: theLane.name,
      hasPrinter: Boolean(theLane.printerHost),
      hasTerminal: Boolean(theLane.terminalHost && theLane.terminalPort),
    },
    openShift: openShift ?? null,
  };
}
