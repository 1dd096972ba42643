import { and, asc, eq, gt, gte, inArray } from 'drizzle-orm';
import { z } from 'zod';
import { barcodes, products } from '../../db/schema';
import type { StaffContext } from '../core/context';

export const LaneCatalogInput = z.object({
  changedSince: z.date().nullable(),
  after: z.uuid().nullable(),
  limit: z.number().int().min(1).max(5000).default(5000),
});

/** What the lane caches of a product (its barcodes come beside). */
export const laneProductColumns = {
  id: products.id,
  code: products.code,
  nameZh: products.nameZh,
  nameEn: products.nameEn,
  pinyinInitials: products.pinyinInitials,
  departmentId: products.departmentId,
  unit: products.unit,
  priceFen: products.priceFen,
  vatRateBps: products.vatRateBps,
  plu: products.plu,
  active: products.active,
  updatedAt: products.updatedAt,
};

/**
 * A page of the store's catalog for the lane's offline cache, in id order: everything the first time,
 * then only products changed since the last download (inactive ones too, so the lane drops them).
 */
export async function laneCatalog(ctx: StaffContext, rawInput: z.input<typeof LaneCatalogInput>) {
  const input = LaneCatalogInput.parse(rawInput);
  const rows = await ctx.db
    .select(laneProductColumns)
    .from(products)
    .where(
      and(
        eq(products.storeId, ctx.storeId),
        // The lane's cursor is a Date (milliseconds); rows stamped by PostgreSQL's now() carry microseconds. Compared
        // as they are, a row stamped .123456 would come again after every `changedSince: .123`: so whole ms only.
        input.changedSince ? gte(products.updatedAt, new Date(input.changedSince.getTime() + 1)) : undefined,
        input.after ? gt(products.id, input.after) : undefined,
      ),
    )
    .orderBy(asc(products.id))
    .limit(input.limit);
  const codes = rows.length
    ? await ctx.db
        .select({ productId: barcodes.productId, code: barcodes.code })
        .from(barcodes)
        .where(
          inArray(
            barcodes.productId,
            rows.map((r) => r.id),
          ),
        )
    : [];
  const byProduct = new Map<string, string[]>();
  for (const { productId, code } of codes) byProduct.set(productId, [...(byProduct.get(productId) ?? []), code]);
  return {
    products: rows.map((row) => ({ ...row, barcodes: byProduct.get(row.id) ?? [] })),
    next: rows.length === input.limit ? (rows.at(-1)?.id ?? null) : null,
  };
}
