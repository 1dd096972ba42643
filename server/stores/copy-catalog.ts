import { eq, inArray } from 'drizzle-orm';
import { z } from 'zod';
import { barcodes, catalogCopies, departments, products, stores, type CatalogCopyCounts } from '../../db/schema';
import { writeAudit } from '../audit/write-audit';
import { inTransaction, type StaffContext } from '../core/context';
import { DomainError, fieldInvalid } from '../core/errors';
import { newId } from '../core/ids';

export const CopyCatalogInput = z
  .object({
    id: z.uuid(),
    fromStoreId: z.uuid('Choose the store to copy from'),
    toStoreId: z.uuid('Choose the store to copy to'),
  })
  .refine((input) => input.fromStoreId !== input.toStoreId, {
    path: ['toStoreId'],
    message: 'Choose another store than the one copied from',
  });
export type CopyCatalogInput = z.input<typeof CopyCatalogInput>;

const BATCH = 1000;

async function insertInBatches<T>(rows: T[], insert: (batch: T[]) => Promise<unknown>): Promise<void> {
  for (let start = 0; start < rows.length; start += BATCH) await insert(rows.slice(start, start + BATCH));
}

/**
 * Copies one store's departments, products (prices, costs, VAT, PLUs) and barcodes into another with new ids, in
 * one transaction. What the target already has is skipped, never overwritten: a department or product whose code
 * (or a product whose PLU) exists there, and a barcode the target already uses. Stock is not copied.
 * Idempotent on the client-made id: a retry answers with the first copy's counts and changes nothing.
 */
export async function copyCatalog(ctx: StaffContext, rawInput: CopyCatalogInput) {
  const input = CopyCatalogInput.parse(rawInput);
  return inTransaction(ctx, async (tx) => {
    const known = await tx.db
      .select({ id: stores.id })
      .from(stores)
      .where(inArray(stores.id, [input.fromStoreId, input.toStoreId]));
    if (!known.some((s) => s.id === input.fromStoreId))
      throw fieldInvalid('fromStoreId', 'store.not-found', 'No such store');
    if (!known.some((s) => s.id === input.toStoreId))
      throw fieldInvalid('toStoreId', 'store.not-found', 'No such store');
    const pending: CatalogCopyCounts = {
      departments: 0,
      products: 0,
      barcodes: 0,
      skippedDepartments: 0,
      skippedProducts: 0,
      skippedBarcodes: 0,
    };
    const now = tx.now();
    // Claiming the id first makes a concurrent retry wait for this copy, then answer with it.
    const [claimed] = await tx.db
      .insert(catalogCopies)
      .values({
        id: input.id,
        storeId: input.toStoreId,
        fromStoreId: input.fromStoreId,
        copiedByStaffId: ctx.actor.staffId,
        copiedAt: now,
        counts: pending,
      })
      .onConflictDoNothing({ target: catalogCopies.id })
      .returning({ id: catalogCopies.id });
    if (!claimed) {
      const [earlier] = await tx.db.select().from(catalogCopies).where(eq(catalogCopies.id, input.id));
      if (earlier?.fromStoreId !== input.fromStoreId || earlier.storeId !== input.toStoreId)
        throw new DomainError('CONFLICT', 'catalog-copy.id-taken', 'This copy id was used for other stores');
      return earlier.counts;
    }

    const counts = { ...pending };
    const departmentIds = new Map<string, string>();
    const targetDepartments = await tx.db
      .select({ id: departments.id, code: departments.code })
      .from(departments)
      .where(eq(departments.storeId, input.toStoreId));
    const targetDepartmentByCode = new Map(targetDepartments.map((d) => [d.code, d.id]));
    const sourceDepartments = await tx.db.select().from(departments).where(eq(departments.storeId, input.fromStoreId));
    const newDepartments = [];
    for (const department of sourceDepartments) {
      const existing = targetDepartmentByCode.get(department.code);
      if (existing) {
        departmentIds.set(department.id, existing);
        counts.skippedDepartments++;
        continue;
      }
      const id = newId();
      departmentIds.set(department.id, id);
      newDepartments.push({ ...department, id, storeId: input.toStoreId, createdAt: now });
    }
    await insertInBatches(newDepartments, (batch) => tx.db.insert(departments).values(batch));
    counts.departments = newDepartments.length;

    const targetProducts = await tx.db
      .select({ code: products.code, plu: products.plu })
      .from(products)
      .where(eq(products.storeId, input.toStoreId));
    const takenCodes = new Set(targetProducts.map((p) => p.code));
    const takenPlus = new Set(targetProducts.flatMap((p) => (p.plu ? [p.plu] : [])));
    const sourceProducts = await tx.db.select().from(products).where(eq(products.storeId, input.fromStoreId));
    const productIds = new Map<string, string>();
    const newProducts = [];
    for (const product of sourceProducts) {
      const departmentId = departmentIds.get(product.departmentId);
      if (!departmentId || takenCodes.has(product.code) || (product.plu && takenPlus.has(product.plu))) {
        counts.skippedProducts++;
        continue;
      }
      const id = newId();
      productIds.set(product.id, id);
      newProducts.push({ ...product, id, storeId: input.toStoreId, departmentId, createdAt: now, updatedAt: now });
    }
    await insertInBatches(newProducts, (batch) => tx.db.insert(products).values(batch));
    counts.products = newProducts.length;

    const takenBarcodes = new Set(
      (await tx.db.select({ code: barcodes.code }).from(barcodes).where(eq(barcodes.storeId, input.toStoreId))).map(
        (b) => b.code,
      ),
    );
    const sourceBarcodes = await tx.db.select().from(barcodes).where(eq(barcodes.storeId, input.fromStoreId));
    const newBarcodes = [];
    for (const barcode of sourceBarcodes) {
      const productId = productIds.get(barcode.productId);
      if (!productId) continue;
      if (takenBarcodes.has(barcode.code)) {
        counts.skippedBarcodes++;
        continue;
      }
      newBarcodes.push({ ...barcode, id: newId(), storeId: input.toStoreId, productId, createdAt: now });
    }
    await insertInBatches(newBarcodes, (batch) => tx.db.insert(barcodes).values(batch));
    counts.barcodes = newBarcodes.length;

    await tx.db.update(catalogCopies).set({ counts }).where(eq(catalogCopies.id, input.id));
    await writeAudit(tx, {
      action: 'catalog.copied',
      entityType: 'store',
      entityId: input.toStoreId,
      storeId: input.toStoreId,
      summary: `${counts.products} products, ${counts.barcodes} barcodes, ${counts.departments} departments`,
      changes: { fromStoreId: { from: null, to: input.fromStoreId }, counts: { from: null, to: counts } },
    });
    return counts;
  });
}
