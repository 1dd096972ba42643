import { and, eq } from 'drizzle-orm';
import { products } from '../../db/schema';
import type { StaffContext } from '../core/context';
import { found } from '../core/errors';

/** A product of the acting store, by id; another store's product is as good as missing. */
export async function findStoreProduct(ctx: StaffContext, productId: string) {
  const [product] = await ctx.db
    .select({ id: products.id, code: products.code })
    .from(products)
    .where(and(eq(products.id, productId), eq(products.storeId, ctx.storeId)));
  return found(product, 'product');
}

/** Marks the product changed, so lanes pick up a barcode change in their next incremental download. */
export async function touchProduct(ctx: StaffContext, productId: string): Promise<void> {
  await ctx.db.update(products).set({ updatedAt: ctx.now() }).where(eq(products.id, productId));
}
