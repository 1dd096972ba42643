import { and, asc, eq, exists, like, or, type SQL } from 'drizzle-orm';
import { z } from 'zod';
import { barcodes, departments, products } from '../../db/schema';
import type { StaffContext } from '../core/context';
import { normalizeSearchText } from '../domain/pinyin';

export const ListProductsInput = z.object({
  query: z.string().trim().max(60).optional(),
  departmentId: z.uuid().optional(),
  active: z.boolean().optional(),
  page: z.number().int().min(1).max(10_000).default(1),
  pageSize: z.number().int().min(1).max(100).default(50),
});
export type ListProductsInput = z.input<typeof ListProductsInput>;

const escapeLike = (text: string) => text.replace(/[\\%_]/g, (c) => `\\${c}`);

/** One page of the store's catalog, matched by name (zh/en), item code, pinyin initials or an exact barcode. */
export async function listProducts(ctx: StaffContext, rawInput: ListProductsInput) {
  const input = ListProductsInput.parse(rawInput);
  const filters: SQL[] = [eq(products.storeId, ctx.storeId)];
  if (input.departmentId) filters.push(eq(products.departmentId, input.departmentId));
  if (input.active !== undefined) filters.push(eq(products.active, input.active));
  const query = input.query ? normalizeSearchText(input.query) : '';
  if (query) {
    const byText = like(products.searchText, `%${escapeLike(query)}%`);
    const byBarcode = exists(
      ctx.db
        .select({ one: barcodes.id })
        .from(barcodes)
        .where(
          and(
            eq(barcodes.storeId, ctx.storeId),
            eq(barcodes.code, input.query ?? ''),
            eq(barcodes.productId, products.id),
          ),
        ),
    );
    filters.push(/^[0-9]{8,14}$/.test(query) ? (or(byText, byBarcode) as SQL) : byText);
  }
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
