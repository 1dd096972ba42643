import { eq } from 'drizzle-orm';
import { barcodes, products } from '../../db/schema';
import type { StaffContext } from '../core/context';
import { laneProductColumns } from './lane-catalog';

/** The whole catalog as the lane caches it, and the cursor its next download of changes starts from. */
export interface LaneCatalogSnapshot {
  /** The newest product's `updatedAt` (ISO), null for an empty catalog: what `lane.catalog`'s `changedSince` takes. */
  syncedAt: string | null;
  products: {
    id: string;
    code: string;
    nameZh: string;
    nameEn: string;
    pinyinInitials: string;
    departmentId: string;
    unit: 'each' | 'kg';
    priceFen: number;
    vatRateBps: number;
    plu: string | null;
    active: boolean;
    barcodes: string[];
  }[];
}

/**
 * The store's whole catalog in two queries, for a lane's first download: the same products (inactive ones too) and
 * barcodes `laneCatalog` pages through, without a round trip per page.
 */
export async function laneCatalogSnapshot(ctx: StaffContext): Promise<LaneCatalogSnapshot> {
  const rows = await ctx.db.select(laneProductColumns).from(products).where(eq(products.storeId, ctx.storeId));
  const codes = await ctx.db
    .select({ productId: barcodes.productId, code: barcodes.code })
    .from(barcodes)
    .where(eq(barcodes.storeId, ctx.storeId));
  const byProduct = new Map<string, string[]>();
  for (const { productId, code } of codes) {
    const held = byProduct.get(productId);
    if (held) held.push(code);
    else byProduct.set(productId, [code]);
  }
  let newest: Date | null = null;
  const snapshot: LaneCatalogSnapshot['products'] = [];
  for (const { updatedAt, ...product } of rows) {
    if (!newest || updatedAt > newest) newest = updatedAt;
    snapshot.push({ ...product, barcodes: byProduct.get(product.id) ?? [] });
  }
  return { syncedAt: newest?.toISOString() ?? null, products: snapshot };
}
