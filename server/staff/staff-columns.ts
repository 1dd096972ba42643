import { staff } from '../../db/schema';

/** What of a staff account may leave the server: never the password hash. */
export const publicStaffColumns = {
  id: staff.id,
  operatorNo: staff.operatorNo,
  name: staff.name,
  role: staff.role,
  active: staff.active,
  storeId: staff.storeId,
  lockedUntil: staff.lockedUntil,
  createdAt: staff.createdAt,
  updatedAt: staff.updatedAt,
};
