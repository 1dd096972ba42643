import { and, eq, inArray } from 'drizzle-orm';
import { z } from 'zod';
import { products } from '../../db/schema';
import type { StaffContext } from '../core/context';
import { DomainError } from '../core/errors';

/** Units for counted goods, grams for weighed goods (the UI takes kg with three decimals); at most 10 t a line. */
export const ledgerQuantity = z.number().int().min(1).max(10_000_000);

/** The store's products a document names, or a clear refusal naming the line that does not belong here. */
export async function productsOfLines(ctx: StaffContext, lines: readonly { productId: string }[]) {
  const ids = [...new Set(lines.map((line) => line.productId))];
  const rows = await ctx.db
    .select({
      id: products.id,
      code: products.code,
      nameZh: products.nameZh,
      unit: products.unit,
      costFen: products.costFen,
    })
    .from(products)
    .where(and(eq(products.storeId, ctx.storeId), inArray(products.id, ids)));
  const byId = new Map(rows.map((row) => [row.id, row]));
  const unknown = lines.findIndex((line) => !byId.has(line.productId));
  if (unknown >= 0) {
    throw new DomainError('INVALID', 'stock.unknown-product', 'A line names a product this store does not have', {
      [`lines.${unknown}.productId`]: ['A line names a product this store does not have'],
    });
  }
  return byId;
}
