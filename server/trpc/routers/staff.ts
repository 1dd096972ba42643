import { z } from 'zod';
import { createStaff, CreateStaffInput } from '../../staff/create-staff';
import { listStaff } from '../../staff/list-staff';
import { updateStaff, UpdateStaffInput } from '../../staff/update-staff';
import { STAFF_ROLES } from '../../auth/permissions';
import { procedureFor, router } from '../init';

const PublicStaff = z.object({
  id: z.string(),
  operatorNo: z.string(),
  name: z.string(),
  role: z.enum(STAFF_ROLES),
  active: z.boolean(),
  storeId: z.string().nullable(),
  lockedUntil: z.date().nullable(),
  createdAt: z.date(),
  updatedAt: z.date(),
});

export const staffRouter = router({
  list: procedureFor('staff.read')
    .output(z.array(PublicStaff))
    .query(({ ctx }) => listStaff(ctx)),
  create: procedureFor('staff.manage')
    .input(CreateStaffInput)
    .output(PublicStaff)
    .mutation(({ ctx, input }) => createStaff(ctx, input)),
  update: procedureFor('staff.manage')
    .input(UpdateStaffInput)
    .output(PublicStaff)
    .mutation(({ ctx, input }) => updateStaff(ctx, input)),
});
