/** The one column layout of catalog import and export; a file may use the Chinese or the English headers. */
export const CATALOG_COLUMNS = [
  { key: 'code', zh: '编码', en: 'code', required: true, aliases: ['商品编码', 'item_code'] },
  { key: 'nameZh', zh: '中文名称', en: 'name_zh', required: true, aliases: ['名称', '商品名称'] },
  { key: 'nameEn', zh: '英文名称', en: 'name_en', required: false, aliases: [] },
  { key: 'departmentCode', zh: '部门编码', en: 'department_code', required: true, aliases: ['部门'] },
  { key: 'unit', zh: '销售单位', en: 'unit', required: true, aliases: ['单位'] },
  { key: 'price', zh: '售价（元）', en: 'price (yuan)', required: true, aliases: ['price_yuan'] },
  { key: 'cost', zh: '进价（元）', en: 'cost (yuan)', required: false, aliases: ['cost_yuan'] },
  { key: 'vatRate', zh: '税率（%）', en: 'vat_rate (%)', required: false, aliases: ['vat_rate'] },
  { key: 'barcodes', zh: '条码', en: 'barcodes', required: false, aliases: ['barcode'] },
  { key: 'plu', zh: 'PLU 码', en: 'plu', required: false, aliases: [] },
  { key: 'active', zh: '在售', en: 'active', required: false, aliases: [] },
] as const;

export type ColumnKey = (typeof CATALOG_COLUMNS)[number]['key'];
export type HeaderLanguage = 'zh' | 'en';

/** `售价（元）`, `售价(元)`, `Price (yuan)`, `price_yuan` and `price` all name one column. */
export function normalizeHeader(text: string): string {
  return text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/\(.*?\)/g, '')
    .replace(/[\s_-]+/g, '');
}

const COLUMN_BY_HEADER = new Map<string, ColumnKey>(
  CATALOG_COLUMNS.flatMap((column) =>
    [column.zh, column.en, column.key, ...column.aliases].map((name) => [normalizeHeader(name), column.key] as const),
  ),
);

export const columnForHeader = (header: string): ColumnKey | undefined => COLUMN_BY_HEADER.get(normalizeHeader(header));

export const headerRow = (language: HeaderLanguage): string[] => CATALOG_COLUMNS.map((column) => column[language]);

/** One data line of a file: its line (row) number as the user sees it, and its cells by column. */
export interface RawLine {
  line: number;
  cells: Partial<Record<ColumnKey, string>>;
}
