import { and, asc, eq } from 'drizzle-orm';
import { z } from 'zod';
import { barcodes, departments, products, stockLevels } from '../../db/schema';
import type { StaffContext } from '../core/context';
import { notFound } from '../core/errors';

export const GetProductInput = z.object({ id: z.uuid() });

export async function getProduct(ctx: StaffContext, input: z.infer<typeof GetProductInput>) {
  const [product] = await ctx.db
    .select({
      id: products.id,
      code: products.code,
      nameZh: products.nameZh,
      nameEn: products.nameEn,
      departmentId: products.departmentId,
      departmentNameZh: departments.nameZh,
      departmentNameEn: departments.nameEn,
      unit: products.unit,
      priceFen: products.priceFen,
      costFen: products.costFen,
      vatRateBps: products.vatRateBps,
      plu: products.plu,
      active: products.active,
      updatedAt: products.updatedAt,
      onHand: stockLevels.onHand,
    })
    .from(products)
    .innerJoin(departments, eq(departments.id, products.departmentId))
    .leftJoin(stockLevels, and(eq(stockLevels.storeId, products.storeId), eq(stockLevels.productId, products.id)))
    .where(and(eq(products.id, input.id), eq(products.storeId, ctx.storeId)));
  if (!product) throw notFound('product');
  const productBarcodes = await ctx.db
    .select({ id: barcodes.id, code: barcodes.code, kind: barcodes.kind })
    .from(barcodes)
    .where(eq(barcodes.productId, product.id))
    .orderBy(asc(barcodes.createdAt), asc(barcodes.id));
  return { ...product, onHand: product.onHand ?? 0, barcodes: productBarcodes };
}
export type ProductDetail = Awaited<ReturnType<typeof getProduct>>;
