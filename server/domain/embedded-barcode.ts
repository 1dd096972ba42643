import { z } from 'zod';
import { gtinCheckDigit } from './barcode';
import { roundHalfUpDiv } from './money';

export const embeddedBarcodeLayoutSchema = z
  .object({
    prefix: z.string().regex(/^2[0-9]?$/),
    itemDigits: z.number().int().min(4).max(6),
    valueKind: z.enum(['price', 'weight']),
    valueDigits: z.number().int().min(4).max(6),
  })
  .refine((l) => l.prefix.length + l.itemDigits + l.valueDigits + 1 === 13, {
    message: 'prefix + item + value digits + check digit must make 13 digits',
  });

export type EmbeddedBarcodeLayout = z.infer<typeof embeddedBarcodeLayoutSchema>;

export const defaultEmbeddedBarcodeLayouts: EmbeddedBarcodeLayout[] = [
  { prefix: '20', itemDigits: 5, valueKind: 'price', valueDigits: 5 },
  { prefix: '21', itemDigits: 5, valueKind: 'weight', valueDigits: 5 },
];

export type EmbeddedBarcode =
  { plu: string; valueKind: 'price'; priceFen: number } | { plu: string; valueKind: 'weight'; weightGrams: number };

function fitsThirteen(layout: EmbeddedBarcodeLayout): boolean {
  return layout.prefix.length + layout.itemDigits + layout.valueDigits + 1 === 13;
}

export function parseEmbeddedBarcode(code: string, layouts: readonly EmbeddedBarcodeLayout[]): EmbeddedBarcode | null {
  if (!/^[0-9]{13}$/.test(code)) return null;
  if (gtinCheckDigit(code.slice(0, 12)) !== Number(code.slice(12))) return null;

  let layout: EmbeddedBarcodeLayout | undefined;
  for (const candidate of layouts) {
    if (!fitsThirteen(candidate) || !code.startsWith(candidate.prefix)) continue;
    if (!layout || candidate.prefix.length > layout.prefix.length) layout = candidate;
  }
  if (!layout) return null;

  const itemStart = layout.prefix.length;
  const valueStart = itemStart + layout.itemDigits;
  const plu = String(Number(code.slice(itemStart, valueStart)));
  const value = Number(code.slice(valueStart, valueStart + layout.valueDigits));
  return layout.valueKind === 'price'
    ? { plu, valueKind: 'price', priceFen: value }
    : { plu, valueKind: 'weight', weightGrams: value };
}

export function buildEmbeddedBarcode(layout: EmbeddedBarcodeLayout, plu: string, value: number): string {
  const checked = embeddedBarcodeLayoutSchema.parse(layout);
  if (!/^[0-9]+$/.test(plu)) throw new Error(`PLU must be digits only, got "${plu}"`);
  const pluDigits = String(Number(plu));
  if (pluDigits.length > checked.itemDigits) {
    throw new RangeError(`PLU ${plu} does not fit in ${checked.itemDigits} digits`);
  }
  if (!Number.isSafeInteger(value) || value < 0 || String(value).length > checked.valueDigits) {
    throw new RangeError(`Value ${value} does not fit in ${checked.valueDigits} digits`);
  }
  const body =
    checked.prefix + pluDigits.padStart(checked.itemDigits, '0') + String(value).padStart(checked.valueDigits, '0');
  return body + String(gtinCheckDigit(body));
}

export function priceForWeight(unitPriceFenPerKg: number, weightGrams: number): number {
  return roundHalfUpDiv(unitPriceFenPerKg * weightGrams, 1000);
}

/**
 * The weight a price-embedded label stands for: total × 1000 ÷ price per kg, rounded half up to the gram.
 * Null when there is no price to divide by. Priced again, the weight may differ from the total by rounding.
 */
export function weightForPrice(unitPriceFenPerKg: number, labelTotalFen: number): number | null {
  if (unitPriceFenPerKg <= 0) return null;
  return roundHalfUpDiv(labelTotalFen * 1000, unitPriceFenPerKg);
}
