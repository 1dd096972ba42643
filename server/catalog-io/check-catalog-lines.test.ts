import { describe, expect, it } from 'vitest';
import type { RawLine } from './catalog-columns';
import { checkCatalogLines } from './check-catalog-lines';

const good = { code: 'A1', nameZh: '苹果', departmentCode: '10', unit: 'each', price: '3.50' };
const line = (n: number, cells: RawLine['cells']): RawLine => ({ line: n, cells: { ...good, ...cells } });

describe('checking catalog lines', () => {
  it('reads a good line, with blanks meaning “keep”', () => {
    const { valid, issues } = checkCatalogLines([
      line(2, { price: '￥１２.５', unit: 'KG', plu: '0042', vatRate: '9%' }),
    ]);
    expect(issues).toEqual([]);
    expect(valid).toEqual([
      {
        line: 2,
        code: 'A1',
        nameZh: '苹果',
        nameEn: null,
        departmentCode: '10',
        unit: 'kg',
        priceFen: 1250,
        costFen: null,
        vatRateBps: 900,
        barcodes: [],
        plu: '42',
        active: null,
      },
    ]);
  });

  it('reports every problem of a line by its line number and column', () => {
    const { valid, issues } = checkCatalogLines([
      line(2, {}),
      line(3, {
        code: 'A 2',
        nameZh: '',
        unit: 'box',
        price: '3.555',
        cost: '-1',
        vatRate: '17',
        barcodes: '6901939621609|ABC_1|123',
        plu: '1234567',
        active: 'maybe',
      }),
    ]);
    expect(valid.map((l) => l.line)).toEqual([2]);
    expect(issues).toEqual([
      { line: 3, column: 'code', code: 'bad-code' },
      { line: 3, column: 'nameZh', code: 'required' },
      { line: 3, column: 'unit', code: 'bad-unit', params: { value: 'box' } },
      { line: 3, column: 'price', code: 'bad-money', params: { value: '3.555' } },
      { line: 3, column: 'cost', code: 'bad-money', params: { value: '-1' } },
      { line: 3, column: 'vatRate', code: 'bad-vat-rate', params: { value: '17' } },
      { line: 3, column: 'barcodes', code: 'bad-check-digit', params: { barcode: '6901939621609' } },
      { line: 3, column: 'barcodes', code: 'bad-barcode-characters', params: { barcode: 'ABC_1' } },
      { line: 3, column: 'plu', code: 'bad-plu', params: { value: '1234567' } },
      { line: 3, column: 'active', code: 'bad-active', params: { value: 'maybe' } },
    ]);
  });

  it('finds a code, barcode or PLU given twice in the file on the later line', () => {
    const { valid, issues } = checkCatalogLines([
      line(2, { code: 'A1', barcodes: '6901939621608', plu: '7' }),
      line(3, { code: 'A1' }),
      line(4, { code: 'A3', barcodes: '06901233|6901939621608', plu: '007' }),
      line(5, { code: 'A4', barcodes: '06901233|06901233' }),
    ]);
    expect(valid.map((l) => l.line)).toEqual([2]);
    expect(issues).toEqual([
      { line: 3, column: 'code', code: 'code-on-other-line', params: { other: 2 } },
      { line: 4, column: 'barcodes', code: 'barcode-on-other-line', params: { barcode: '6901939621608', other: 2 } },
      { line: 4, column: 'plu', code: 'plu-on-other-line', params: { other: 2 } },
      { line: 5, column: 'barcodes', code: 'barcode-on-other-line', params: { barcode: '06901233', other: 4 } },
      { line: 5, column: 'barcodes', code: 'barcode-twice', params: { barcode: '06901233' } },
    ]);
  });

  it('refuses names with control characters or over the length', () => {
    const { issues } = checkCatalogLines([line(2, { nameZh: '苹\u0007果', nameEn: 'x'.repeat(81) })]);
    expect(issues).toEqual([
      { line: 2, column: 'nameZh', code: 'control-characters' },
      { line: 2, column: 'nameEn', code: 'too-long', params: { max: 80 } },
    ]);
  });
});
