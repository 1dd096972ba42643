import { describe, expect, it } from 'vitest';
import { buildEmbeddedBarcode, defaultEmbeddedBarcodeLayouts } from './embedded-barcode';
import { needsWeighing, resolveCode } from './resolve-code';

interface Product {
  name: string;
  unit: 'each' | 'kg';
  priceFen: number;
}

const bananas: Product = { name: 'bananas', unit: 'kg', priceFen: 690 };
const cola: Product = { name: 'cola', unit: 'each', priceFen: 350 };
const byBarcode = new Map([
  ['6901234567892', bananas],
  ['6920152400012', cola],
]);
const byPlu = new Map([
  ['1003', bananas],
  ['2001', cola],
]);
const lookup = {
  byBarcode: (code: string) => byBarcode.get(code) ?? null,
  byPlu: (plu: string) => byPlu.get(plu) ?? null,
};
const [priceLayout, weightLayout] = defaultEmbeddedBarcodeLayouts as [
  (typeof defaultEmbeddedBarcodeLayouts)[0],
  (typeof defaultEmbeddedBarcodeLayouts)[0],
];
const resolve = async (code: string) => {
  const resolved = await resolveCode(code, defaultEmbeddedBarcodeLayouts, lookup);
  if (!resolved) throw new Error(`${code} resolves to nothing`);
  return resolved;
};

describe('needsWeighing', () => {
  it('asks for a weight when a weighed product is named by its PLU or by its own barcode', async () => {
    expect(needsWeighing(await resolve('1003'))).toBe(true);
    expect(needsWeighing(await resolve('6901234567892'))).toBe(true);
  });

  it('takes the weight from a scale label, by weight or by price', async () => {
    expect(needsWeighing(await resolve(buildEmbeddedBarcode(weightLayout, '1003', 1430)))).toBe(false);
    expect(needsWeighing(await resolve(buildEmbeddedBarcode(priceLayout, '1003', 987)))).toBe(false);
  });

  it('never asks for a weight of counted goods', async () => {
    expect(needsWeighing(await resolve('6920152400012'))).toBe(false);
    expect(needsWeighing(await resolve('2001'))).toBe(false);
  });
});
