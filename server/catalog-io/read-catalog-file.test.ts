import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { checkCatalogLines } from './check-catalog-lines';
import { readCatalogFile } from './read-catalog-file';
import { catalogRow, writeCatalogCsv, writeCatalogXlsx } from './write-catalog-file';

const ZH_HEADER = '编码,中文名称,英文名称,部门编码,销售单位,售价（元）,进价（元）,税率（%）,条码,PLU 码,在售';
const EN_HEADER = 'code,name_zh,name_en,department_code,unit,price (yuan),cost (yuan),vat_rate (%),barcodes,plu,active';
const utf8 = (text: string) => new Uint8Array(Buffer.from(text, 'utf8'));

describe('reading catalog files', () => {
  it('reads Chinese headers, a BOM and a quoted name with a comma', async () => {
    const file = await readCatalogFile(
      utf8(`\uFEFF${ZH_HEADER}\r\n200101,"可口可乐, 500ml",Coke,30,each,3.50,2.60,13,6901939621608,,是\r\n`),
    );
    expect(file).toMatchObject({ format: 'csv', encoding: 'utf-8', issues: [] });
    expect(file.lines).toEqual([
      {
        line: 2,
        cells: expect.objectContaining({ code: '200101', nameZh: '可口可乐, 500ml', price: '3.50', active: '是' }),
      },
    ]);
  });

  it('reads English headers in any order and any case, and ignores unknown columns', async () => {
    const file = await readCatalogFile(utf8('Price,Code,Note,Name_ZH,Department_Code,Unit\n3.5,A1,x,苹果,10,each\n'));
    expect(file.issues).toEqual([]);
    expect(file.lines[0]?.cells).toEqual({
      price: '3.5',
      code: 'A1',
      nameZh: '苹果',
      departmentCode: '10',
      unit: 'each',
    });
  });

  it('reads a GBK file as Excel saves it on Chinese Windows', async () => {
    const bytes = iconv.encode(`${ZH_HEADER}\r\n200102,农夫山泉 550ml,,30,件,2,1.2,13,,,是\r\n`, 'gbk');
    const file = await readCatalogFile(new Uint8Array(bytes));
    expect(file.encoding).toBe('gbk');
    expect(file.lines[0]?.cells).toMatchObject({ nameZh: '农夫山泉 550ml', unit: '件' });
  });

  it('reads semicolon-separated files and numbers lines as the file shows them, skipping blank lines', async () => {
    const file = await readCatalogFile(
      utf8(`code;name_zh;department_code;unit;price\nA1;"多行\n名称";10;each;1\n\nA2;梨;10;each;2\n`),
    );
    expect(file.lines.map((l) => [l.line, l.cells.code])).toEqual([
      [2, 'A1'],
      [5, 'A2'],
    ]);
  });

  it('names a missing required column and a repeated one', async () => {
    const file = await readCatalogFile(utf8('code,编码,name_zh,unit\nA,B,C,each\n'));
    expect(file.issues).toEqual([
      { code: 'duplicate-column', column: 'code' },
      { code: 'missing-column', column: 'departmentCode' },
      { code: 'missing-column', column: 'price' },
    ]);
  });

  it('says where an unclosed quote breaks the CSV', async () => {
    const file = await readCatalogFile(utf8(`${EN_HEADER}\nA1,"苹果,,10,each,1\n`));
    expect(file.issues).toEqual([{ code: 'bad-csv', line: 2 }]);
  });

  it('reads back what it writes, as CSV and as XLSX, in both header languages', async () => {
    const rows = [
      catalogRow(
        {
          code: '0012',
          nameZh: '散装苹果',
          nameEn: 'Apples, loose',
          departmentCode: '10',
          unit: 'kg',
          priceFen: 1290,
          costFen: 800,
          vatRateBps: 900,
          barcodes: ['06901233', '6901939621608'],
          plu: '12',
          active: true,
        },
        'zh',
      ),
    ];
    for (const bytes of [
      writeCatalogCsv(rows, 'zh'),
      writeCatalogCsv(rows, 'en'),
      await writeCatalogXlsx(rows, 'zh'),
      await writeCatalogXlsx(rows, 'en'),
    ]) {
      const file = await readCatalogFile(new Uint8Array(bytes));
      expect(file.issues).toEqual([]);
      const { valid, issues } = checkCatalogLines(file.lines);
      expect(issues).toEqual([]);
      expect(valid).toEqual([
        {
          line: 2,
          code: '0012',
          nameZh: '散装苹果',
          nameEn: 'Apples, loose',
          departmentCode: '10',
          unit: 'kg',
          priceFen: 1290,
          costFen: 800,
          vatRateBps: 900,
          barcodes: [
            { code: '06901233', kind: 'ean8' },
            { code: '6901939621608', kind: 'ean13' },
          ],
          plu: '12',
          active: true,
        },
      ]);
    }
  });

  it('refuses a file that is neither CSV text nor a workbook', async () => {
    const file = await readCatalogFile(new Uint8Array([0x50, 0x4b, 0x03, 0x04, 1, 2, 3]));
    expect(file.issues).toEqual([{ code: 'unreadable' }]);
  });
});
