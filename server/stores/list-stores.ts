import { asc } from 'drizzle-orm';
import { stores } from '../../db/schema';
import type { ServiceContext } from '../core/context';

export async function listStores(ctx: ServiceContext) {
  return ctx.db.select({ id: stores.id, code: stores.code, name: stores.name }).from(stores).orderBy(asc(stores.code));
}
