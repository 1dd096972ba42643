import { and, eq } from 'drizzle-orm';
import { z } from 'zod';
import { barcodes, departments, products } from '../../db/schema';
import { writeAudit } from '../audit/write-audit';
import { inTransaction, type StaffContext } from '../core/context';
import { DomainError, fieldConflict, fieldInvalid, isUniqueViolation } from '../core/errors';
import { newId } from '../core/ids';
import { getProduct } from './get-product';
import { BarcodeEntry, productFieldShape, weighedNeedsPlu } from './product-fields';
import { searchColumns } from './product-search-columns';

export const CreateProductInput = z
  .object({
    id: z.uuid(),
    ...productFieldShape,
    barcodes: z.array(BarcodeEntry).max(20),
  })
  .refine(...weighedNeedsPlu)
  .superRefine((value, zctx) => {
    const seen = new Set<string>();
    value.barcodes.forEach((entry, index) => {
      if (seen.has(entry.code)) {
        zctx.addIssue({ code: 'custom', path: ['barcodes', index, 'code'], message: 'This barcode is listed twice' });
      }
      seen.add(entry.code);
    });
  });
export type CreateProductInput = z.input<typeof CreateProductInput>;

/** Idempotent on the client-made id: a retried create returns the product made the first time. */
export async function createProduct(ctx: StaffContext, rawInput: CreateProductInput) {
  const input = CreateProductInput.parse(rawInput);
  return inTransaction(ctx, async (tx) => {
    const [existing] = await tx.db
      .select({ storeId: products.storeId })
      .from(products)
      .where(eq(products.id, input.id));
    if (existing) {
      if (existing.storeId !== ctx.storeId) throw new DomainError('CONFLICT', 'product.id-taken', 'Id already used');
      return getProduct(tx, { id: input.id });
    }
    await assertDepartmentInStore(tx, input.departmentId);
    const now = tx.now();
    try {
      const inserted = await tx.db
        .insert(products)
        .values({
          id: input.id,
          storeId: ctx.storeId,
          code: input.code,
          nameZh: input.nameZh,
          nameEn: input.nameEn,
          ...searchColumns(input),
          departmentId: input.departmentId,
          unit: input.unit,
          priceFen: input.priceFen,
          costFen: input.costFen,
          vatRateBps: input.vatRateBps,
          plu: input.plu,
          active: input.active,
          createdAt: now,
          updatedAt: now,
        })
        .onConflictDoNothing({ target: products.id })
        .returning({ id: products.id });
      if (inserted.length === 0) return getProduct(tx, { id: input.id });
      if (input.barcodes.length > 0) {
        await tx.db.insert(barcodes).values(
          input.barcodes.map((entry) => ({
            id: newId(),
            storeId: ctx.storeId,
            productId: input.id,
            code: entry.code,
            kind: entry.kind,
            createdAt: now,
          })),
        );
      }
    } catch (error) {
      throw translateCatalogConflict(error);
    }
    await writeAudit(tx, {
      action: 'product.created',
      entityType: 'product',
      entityId: input.id,
      summary: `${input.code} ${input.nameZh}`,
      changes: {
        priceFen: { from: null, to: input.priceFen },
        barcodes: { from: [], to: input.barcodes.map((b) => b.code) },
      },
    });
    return getProduct(tx, { id: input.id });
  });
}

export async function assertDepartmentInStore(ctx: StaffContext, departmentId: string): Promise<void> {
  const [department] = await ctx.db
    .select({ id: departments.id })
    .from(departments)
    .where(and(eq(departments.id, departmentId), eq(departments.storeId, ctx.storeId)));
  if (!department) throw fieldInvalid('departmentId', 'department.not-found', 'Choose a department of this store');
}

export function translateCatalogConflict(error: unknown): unknown {
  if (isUniqueViolation(error, 'products_store_code_key')) {
    return fieldConflict('code', 'product.code-taken', 'Another product already has this item code');
  }
  if (isUniqueViolation(error, 'products_store_plu_key')) {
    return fieldConflict('plu', 'product.plu-taken', 'Another product already has this PLU');
  }
  if (isUniqueViolation(error, 'barcodes_store_code_key')) {
    return fieldConflict('barcodes', 'barcode.taken', 'This barcode already belongs to another product');
  }
  return error;
}
