import { and, asc, count, eq } from 'drizzle-orm';
import { lanes, staff, stores } from '../../db/schema';
import type { ServiceContext } from '../core/context';

/** Head office's list of stores: identity, how many lanes, and who manages each. */
export async function listStoreOverview(ctx: ServiceContext) {
  const rows = await ctx.db
    .select({
      id: stores.id,
      code: stores.code,
      name: stores.name,
      nameEn: stores.nameEn,
      address: stores.address,
      timezone: stores.timezone,
      vatNumber: stores.vatNumber,
    })
    .from(stores)
    .orderBy(asc(stores.code));
  const laneCounts = await ctx.db.select({ storeId: lanes.storeId, lanes: count() }).from(lanes).groupBy(lanes.storeId);
  const managers = await ctx.db
    .select({ storeId: staff.storeId, operatorNo: staff.operatorNo, name: staff.name })
    .from(staff)
    .where(and(eq(staff.role, 'store_manager'), eq(staff.active, true)))
    .orderBy(asc(staff.operatorNo));
  return rows.map((store) => ({
    ...store,
    laneCount: laneCounts.find((l) => l.storeId === store.id)?.lanes ?? 0,
    managers: managers.filter((m) => m.storeId === store.id).map(({ operatorNo, name }) => ({ operatorNo, name })),
  }));
}
