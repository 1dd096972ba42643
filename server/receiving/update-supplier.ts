import { and, eq } from 'drizzle-orm';
import { z } from 'zod';
import { suppliers } from '../../db/schema';
import { inTransaction, type StaffContext } from '../core/context';
import { getSupplier, supplierFieldShape, translateSupplierConflict } from './create-supplier';

export const UpdateSupplierInput = z
  .object({ id: z.uuid(), ...supplierFieldShape })
  .partial()
  .required({ id: true });
export type UpdateSupplierInput = z.input<typeof UpdateSupplierInput>;

export async function updateSupplier(ctx: StaffContext, rawInput: UpdateSupplierInput) {
  const { id, ...changes } = UpdateSupplierInput.parse(rawInput);
  return inTransaction(ctx, async (tx) => {
    await getSupplier(tx, id);
    if (Object.keys(changes).length > 0) {
      try {
        await tx.db
          .update(suppliers)
          .set(changes)
          .where(and(eq(suppliers.id, id), eq(suppliers.storeId, ctx.storeId)));
      } catch (error) {
        throw translateSupplierConflict(error);
      }
    }
    return getSupplier(tx, id);
  });
}
