import { asc, eq } from 'drizzle-orm';
import { departments } from '../../db/schema';
import type { StaffContext } from '../core/context';

export async function listDepartments(ctx: StaffContext) {
  return ctx.db
    .select({ id: departments.id, code: departments.code, nameZh: departments.nameZh, nameEn: departments.nameEn })
    .from(departments)
    .where(eq(departments.storeId, ctx.storeId))
    .orderBy(asc(departments.code));
}
