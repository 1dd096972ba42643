import { and, eq } from 'drizzle-orm';
import { z } from 'zod';
import { barcodes } from '../../db/schema';
import { writeAudit } from '../audit/write-audit';
import { inTransaction, type StaffContext } from '../core/context';
import { newId } from '../core/ids';
import { translateCatalogConflict } from './create-product';
import { findStoreProduct, touchProduct } from './find-store-product';
import { getProduct } from './get-product';
import { BarcodeEntry } from './product-fields';

export const AddBarcodeInput = z.object({ productId: z.uuid(), barcode: BarcodeEntry });
export type AddBarcodeInput = z.input<typeof AddBarcodeInput>;

export async function addBarcode(ctx: StaffContext, rawInput: AddBarcodeInput) {
  const input = AddBarcodeInput.parse(rawInput);
  return inTransaction(ctx, async (tx) => {
    const product = await findStoreProduct(tx, input.productId);
    const [owner] = await tx.db
      .select({ productId: barcodes.productId })
      .from(barcodes)
      .where(and(eq(barcodes.storeId, ctx.storeId), eq(barcodes.code, input.barcode.code)));
    if (owner?.productId === product.id) return getProduct(tx, { id: product.id });
    const id = newId();
    try {
      await tx.db.insert(barcodes).values({
        id,
        storeId: ctx.storeId,
        productId: product.id,
        code: input.barcode.code,
        kind: input.barcode.kind,
        createdAt: tx.now(),
      });
    } catch (error) {
      throw translateCatalogConflict(error);
    }
    await touchProduct(tx, product.id);
    await writeAudit(tx, {
      action: 'barcode.added',
      entityType: 'product',
      entityId: product.id,
      summary: `${product.code} + ${input.barcode.code}`,
      changes: { barcode: { from: null, to: input.barcode.code } },
    });
    return getProduct(tx, { id: product.id });
  });
}
