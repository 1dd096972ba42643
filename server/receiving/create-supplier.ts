import { and, eq } from 'drizzle-orm';
import { z } from 'zod';
import { suppliers } from '../../db/schema';
import { inTransaction, type StaffContext } from '../core/context';
import { DomainError, fieldConflict, found, isUniqueViolation } from '../core/errors';

export const supplierFieldShape = {
  code: z.string().trim().min(1).max(20),
  name: z.string().trim().min(1).max(60),
  contact: z.string().trim().max(40).default(''),
  phone: z.string().trim().max(30).default(''),
};

export const CreateSupplierInput = z.object({ id: z.uuid(), ...supplierFieldShape });
export type CreateSupplierInput = z.input<typeof CreateSupplierInput>;

const supplierColumns = {
  id: suppliers.id,
  code: suppliers.code,
  name: suppliers.name,
  contact: suppliers.contact,
  phone: suppliers.phone,
};

export async function getSupplier(ctx: StaffContext, id: string) {
  const [row] = await ctx.db
    .select(supplierColumns)
    .from(suppliers)
    .where(and(eq(suppliers.id, id), eq(suppliers.storeId, ctx.storeId)));
  return found(row, 'supplier');
}

export const translateSupplierConflict = (error: unknown) =>
  isUniqueViolation(error, 'suppliers_store_code_key')
    ? fieldConflict('code', 'supplier.code-taken', 'Another supplier already has this code')
    : error;

/** Idempotent on the client-made id. */
export async function createSupplier(ctx: StaffContext, rawInput: CreateSupplierInput) {
  const input = CreateSupplierInput.parse(rawInput);
  return inTransaction(ctx, async (tx) => {
    const [existing] = await tx.db
      .select({ storeId: suppliers.storeId })
      .from(suppliers)
      .where(eq(suppliers.id, input.id));
    if (existing && existing.storeId !== ctx.storeId) {
      throw new DomainError('CONFLICT', 'receiving.id-taken', 'Id already used');
    }
    if (!existing) {
      try {
        await tx.db
          .insert(suppliers)
          .values({ ...input, storeId: ctx.storeId, createdAt: tx.now() })
          .onConflictDoNothing({ target: suppliers.id });
      } catch (error) {
        throw translateSupplierConflict(error);
      }
    }
    return getSupplier(tx, input.id);
  });
}
