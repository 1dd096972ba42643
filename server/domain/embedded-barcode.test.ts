import { describe, it, expect } from 'vitest';
import { isValidGtin } from './barcode';
import {
  buildEmbeddedBarcode,
  defaultEmbeddedBarcodeLayouts,
  embeddedBarcodeLayoutSchema,
  parseEmbeddedBarcode,
  priceForWeight,
  weightForPrice,
  type EmbeddedBarcodeLayout,
} from './embedded-barcode';

const [priceLayout, weightLayout] = defaultEmbeddedBarcodeLayouts as [EmbeddedBarcodeLayout, EmbeddedBarcodeLayout];
const wideWeightLayout: EmbeddedBarcodeLayout = { prefix: '22', itemDigits: 4, valueKind: 'weight', valueDigits: 6 };

describe('defaultEmbeddedBarcodeLayouts', () => {
  it('are price on 20 and weight on 21, 5+5 digits', () => {
    expect(defaultEmbeddedBarcodeLayouts).toEqual([
      { prefix: '20', itemDigits: 5, valueKind: 'price', valueDigits: 5 },
      { prefix: '21', itemDigits: 5, valueKind: 'weight', valueDigits: 5 },
    ]);
    for (const layout of defaultEmbeddedBarcodeLayouts) {
      expect(embeddedBarcodeLayoutSchema.safeParse(layout).success).toBe(true);
    }
  });
});

describe('embeddedBarcodeLayoutSchema', () => {
  it('accepts layouts that add up to 13 digits', () => {
    expect(embeddedBarcodeLayoutSchema.safeParse(wideWeightLayout).success).toBe(true);
    expect(
      embeddedBarcodeLayoutSchema.safeParse({ prefix: '2', itemDigits: 6, valueKind: 'price', valueDigits: 5 }).success,
    ).toBe(true);
  });

  it('rejects layouts that do not', () => {
    const result = embeddedBarcodeLayoutSchema.safeParse({
      prefix: '20',
      itemDigits: 6,
      valueKind: 'price',
      valueDigits: 5,
    });
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.message).toBe('prefix + item + value digits + check digit must make 13 digits');
  });

  it('requires a 2x prefix', () => {
    expect(embeddedBarcodeLayoutSchema.safeParse({ ...priceLayout, prefix: '30' }).success).toBe(false);
    expect(embeddedBarcodeLayoutSchema.safeParse({ ...priceLayout, prefix: '200' }).success).toBe(false);
  });
});

describe('buildEmbeddedBarcode', () => {
  it('builds valid EAN-13s with zero-padded fields', () => {
    expect(buildEmbeddedBarcode(priceLayout, '123', 1599)).toBe('2000123015996');
    expect(buildEmbeddedBarcode(weightLayout, '42', 1250)).toBe('2100042012509');
    expect(buildEmbeddedBarcode(wideWeightLayout, '7', 123456)).toBe('2200071234566');
    expect(isValidGtin('2000123015996')).toBe(true);
  });

  it('accepts a PLU that already has leading zeros', () => {
    expect(buildEmbeddedBarcode(priceLayout, '00123', 1599)).toBe('2000123015996');
  });

  it('throws when the PLU or value does not fit', () => {
    expect(() => buildEmbeddedBarcode(priceLayout, '123456', 100)).toThrow();
    expect(() => buildEmbeddedBarcode(priceLayout, '12a', 100)).toThrow();
    expect(() => buildEmbeddedBarcode(priceLayout, '', 100)).toThrow();
    expect(() => buildEmbeddedBarcode(priceLayout, '1', 100_000)).toThrow();
    expect(() => buildEmbeddedBarcode(priceLayout, '1', -1)).toThrow();
    expect(() => buildEmbeddedBarcode(priceLayout, '1', 1.5)).toThrow();
    expect(() => buildEmbeddedBarcode(wideWeightLayout, '12345', 1)).toThrow();
  });

  it('throws for an invalid layout', () => {
    expect(() => buildEmbeddedBarcode({ ...priceLayout, itemDigits: 6 }, '1', 1)).toThrow();
  });
});

