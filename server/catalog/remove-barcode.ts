import { and, eq } from 'drizzle-orm';
import { z } from 'zod';
import { barcodes } from '../../db/schema';
import { writeAudit } from '../audit/write-audit';
import { inTransaction, type StaffContext } from '../core/context';
import { findStoreProduct, touchProduct } from './find-store-product';
import { getProduct } from './get-product';

export const RemoveBarcodeInput = z.object({ productId: z.uuid(), code: z.string().trim().min(1).max(32) });
export type RemoveBarcodeInput = z.input<typeof RemoveBarcodeInput>;

/** Removing a barcode that is already gone is a no-op, so a retried request is harmless. */
export async function removeBarcode(ctx: StaffContext, rawInput: RemoveBarcodeInput) {
  const input = RemoveBarcodeInput.parse(rawInput);
  return inTransaction(ctx, async (tx) => {
    const product = await findStoreProduct(tx, input.productId);
    const removed = await tx.db
      .delete(barcodes)
      .where(and(eq(barcodes.productId, product.id), eq(barcodes.storeId, ctx.storeId), eq(barcodes.code, input.code)))
      .returning({ id: barcodes.id });
    if (removed.length > 0) {
      await touchProduct(tx, product.id);
      await writeAudit(tx, {
        action: 'barcode.removed',
        entityType: 'product',
        entityId: product.id,
        summary: `${product.code} − ${input.code}`,
        changes: { barcode: { from: input.code, to: null } },
      });
    }
    return getProduct(tx, { id: product.id });
  });
}
