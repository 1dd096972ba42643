import { and, eq, type SQL } from 'drizzle-orm';
import type { PgColumn } from 'drizzle-orm/pg-core';
import { barcodes, products, stores } from '../../db/schema';
import type { StaffContext } from '../core/context';
import { resolveCode, type ResolvedCode } from '../domain/resolve-code';

/** The data of each selected product column. */
export type ProductRow<Columns extends Record<string, PgColumn>> = { [K in keyof Columns]: Columns[K]['_']['data'] };

/**
 * `resolveCode` against the store's barcodes, scale layouts and PLUs, reading the given product columns. Null when
 * nothing matches; what a miss or an inactive product means is the caller's to say.
 */
export async function resolveInStore<Columns extends Record<string, PgColumn> & { priceFen: typeof products.priceFen }>(
  ctx: StaffContext,
  code: string,
  columns: Columns,
): Promise<ResolvedCode<ProductRow<Columns>> | null> {
  type Row = ProductRow<Columns>;
  const selected: Record<string, PgColumn> = columns;
  const [store] = await ctx.db
    .select({ layouts: stores.embeddedBarcodeLayouts })
    .from(stores)
    .where(eq(stores.id, ctx.storeId));
  const first = async (rows: Promise<unknown[]>) => ((await rows)[0] as Row | undefined) ?? null;
  const ofStore = (condition: SQL) =>
    first(
      ctx.db
        .select(selected)
        .from(products)
        .where(and(eq(products.storeId, ctx.storeId), condition)),
    );
  return resolveCode<Row>(code, store?.layouts ?? [], {
    byBarcode: (barcode) =>
      first(
        ctx.db
          .select(selected)
          .from(barcodes)
          .innerJoin(products, eq(products.id, barcodes.productId))
          .where(and(eq(barcodes.storeId, ctx.storeId), eq(barcodes.code, barcode))),
      ),
    byPlu: (plu) => ofStore(eq(products.plu, plu)),
  });
}
