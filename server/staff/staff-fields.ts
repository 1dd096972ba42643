import { z } from 'zod';
import { STAFF_ROLES } from '../auth/permissions';
import { plainText } from '../catalog/product-fields';

export const staffFieldShape = {
  operatorNo: z
    .string()
    .trim()
    .regex(/^[0-9]{4,8}$/, 'Operator number: 4–8 digits'),
  name: plainText(z.string().trim().min(1, 'Enter a name').max(40)),
  role: z.enum(STAFF_ROLES),
  password: z.string().min(6, 'At least 6 characters').max(200),
  active: z.boolean(),
};
