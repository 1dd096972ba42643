import { and, eq } from 'drizzle-orm';
import { z } from 'zod';
import { lanes, shifts, staff, stores } from '../../db/schema';
import type { ServiceContext } from '../core/context';
import { found } from '../core/errors';

export const GetLaneStateInput = z.object({ laneId: z.uuid() });

/**
 * What a lane needs to show before anyone signs in: its store, its number, and who holds it. The lane is the one
 * the device is bound to (`findLaneDevice`); nothing here guesses a store.
 */
export async function getLaneState(ctx: ServiceContext, rawInput: z.input<typeof GetLaneStateInput>) {
  const input = GetLaneStateInput.parse(rawInput);
  const [lane] = await ctx.db.select().from(lanes).where(eq(lanes.id, input.laneId));
  const theLane = found(lane, 'lane');
  const [store] = await ctx.db.select().from(stores).where(eq(stores.id, theLane.storeId));
  const theStore = found(store, 'store');
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
      nameEn: theStore.nameEn,
      address: theStore.address,
      vatNumber: theStore.vatNumber,
      timezone: theStore.timezone,
      embeddedBarcodeLayouts: theStore.embeddedBarcodeLayouts,
      negativeStockPolicy: theStore.negativeStockPolicy,
      receiptLanguage: theStore.receiptLanguage,
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
