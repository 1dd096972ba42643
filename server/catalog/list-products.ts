import { and, asc, eq, type SQL } from 'drizzle-orm';
import { z } from 'zod';
import { departments, products } from '../../db/schema';
import type { StaffContext } from '../core/context';
import { productSearchFilter } from './product-search-filter';

export const ListProductsInput = z.object({
  query: z.string().trim().max(60).optional(),
  departmentId: z.uuid().optional(),
  active: z.boolean().optional(),
  page: z.number().int().min(1).max(10_000).default(1),
  pageSize: z.number().int().min(1).max(100).default(50),
});
export type ListProductsInput = z.input<typeof ListProductsInput>;

/** One page of the store's catalog, matched by name (zh/en), item code, pinyin initials or an exact barcode. */
export async function listProducts(ctx: StaffContext, rawInput: ListProductsInput) {
  const input = ListProductsInput.parse(rawInput);
  const filters: SQL[] = [eq(products.storeId, ctx.storeId)];
  if (input.departmentId) filters.push(eq(products.departmentId, input.departmentId));
  if (input.active !== undefined) filters.push(eq(products.active, input.active));
  const search = input.query ? productSearchFilter(ctx, input.query) : null;
  if (search) filters.push(search);
  const rows = await ctx.db
    .select({
      id: products.id,
      code: products.code,
      nameZh: products.nameZh,
      nameEn: products.nameEn,
      departmentNameZh: departments.nameZh,
      departmentNameEn: departments.nameEn,
      unit: products.unit,
      priceFen: products.priceFen,
      vatRateBps: products.vatRateBps,
      plu: products.plu,
      active: products.active,
    })
    .from(products)
    .innerJoin(departments, eq(departments.id, products.departmentId))
    .where(and(...filters))
    .orderBy(asc(products.code))
    .limit(input.pageSize + 1)
    .offset((input.page - 1) * input.pageSize);
  return {
    items: rows.slice(0, input.pageSize),
    page: input.page,
    pageSize: input.pageSize,
    hasMore: rows.length > input.pageSize,
  };
}
