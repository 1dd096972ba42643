import { asc, eq, isNull, or } from 'drizzle-orm';
import { staff } from '../../db/schema';
import type { StaffContext } from '../core/context';
import { publicStaffColumns } from './staff-columns';

export async function listStaff(ctx: StaffContext) {
  const visible =
    ctx.actor.role === 'head_office'
      ? or(eq(staff.storeId, ctx.storeId), isNull(staff.storeId))
      : eq(staff.storeId, ctx.storeId);
  return ctx.db.select(publicStaffColumns).from(staff).where(visible).orderBy(asc(staff.operatorNo));
}
