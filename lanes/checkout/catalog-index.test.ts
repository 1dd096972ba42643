import { describe, expect, it } from 'vitest';
import type { LaneProduct } from './cart';
import { CatalogIndex } from './catalog-index';

const product = (id: string, overrides: Partial<LaneProduct> = {}): LaneProduct => ({
  id,
  code: `C${id}`,
  nameZh: '可口可乐 330ml',
  nameEn: 'Coca-Cola 330ml',
  pinyinInitials: 'kkkl',
  departmentId: 'd',
  unit: 'each',
  priceFen: 350,
  vatRateBps: 1300,
  plu: null,
  active: true,
  barcodes: [],
  ...overrides,
});

describe('the lane catalog in memory', () => {
  it('finds active products by any of their barcodes and by PLU, and searches them', () => {
    const index = new CatalogIndex();
    index.put([
      product('1', { barcodes: ['6901234567892', '69012346'] }),
      product('2', { plu: '1001', unit: 'kg', nameZh: '香蕉', nameEn: 'Bananas', pinyinInitials: 'xj' }),
      product('3', { barcodes: ['6900000000001'], active: false }),
    ]);
    expect(index.byBarcode('69012346')?.id).toBe('1');
    expect(index.byPlu('1001')?.id).toBe('2');
    expect(index.byBarcode('6900000000001')).toBeNull();
    expect(index.byId('3')?.active).toBe(false);
    expect(index.find('xj').map((p) => p.id)).toEqual(['2']);
    expect(index.size).toBe(3);
  });

  it('follows a barcode moved to another product and a product made inactive', () => {
    const index = new CatalogIndex();
    index.put([product('1', { barcodes: ['111', '222'] }), product('2', { plu: '1002' })]);
    index.put([product('1', { barcodes: ['111'] }), product('3', { barcodes: ['222'] })]);
    expect(index.byBarcode('222')?.id).toBe('3');
    expect(index.byBarcode('111')?.id).toBe('1');
    index.put([product('2', { plu: '1002', active: false })]);
    expect(index.byPlu('1002')).toBeNull();
    // The older product 1 must not take back barcode 222 from product 3 when it is replaced.
    index.put([product('1', { barcodes: ['111'], priceFen: 400 })]);
    expect(index.byBarcode('222')?.id).toBe('3');
    expect(index.byBarcode('111')?.priceFen).toBe(400);
  });

  it('keeps a copy it already holds when filling from an older read', () => {
    const index = new CatalogIndex();
    index.put([product('1', { priceFen: 500, barcodes: ['111'] })]);
    index.put([product('1', { priceFen: 350, barcodes: ['111'] }), product('2', { barcodes: ['222'] })], true);
    expect(index.byBarcode('111')?.priceFen).toBe(500);
    expect(index.byBarcode('222')?.id).toBe('2');
  });
});
