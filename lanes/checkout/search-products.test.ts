import { describe, expect, it } from 'vitest';
import { pinyinInitials } from '@/server/domain/pinyin';
import type { LaneProduct } from './cart';
import { searchProducts } from './search-products';

const product = (code: string, nameZh: string, nameEn: string, active = true): LaneProduct => ({
  id: code,
  code,
  nameZh,
  nameEn,
  pinyinInitials: pinyinInitials(nameZh),
  departmentId: 'd',
  unit: 'kg',
  priceFen: 100,
  vatRateBps: 900,
  plu: code,
  active,
  barcodes: [],
});

const catalog = [
  product('1001', '红富士苹果', 'Fuji Apples'),
  product('1002', '香蕉', 'Bananas'),
  product('1003', '阿克苏冰糖心苹果', 'Aksu Apples'),
  product('1004', '旧苹果', 'Old apples', false),
];

describe('lane product search', () => {
  it('finds by pinyin initials first, then by name, English name and code', () => {
    expect(searchProducts(catalog, 'hfs').map((p) => p.code)).toEqual(['1001']);
    expect(searchProducts(catalog, '苹果').map((p) => p.code)).toEqual(['1001', '1003']);
    expect(searchProducts(catalog, 'APPLES').map((p) => p.code)).toEqual(['1001', '1003']);
    expect(searchProducts(catalog, '1002').map((p) => p.code)).toEqual(['1002']);
    expect(searchProducts(catalog, '')).toEqual([]);
  });
});

describe('lane product search over a large catalog', () => {
  it('keeps the best matches by rank, then code, whatever order the catalog comes in', () => {
    const many = Array.from({ length: 500 }, (_, i) =>
      product(String(5000 - i).padStart(5, '0'), i % 2 ? '苹果汁' : '红富士苹果', 'Apples'),
    );
    const found = searchProducts(many, '苹果', 3).map((p) => p.code);
    expect(found).toEqual(['04501', '04502', '04503']);
    expect(searchProducts(many, 'pgz', 2).map((p) => p.code)).toEqual(['04501', '04503']);
    expect(searchProducts(many, 'hfs', 0)).toEqual([]);
  });
});
