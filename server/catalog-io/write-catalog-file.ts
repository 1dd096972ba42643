import ExcelJS from 'exceljs';
import { formatFen } from '../domain/money';
import { CATALOG_COLUMNS, headerRow, type ColumnKey, type HeaderLanguage } from './catalog-columns';

export type CatalogRow = Record<ColumnKey, string>;

/** A product in the file's words: yuan with two decimals, VAT in percent, barcodes joined by `|`. */
export function catalogRow(
  p: {
    code: string;
    nameZh: string;
    nameEn: string;
    departmentCode: string;
    unit: 'each' | 'kg';
    priceFen: number;
    costFen: number;
    vatRateBps: number;
    barcodes: string[];
    plu: string | null;
    active: boolean;
  },
  language: HeaderLanguage,
): CatalogRow {
  return {
    code: p.code,
    nameZh: p.nameZh,
    nameEn: p.nameEn,
    departmentCode: p.departmentCode,
    unit: p.unit,
    price: formatFen(p.priceFen),
    cost: formatFen(p.costFen),
    vatRate: String(p.vatRateBps / 100),
    barcodes: p.barcodes.join('|'),
    plu: p.plu ?? '',
    active: language === 'zh' ? (p.active ? '是' : '否') : p.active ? 'yes' : 'no',
  };
}

const csvCell = (value: string) =>
  /[",\r\n]/.test(value) || /^\s|\s$/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;

/** UTF-8 with a BOM and CRLF, which Excel opens with the Chinese intact. */
export function writeCatalogCsv(rows: readonly CatalogRow[], language: HeaderLanguage): Buffer {
  const lines = [headerRow(language).map(csvCell).join(',')];
  for (const row of rows) lines.push(CATALOG_COLUMNS.map((c) => csvCell(row[c.key])).join(','));
  return Buffer.from(`\uFEFF${lines.join('\r\n')}\r\n`, 'utf8');
}

const NUMERIC: ReadonlySet<ColumnKey> = new Set(['price', 'cost', 'vatRate']);

/** Codes, barcodes and PLUs as text cells, so Excel keeps their leading zeros; money and rates as numbers. */
export async function writeCatalogXlsx(rows: readonly CatalogRow[], language: HeaderLanguage): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet(language === 'zh' ? '商品' : 'Products');
  sheet.columns = CATALOG_COLUMNS.map((c) => ({
    header: c[language],
    key: c.key,
    width: c.key === 'nameZh' || c.key === 'nameEn' || c.key === 'barcodes' ? 28 : 14,
    style: NUMERIC.has(c.key) ? { numFmt: c.key === 'vatRate' ? '0' : '0.00' } : { numFmt: '@' },
  }));
  for (const row of rows) {
    sheet.addRow(
      Object.fromEntries(CATALOG_COLUMNS.map((c) => [c.key, NUMERIC.has(c.key) ? Number(row[c.key]) : row[c.key]])),
    );
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