describe('parseEmbeddedBarcode', () => {
  it('parses a price-embedded code', () => {
    expect(parseEmbeddedBarcode('2000123015996', defaultEmbeddedBarcodeLayouts)).toEqual({
      plu: '123',
      valueKind: 'price',
      priceFen: 1599,
    });
  });

  it('parses a weight-embedded code', () => {
    expect(parseEmbeddedBarcode('2100042012509', defaultEmbeddedBarcodeLayouts)).toEqual({
      plu: '42',
      valueKind: 'weight',
      weightGrams: 1250,
    });
  });

  it('round-trips through build and parse for every layout', () => {
    const cases: [EmbeddedBarcodeLayout, string, number][] = [
      [priceLayout, '1', 0],
      [priceLayout, '99999', 99_999],
      [priceLayout, '10203', 850],
      [weightLayout, '0', 1],
      [weightLayout, '54321', 99_999],
      [wideWeightLayout, '9999', 999_999],
      [wideWeightLayout, '305', 2_500],
    ];
    const layouts = [...defaultEmbeddedBarcodeLayouts, wideWeightLayout];
    for (const [layout, plu, value] of cases) {
      const code = buildEmbeddedBarcode(layout, plu, value);
      expect(code).toHaveLength(13);
      expect(code.startsWith(layout.prefix)).toBe(true);
      expect(isValidGtin(code)).toBe(true);
      const expected =
        layout.valueKind === 'price'
          ? { plu, valueKind: 'price', priceFen: value }
          : { plu, valueKind: 'weight', weightGrams: value };
      expect(parseEmbeddedBarcode(code, layouts)).toEqual(expected);
    }
  });

  it('strips leading zeros from the PLU but keeps "0"', () => {
    expect(parseEmbeddedBarcode(buildEmbeddedBarcode(priceLayout, '00000', 100), [priceLayout])?.plu).toBe('0');
    expect(parseEmbeddedBarcode(buildEmbeddedBarcode(priceLayout, '01000', 100), [priceLayout])?.plu).toBe('1000');
  });

  it('lets the longest matching prefix win regardless of order', () => {
    const catchAll: EmbeddedBarcodeLayout = { prefix: '2', itemDigits: 6, valueKind: 'price', valueDigits: 5 };
    const code = buildEmbeddedBarcode(weightLayout, '42', 1250);
    const weight = { plu: '42', valueKind: 'weight', weightGrams: 1250 };
    expect(parseEmbeddedBarcode(code, [catchAll, weightLayout])).toEqual(weight);
    expect(parseEmbeddedBarcode(code, [weightLayout, catchAll])).toEqual(weight);
    // Without the 21 layout the one-digit prefix reads the same digits as a 6-digit PLU.
    expect(parseEmbeddedBarcode(code, [catchAll])).toEqual({ plu: '100042', valueKind: 'price', priceFen: 1250 });
  });

  it('returns null for non-matching prefixes', () => {
    expect(parseEmbeddedBarcode('4006381333931', defaultEmbeddedBarcodeLayouts)).toBeNull();
    expect(
      parseEmbeddedBarcode(buildEmbeddedBarcode(wideWeightLayout, '7', 5), defaultEmbeddedBarcodeLayouts),
    ).toBeNull();
    expect(parseEmbeddedBarcode('2000123015996', [])).toBeNull();
  });

  it('returns null for a wrong check digit', () => {
    expect(parseEmbeddedBarcode('2000123015997', defaultEmbeddedBarcodeLayouts)).toBeNull();
    expect(parseEmbeddedBarcode('2100042012500', defaultEmbeddedBarcodeLayouts)).toBeNull();
  });

  it('returns null for anything that is not 13 digits', () => {
    expect(parseEmbeddedBarcode('200012301599', defaultEmbeddedBarcodeLayouts)).toBeNull();
    expect(parseEmbeddedBarcode('20001230159960', defaultEmbeddedBarcodeLayouts)).toBeNull();
    expect(parseEmbeddedBarcode(' 2000123015996', defaultEmbeddedBarcodeLayouts)).toBeNull();
    expect(parseEmbeddedBarcode('200012301599A', defaultEmbeddedBarcodeLayouts)).toBeNull();
    expect(parseEmbeddedBarcode('', defaultEmbeddedBarcodeLayouts)).toBeNull();
  });
});

describe('priceForWeight', () => {
  it('multiplies the per-kg price by the weight', () => {
    expect(priceForWeight(1000, 1000)).toBe(1000);
    expect(priceForWeight(2580, 500)).toBe(1290);
    expect(priceForWeight(1999, 0)).toBe(0);
  });

  it('rounds half up to the fen', () => {
    // 1290 fen/kg * 0.123 kg = 158.67 fen
    expect(priceForWeight(1290, 123)).toBe(159);
    // 1 fen/kg * 500 g = 0.5 fen
    expect(priceForWeight(1, 500)).toBe(1);
    expect(priceForWeight(1, 499)).toBe(0);
    expect(priceForWeight(3, 500)).toBe(2);
    // 2999 * 250 / 1000 = 749.75
    expect(priceForWeight(2999, 250)).toBe(750);
    // 1001 * 500 / 1000 = 500.5
    expect(priceForWeight(1001, 500)).toBe(501);
  });
});

describe('weightForPrice', () => {
  it('is the label total divided by the price per kg, in grams', () => {
    // ¥9.87 of bananas at ¥6.90/kg: 987 × 1000 / 690 = 1430.43 g
    expect(weightForPrice(690, 987)).toBe(1430);
    expect(weightForPrice(1290, 1290)).toBe(1000);
    expect(weightForPrice(1290, 0)).toBe(0);
  });

  it('rounds half up to the gram', () => {
    // 1 × 1000 / 2000 = 0.5 g
    expect(weightForPrice(2000, 1)).toBe(1);
    // 3 × 1000 / 2001 = 1.4993 g
    expect(weightForPrice(2001, 3)).toBe(1);
    // 2 × 1000 / 1600 = 1.25 g; 7 × 1000 / 2800 = 2.5 g
    expect(weightForPrice(1600, 2)).toBe(1);
    expect(weightForPrice(2800, 7)).toBe(3);
  });

  it('tells no weight without a price', () => {
    expect(weightForPrice(0, 987)).toBeNull();
  });

  it('gives back the weight a weight label was priced from whenever a gram costs more than a fen', () => {
    for (const price of [1001, 1290, 3990]) {
      for (const grams of [1, 37, 999, 1430, 25_000]) {
        expect(weightForPrice(price, priceForWeight(price, grams))).toBe(grams);
      }
    }
  });
});
