import { eq, sql } from 'drizzle-orm';
import { barcodes, products } from '../../db/schema';
import type { StaffContext } from '../core/context';
import type { LaneProduct } from '../domain/lane-product';

/** The whole catalog as the lane caches it, and the cursor its next download of changes starts from (the wire format). */
export interface LaneCatalogSnapshot {
  /** The newest product's `updatedAt` (ISO), null for an empty catalog: what `lane.catalog`'s `changedSince` takes. */
  syncedAt: string | null;
  products: LaneProduct[];
}

/**
 * The store's whole catalog as the JSON text of a `LaneCatalogSnapshot`, for a lane's first download: the products
 * (inactive ones too) and barcodes `laneCatalog` pages through, in one statement. PostgreSQL writes the JSON: with
 * 100,000 products that is about twice as fast as reading rows into objects and serialising them here.
 */
export async function laneCatalogSnapshotJson(ctx: StaffContext): Promise<string> {
  const codes = ctx.db
    .select({ productId: barcodes.productId, codes: sql<unknown>`json_agg(${barcodes.code})`.as('codes') })
    .from(barcodes)
    .where(eq(barcodes.storeId, ctx.storeId))
    .groupBy(barcodes.productId)
    .as('codes_by_product');
  const [snapshot] = await ctx.db
    .select({
      products: sql<string>`coalesce(json_agg(json_build_object(
        'id', ${products.id}, 'code', ${products.code}, 'nameZh', ${products.nameZh}, 'nameEn', ${products.nameEn},
        'pinyinInitials', ${products.pinyinInitials}, 'departmentId', ${products.departmentId}, 'unit', ${products.unit},
        'priceFen', ${products.priceFen}, 'vatRateBps', ${products.vatRateBps}, 'plu', ${products.plu},
        'active', ${products.active}, 'barcodes', coalesce(${codes.codes}, '[]'::json))), '[]')::text`,
      // Whole milliseconds, as the lane's cursor and `laneCatalog`'s pages carry them.
      newestMs: sql<string | null>`floor(extract(epoch from max(${products.updatedAt})) * 1000)::text`,
    })
    .from(products)
    .leftJoin(codes, eq(codes.productId, products.id))
    .where(eq(products.storeId, ctx.storeId));
  const syncedAt = snapshot?.newestMs ? new Date(Number(snapshot.newestMs)).toISOString() : null;
  return `{"syncedAt":${JSON.stringify(syncedAt)},"products":${snapshot?.products ?? '[]'}}`;
}
