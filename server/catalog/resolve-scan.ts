import { and, eq } from 'drizzle-orm';
import { z } from 'zod';
import { barcodes, products, stores } from '../../db/schema';
import type { StaffContext } from '../core/context';
import { DomainError, notFound } from '../core/errors';
import { parseEmbeddedBarcode, priceForWeight } from '../domain/embedded-barcode';

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

export type ScanResult = {
  product: {
    id: string;
    code: string;
    nameZh: string;
    nameEn: string;
    unit: 'each' | 'kg';
    priceFen: number;
    vatRateBps: number;
    departmentId: string;
  };
  scannedCode: string;
} & (
  | { kind: 'barcode' }
  | { kind: 'plu' }
  | { kind: 'embedded-price'; lineTotalFen: number }
  | { kind: 'embedded-weight'; weightGrams: number; lineTotalFen: number }
);

/**
 * What a scanned or typed code sells: a product barcode first, then a scale label (2x prefix,
 * per the store's layouts), then a PLU. Unknown codes are a clear NOT_FOUND.
 */
export async function resolveScan(ctx: StaffContext, rawInput: ResolveScanInput): Promise<ScanResult> {
  const { code } = ResolveScanInput.parse(rawInput);
  const [byBarcode] = await ctx.db
    .select(scanColumns)
    .from(barcodes)
    .innerJoin(products, eq(products.id, barcodes.productId))
    .where(and(eq(barcodes.storeId, ctx.storeId), eq(barcodes.code, code)));
  if (byBarcode) return { product: sellable(byBarcode), scannedCode: code, kind: 'barcode' };

  const [store] = await ctx.db
    .select({ layouts: stores.embeddedBarcodeLayouts })
    .from(stores)
    .where(eq(stores.id, ctx.storeId));
  const embedded = parseEmbeddedBarcode(code, store?.layouts ?? []);
  const plu = embedded?.plu ?? (/^[0-9]{1,6}$/.test(code) ? String(Number(code)) : null);
  if (plu !== null) {
    const [byPlu] = await ctx.db
      .select(scanColumns)
      .from(products)
      .where(and(eq(products.storeId, ctx.storeId), eq(products.plu, plu)));
    if (byPlu) {
      const product = sellable(byPlu);
      if (!embedded) return { product, scannedCode: code, kind: 'plu' };
      if (embedded.valueKind === 'price')
        return { product, scannedCode: code, kind: 'embedded-price', lineTotalFen: embedded.priceFen };
      return {
        product,
        scannedCode: code,
        kind: 'embedded-weight',
        weightGrams: embedded.weightGrams,
        lineTotalFen: priceForWeight(product.priceFen, embedded.weightGrams),
      };
    }
  }
  throw notFound('barcode');
}

function sellable<T extends { active: boolean }>(row: T): Omit<T, 'active'> {
  if (!row.active) throw new DomainError('INVALID', 'product.inactive', 'This product is not for sale');
  const { active: _active, ...product } = row;
  return product;
}
