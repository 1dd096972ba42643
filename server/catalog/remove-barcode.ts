import { and, eq } from 'drizzle-orm';
import { z } from 'zod';
import { barcodes, products } from '../../db/schema';
import { writeAudit } from '../audit/write-audit';
import { inTransaction, type StaffContext } from '../core/context';
import { getProduct } from './get-product';
import { notFound } from '../core/errors';

export const RemoveBarcodeInput = z.object({ productId: z.uuid(), code: z.string().trim().min(1).max(32) });
export type RemoveBarcodeInput = z.input<typeof RemoveBarcodeInput>;

/** Removing a barcode that is already gone is a no-op, so a retried request is harmless. */
export async function removeBarcode(ctx: StaffContext, rawInput: RemoveBarcodeInput) {
  const input = RemoveBarcodeInput.parse(rawInput);
  return inTransaction(ctx, async (tx) => {
    const [product] = await tx.db
      .select({ id: products.id, code: products.code })
      .from(products)
      .where(and(eq(products.id, input.productId), eq(products.storeId, ctx.storeId)));
    if (!product) throw notFound('product');
    const removed = await tx.db
      .delete(barcodes)
      .where(and(eq(barcodes.productId, product.id), eq(barcodes.storeId, ctx.storeId), eq(barcodes.code, input.code)))
      .returning({ id: barcodes.id });
    if (removed.length > 0) {
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
