import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import { Readable } from 'node:stream';
import { CATALOG_COLUMNS, columnForHeader, type ColumnKey, type RawLine } from './catalog-columns';

export const MAX_IMPORT_LINES = 200_000;

export type FileIssue =
  | { code: 'unreadable' }
  | { code: 'bad-csv'; line: number }
  | { code: 'empty-file' }
  | { code: 'missing-column'; column: ColumnKey }
  | { code: 'duplicate-column'; column: ColumnKey }
  | { code: 'too-many-lines'; max: number };

export interface CatalogFile {
  format: 'csv' | 'xlsx';
  encoding: 'utf-8' | 'gbk' | null;
  lines: RawLine[];
  issues: FileIssue[];
}

const isZip = (bytes: Uint8Array) => bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04;

/** Reads an uploaded CSV (UTF-8 with or without BOM, or GBK as Excel saves it on Chinese Windows) or XLSX file. */
export async function readCatalogFile(bytes: Uint8Array): Promise<CatalogFile> {
  if (isZip(bytes)) return readXlsx(bytes);
  return readCsv(bytes);
}

/** UTF-8 when the bytes are valid UTF-8 (a GBK file of Chinese text practically never is), else GBK. */
export function decodeCsvText(bytes: Uint8Array): { text: string; encoding: 'utf-8' | 'gbk' } {
  const hasBom = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
  const body = hasBom ? bytes.subarray(3) : bytes;
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(body), encoding: 'utf-8' };
  } catch {
    return { text: iconv.decode(Buffer.from(body), 'gbk'), encoding: 'gbk' };
  }
}

function guessDelimiter(text: string): string {
  const firstLine = text.slice(0, Math.max(0, text.indexOf('\n')) || text.length);
  const counts = [',', ';', '\t'].map((d) => [d, firstLine.split(d).length] as const);
  return counts.reduce((best, next) => (next[1] > best[1] ? next : best))[0];
}

function readCsv(bytes: Uint8Array): CatalogFile {
  const { text, encoding } = decodeCsvText(bytes);
  let records: { record: string[]; info: { lines: number } }[];
  try {
    records = parse(text, {
      delimiter: guessDelimiter(text),
      info: true,
      relax_column_count: true,
      skip_empty_lines: true,
    }) as unknown as { record: string[]; info: { lines: number } }[];
  } catch (error) {
    const line = (error as { lines?: number }).lines ?? 1;
    return { format: 'csv', encoding, lines: [], issues: [{ code: 'bad-csv', line }] };
  }
  // csv-parse counts the line a record ends on; a quoted cell may span lines.
  const rows = records.map(({ record, info }) => ({
    line: info.lines - record.reduce((n, cell) => n + (cell.match(/\r\n|\r|\n/g)?.length ?? 0), 0),
    cells: record,
  }));
  return { format: 'csv', encoding, ...toLines(rows) };
}

function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if ('richText' in value) return value.richText.map((part) => part.text).join('');
  if ('formula' in value || 'sharedFormula' in value) {
    const result = (value as { result?: ExcelJS.CellValue }).result;
    return result === undefined || (typeof result === 'object' && result !== null && 'error' in result)
      ? ''
      : cellText(result);
  }
  if ('text' in value) return String(value.text);
  return '';
}

/** Streamed: loading a 100,000-row workbook whole takes several times as long. */
async function readXlsx(bytes: Uint8Array): Promise<CatalogFile> {
  const rows: { line: number; cells: string[] }[] = [];
  try {
    const reader = new ExcelJS.stream.xlsx.WorkbookReader(Readable.from(Buffer.from(bytes)), {
      sharedStrings: 'cache',
      hyperlinks: 'ignore',
      styles: 'ignore',
      worksheets: 'emit',
      entries: 'emit',
    });
    for await (const sheet of reader) {
      for await (const row of sheet as AsyncIterable<ExcelJS.Row>) {
        const values = (row.values as ExcelJS.CellValue[]).slice(1);
        rows.push({ line: row.number, cells: Array.from(values, (value) => cellText(value)) });
      }
      break;
    }
  } catch {
    return { format: 'xlsx', encoding: null, lines: [], issues: [{ code: 'unreadable' }] };
  }
  return { format: 'xlsx', encoding: null, ...toLines(rows) };
}

function toLines(rows: { line: number; cells: string[] }[]): { lines: RawLine[]; issues: FileIssue[] } {
  const [header, ...data] = rows;
  if (!header) return { lines: [], issues: [{ code: 'empty-file' }] };
  const issues: FileIssue[] = [];
  const keys: (ColumnKey | undefined)[] = [];
  const seen = new Set<ColumnKey>();
  header.cells.forEach((text, index) => {
    const key = columnForHeader(text);
    if (key && seen.has(key)) issues.push({ code: 'duplicate-column', column: key });
    else if (key) seen.add(key);
    keys[index] = key && keys.includes(key) ? undefined : key;
  });
  for (const column of CATALOG_COLUMNS) {
    if (column.required && !seen.has(column.key)) issues.push({ code: 'missing-column', column: column.key });
  }
  if (data.length > MAX_IMPORT_LINES) issues.push({ code: 'too-many-lines', max: MAX_IMPORT_LINES });
  if (issues.length > 0) return { lines: [], issues };
  const lines: RawLine[] = [];
  for (const row of data) {
    if (row.cells.every((cell) => cell.trim() === '')) continue;
    const cells: RawLine['cells'] = {};
    keys.forEach((key, index) => {
      if (key) cells[key] = row.cells[index] ?? '';
    });
    lines.push({ line: row.line, cells });
  }
  if (lines.length === 0) issues.push({ code: 'empty-file' });
  return { lines, issues };
}
