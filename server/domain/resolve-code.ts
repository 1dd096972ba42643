import { parseEmbeddedBarcode, priceForWeight, type EmbeddedBarcodeLayout } from './embedded-barcode';

export interface CodeLookup<P> {
  byBarcode(code: string): Promise<P | null> | P | null;
  byPlu(plu: string): Promise<P | null> | P | null;
}

export type ResolvedCode<P> = { product: P; scannedCode: string } & (
  | { kind: 'barcode' }
  | { kind: 'plu' }
  | { kind: 'embedded-price'; labelTotalFen: number }
  | { kind: 'embedded-weight'; weightGrams: number; labelTotalFen: number }
);

/**
 * What a scanned or typed code sells, the same on lane and server: a product barcode first, then a
 * scale label (2x prefix, per the store's layouts), then a bare PLU. Null when nothing matches.
 */
export async function resolveCode<P extends { priceFen: number }>(
  code: string,
  layouts: readonly EmbeddedBarcodeLayout[],
  lookup: CodeLookup<P>,
): Promise<ResolvedCode<P> | null> {
  const byBarcode = await lookup.byBarcode(code);
  if (byBarcode) return { product: byBarcode, scannedCode: code, kind: 'barcode' };
  const embedded = parseEmbeddedBarcode(code, layouts);
  const plu = embedded?.plu ?? (/^[0-9]{1,6}$/.test(code) ? String(Number(code)) : null);
  if (plu === null) return null;
  const product = await lookup.byPlu(plu);
  if (!product) return null;
  if (!embedded) return { product, scannedCode: code, kind: 'plu' };
  if (embedded.valueKind === 'price') {
    return { product, scannedCode: code, kind: 'embedded-price', labelTotalFen: embedded.priceFen };
  }
  return {
    product,
    scannedCode: code,
    kind: 'embedded-weight',
    weightGrams: embedded.weightGrams,
    labelTotalFen: priceForWeight(product.priceFen, embedded.weightGrams),
  };
}

/** A code that names a weighed product without its weight (its PLU or its own barcode): the cashier weighs it first. */
export function needsWeighing<P extends { unit: 'each' | 'kg' }>(resolved: ResolvedCode<P>): boolean {
  return resolved.product.unit === 'kg' && (resolved.kind === 'plu' || resolved.kind === 'barcode');
}
