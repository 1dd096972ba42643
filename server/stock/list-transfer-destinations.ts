import { asc, ne } from 'drizzle-orm';
import { stores } from '../../db/schema';
import type { StaffContext } from '../core/context';

/** The chain's other stores, which goods can be sent to. */
export async function listTransferDestinations(ctx: StaffContext) {
  return ctx.db
    .select({ id: stores.id, code: stores.code, name: stores.name })
    .from(stores)
    .where(ne(stores.id, ctx.storeId))
    .orderBy(asc(stores.code));
}
