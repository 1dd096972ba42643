import { and, eq } from 'drizzle-orm';
import { z } from 'zod';
import { products, stockLevels } from '../../db/schema';
import { resolveScan } from '../catalog/resolve-scan';
import type { StaffContext } from '../core/context';
import { found } from '../core/errors';

export const FindReceivingProductInput = z.union([
  z.object({ code: z.string().trim().min(1).max(32) }),
  z.object({ productId: z.uuid() }),
]);
export type FindReceivingProductInput = z.input<typeof FindReceivingProductInput>;

/**
 * A product to receive, by id or by what was scanned or typed (a barcode, a scale label, a PLU or the item code),
 * with its on hand and the cost to offer: the moving average, else the catalog cost. A scale label brings its weight.
 */
export async function findReceivingProduct(ctx: StaffContext, rawInput: FindReceivingProductInput) {
  const input = FindReceivingProductInput.parse(rawInput);
  let productId: string;
  let weightGrams: number | null = null;
  if ('productId' in input) {
    productId = input.productId;
  } else {
    const [byCode] = await ctx.db
      .select({ id: products.id })
      .from(products)
      .where(and(eq(products.storeId, ctx.storeId), eq(products.code, input.code)));
    if (byCode) {
      productId = byCode.id;
    } else {
      const resolved = await resolveScan(ctx, { code: input.code });
      productId = resolved.product.id;
      if (resolved.kind === 'embedded-weight') weightGrams = resolved.weightGrams;
    }
  }
  const [row] = await ctx.db
    .select({
      id: products.id,
      code: products.code,
      nameZh: products.nameZh,
      nameEn: products.nameEn,
      unit: products.unit,
      costFen: products.costFen,
      onHand: stockLevels.onHand,
      avgCostFen: stockLevels.avgCostFen,
    })
    .from(products)
    .leftJoin(stockLevels, and(eq(stockLevels.storeId, products.storeId), eq(stockLevels.productId, products.id)))
    .where(and(eq(products.id, productId), eq(products.storeId, ctx.storeId)));
  const product = found(row, 'product');
  return {
    ...product,
    onHand: product.onHand ?? 0,
    suggestedCostFen: product.avgCostFen ?? product.costFen,
    weightGrams,
  };
}
