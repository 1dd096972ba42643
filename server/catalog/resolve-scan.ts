import { and, eq } from 'drizzle-orm';
import { z } from 'zod';
import { barcodes, products, stores } from '../../db/schema';
import type { StaffContext } from '../core/context';
import { DomainError, notFound } from '../core/errors';
import { resolveCode, type ResolvedCode } from '../domain/resolve-code';

export const ResolveScanInput = z.object({ code: z.string().trim().min(1).max(32) });
export type ResolveScanInput = z.input<typeof ResolveScanInput>;

const scanColumns = {
  id: products.id,
  code: products.code,
  nameZh: products.nameZh,
  nameEn: products.nameEn,
  unit: products.unit,
  priceFen: products.priceFen,
  vatRateBps: products.vatRateBps,
  departmentId: products.departmentId,
  active: products.active,
};

type ScanProduct = { [K in keyof typeof scanColumns]: (typeof scanColumns)[K]['_']['data'] };

/** The server's answer to a scanned code, with the store's scale layouts; unknown codes are a clear NOT_FOUND. */
export async function resolveScan(ctx: StaffContext, rawInput: ResolveScanInput): Promise<ResolvedCode<ScanProduct>> {
  const { code } = ResolveScanInput.parse(rawInput);
  const [store] = await ctx.db
    .select({ layouts: stores.embeddedBarcodeLayouts })
    .from(stores)
    .where(eq(stores.id, ctx.storeId));
  const resolved = await resolveCode<ScanProduct>(code, store?.layouts ?? [], {
    byBarcode: async (barcode) => {
      const [row] = await ctx.db
        .select(scanColumns)
        .from(barcodes)
        .innerJoin(products, eq(products.id, barcodes.productId))
        .where(and(eq(barcodes.storeId, ctx.storeId), eq(barcodes.code, barcode)));
      return row ?? null;
    },
    byPlu: async (plu) => {
      const [row] = await ctx.db
        .select(scanColumns)
        .from(products)
        .where(and(eq(products.storeId, ctx.storeId), eq(products.plu, plu)));
      return row ?? null;
    },
  });
  if (!resolved) throw notFound('barcode');
  if (!resolved.product.active) throw new DomainError('INVALID', 'product.inactive', 'This product is not for sale');
  return resolved;
}
