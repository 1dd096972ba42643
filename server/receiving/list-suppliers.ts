import { asc, eq } from 'drizzle-orm';
import { suppliers } from '../../db/schema';
import type { StaffContext } from '../core/context';

export async function listSuppliers(ctx: StaffContext) {
  return ctx.db
    .select({
      id: suppliers.id,
      code: suppliers.code,
      name: suppliers.name,
      contact: suppliers.contact,
      phone: suppliers.phone,
    })
    .from(suppliers)
    .where(eq(suppliers.storeId, ctx.storeId))
    .orderBy(asc(suppliers.code));
}
