import { describe, expect, it } from 'vitest';
import { isValidGtin } from '../../server/domain/barcode';
import { DEMO_DEPARTMENTS, generateDemoCatalog, generateLargeCatalog } from './catalog-data';
import { BRANDS } from './catalog-vocabulary';

describe('demo catalog', () => {
  const catalog = generateDemoCatalog();

  it('has 2,000 products and is the same every time', () => {
    expect(catalog).toHaveLength(2000);
    expect(generateDemoCatalog()).toEqual(catalog);
  });

  it('has unique codes, names, barcodes and PLUs, and every barcode is valid', () => {
    const barcodes = catalog.flatMap((p) => p.barcodes.map((b) => b.code));
    const plus = catalog.flatMap((p) => (p.plu ? [p.plu] : []));
    expect(new Set(catalog.map((p) => p.code)).size).toBe(catalog.length);
    expect(new Set(catalog.map((p) => p.nameZh)).size).toBe(catalog.length);
    expect(new Set(barcodes).size).toBe(barcodes.length);
    expect(new Set(plus).size).toBe(plus.length);
    expect(barcodes.filter((code) => !isValidGtin(code))).toEqual([]);
    expect(catalog.flatMap((p) => p.barcodes).some((b) => b.kind === 'ean8')).toBe(true);
  });

  it('sells weighed goods by the kilo with a PLU and no barcode, and everything else by the piece with one', () => {
    const weighed = catalog.filter((p) => p.unit === 'kg');
    expect(weighed.length).toBeGreaterThanOrEqual(60);
    for (const p of weighed) {
      expect(p.plu).toMatch(/^[0-9]{4,5}$/);
      expect(p.barcodes).toEqual([]);
    }
    for (const p of catalog.filter((p) => p.unit === 'each')) expect(p.barcodes.length).toBeGreaterThan(0);
  });

  it('stocks every department, with prices above cost', () => {
    for (const department of DEMO_DEPARTMENTS) {
      expect(catalog.filter((p) => p.departmentCode === department.code).length, department.nameZh).toBeGreaterThan(30);
    }
    for (const p of catalog) {
      expect(Number.isInteger(p.priceFen) && p.priceFen > 0).toBe(true);
      expect(p.costFen).toBeLessThan(p.priceFen);
    }
  });

  it('applies China VAT: 9% on farm produce, grain, oil and milk; 13% on drinks and household goods', () => {
    const byName = (fragment: string) => catalog.find((p) => p.nameZh.includes(fragment));
    expect(byName('西红柿')?.vatRateBps).toBe(900);
    expect(byName('东北大米')?.vatRateBps).toBe(900);
    expect(byName('纯牛奶')?.vatRateBps).toBe(900);
    expect(byName('可口可乐 330ml')?.vatRateBps).toBe(1300);
    expect(byName('可口可乐可乐')).toBeUndefined();
    expect(byName('洗洁精')?.vatRateBps).toBe(1300);
    expect(byName('原味酸奶')?.vatRateBps).toBe(1300);
  });

  it('gives every brand its own GS1 company prefix', () => {
    const prefixes = Object.values(BRANDS).map((b) => b.gs1);
    expect(new Set(prefixes).size).toBe(prefixes.length);
  });
});

describe('large catalog', () => {
  it('streams 200,000 products with unique codes, barcodes and PLUs', () => {
    const codes = new Set<string>();
    const barcodes = new Set<string>();
    const plus = new Set<string>();
    let count = 0;
    for (const p of generateLargeCatalog(200_000)) {
      count++;
      codes.add(p.code);
      if (p.plu) plus.add(p.plu);
      for (const b of p.barcodes) barcodes.add(b.code);
    }
    expect(count).toBe(200_000);
    expect(codes.size).toBe(200_000);
    const weighed = [...generateLargeCatalog(2000)].filter((p) => p.unit === 'kg').length;
    expect(plus.size).toBeGreaterThan(weighed * 90);
    expect(barcodes.size + plus.size).toBe(200_000);
  });

  it('does not collide across ranges generated with an offset', () => {
    const first = new Set([...generateLargeCatalog(5000)].map((p) => p.code));
    const second = [...generateLargeCatalog(5000, 5000)];
    expect(second.filter((p) => first.has(p.code))).toEqual([]);
    expect(second.every((p) => p.barcodes.every((b) => isValidGtin(b.code)))).toBe(true);
  });
});
