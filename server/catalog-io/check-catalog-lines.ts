import { validateBarcode, type BarcodeKind } from '../domain/barcode';
import { parseYuan } from '../domain/money';
import { VAT_RATES_BPS } from '../domain/vat';
import type { ColumnKey, RawLine } from './catalog-columns';

export type IssueCode =
  | 'required'
  | 'too-long'
  | 'bad-code'
  | 'control-characters'
  | 'bad-unit'
  | 'bad-money'
  | 'bad-vat-rate'
  | 'bad-barcode-characters'
  | 'bad-barcode-length'
  | 'bad-check-digit'
  | 'barcode-twice'
  | 'barcode-on-other-line'
  | 'barcode-taken'
  | 'bad-plu'
  | 'plu-required'
  | 'unit-change-with-stock'
  | 'plu-on-other-line'
  | 'plu-taken'
  | 'bad-active'
  | 'code-on-other-line'
  | 'unknown-department';

/** What is wrong with one cell, said as a code the screen words in the user's language. */
export interface CellIssue {
  line: number;
  column: ColumnKey;
  code: IssueCode;
  params?: Record<string, string | number>;
}

/** One line that reads correctly. Null means the cell was blank: keep the product's value (or the default when new). */
export interface ImportLine {
  line: number;
  code: string;
  nameZh: string;
  nameEn: string | null;
  departmentCode: string;
  unit: 'each' | 'kg';
  priceFen: number;
  costFen: number | null;
  vatRateBps: number | null;
  barcodes: { code: string; kind: BarcodeKind }[];
  plu: string | null;
  active: boolean | null;
}

const MAX_FEN = 99_999_999;
const CONTROL = /\p{Cc}/u;
const UNITS: Record<string, 'each' | 'kg'> = {
  each: 'each',
  ea: 'each',
  pcs: 'each',
  pc: 'each',
  piece: 'each',
  件: 'each',
  个: 'each',
  kg: 'kg',
  公斤: 'kg',
  千克: 'kg',
  称重: 'kg',
  weighed: 'kg',
};
const ACTIVE: Record<string, boolean> = {
  yes: true,
  y: true,
  true: true,
  '1': true,
  是: true,
  在售: true,
  no: false,
  n: false,
  false: false,
  '0': false,
  否: false,
  停售: false,
};

const text = (raw: string | undefined) => (raw ?? '').normalize('NFKC').trim();

function money(raw: string): number | null {
  const fen = parseYuan(raw.replace(/^[¥￥]/, '').replace(/,/g, ''));
  return fen !== null && fen <= MAX_FEN ? fen : null;
}

function vatRate(raw: string): number | null {
  const percent = Number(raw.replace(/%$/, ''));
  const bps = Math.round(percent * 100);
  return raw !== '' && Number.isFinite(percent) && (VAT_RATES_BPS as readonly number[]).includes(bps) ? bps : null;
}

/** Reads every line on its own and then across lines (a code, barcode or PLU twice in the file); reports every problem. */
export function checkCatalogLines(lines: readonly RawLine[]): { valid: ImportLine[]; issues: CellIssue[] } {
  const issues: CellIssue[] = [];
  const valid: ImportLine[] = [];
  const codeLine = new Map<string, number>();
  const barcodeLine = new Map<string, number>();
  const pluLine = new Map<string, number>();
  for (const { line, cells } of lines) {
    const before = issues.length;
    const issue = (column: ColumnKey, code: IssueCode, params?: CellIssue['params']) =>
      issues.push(params ? { line, column, code, params } : { line, column, code });

    const code = text(cells.code);
    if (code === '') issue('code', 'required');
    else if (!/^[0-9A-Za-z-]{1,20}$/.test(code)) issue('code', 'bad-code');
    else if (codeLine.has(code)) issue('code', 'code-on-other-line', { other: codeLine.get(code) ?? 0 });
    else codeLine.set(code, line);

    const name = (column: 'nameZh' | 'nameEn', max: number, required: boolean) => {
      const value = (cells[column] ?? '').trim();
      if (value === '' && required) issue(column, 'required');
      else if (CONTROL.test(value)) issue(column, 'control-characters');
      else if (value.length > max) issue(column, 'too-long', { max });
      return value;
    };
    const nameZh = name('nameZh', 60, true);
    const nameEn = name('nameEn', 80, false);

    const departmentCode = text(cells.departmentCode);
    if (departmentCode === '') issue('departmentCode', 'required');

    const unitText = text(cells.unit).toLowerCase();
    const unit = UNITS[unitText];
    if (unitText === '') issue('unit', 'required');
    else if (!unit) issue('unit', 'bad-unit', { value: unitText });

    const priceText = text(cells.price);
    const priceFen = money(priceText);
    if (priceText === '') issue('price', 'required');
    else if (priceFen === null) issue('price', 'bad-money', { value: priceText });

    const costText = text(cells.cost);
    const costFen = costText === '' ? null : money(costText);
    if (costText !== '' && costFen === null) issue('cost', 'bad-money', { value: costText });

    const vatText = text(cells.vatRate);
    const vatRateBps = vatText === '' ? null : vatRate(vatText);
    if (vatText !== '' && vatRateBps === null) issue('vatRate', 'bad-vat-rate', { value: vatText });

    const lineBarcodes: ImportLine['barcodes'] = [];
    const listed = new Set<string>();
    for (const barcode of text(cells.barcodes)
      .split('|')
      .map((b) => b.trim())
      .filter(Boolean)) {
      const result = validateBarcode(barcode);
      const twice = listed.has(barcode);
      listed.add(barcode);
      if (twice) issue('barcodes', 'barcode-twice', { barcode });
      else if (!result.ok) {
        const codeFor = {
          empty: 'bad-barcode-characters',
          'bad-characters': 'bad-barcode-characters',
          'bad-length': 'bad-barcode-length',
          'bad-check-digit': 'bad-check-digit',
        } as const;
        issue('barcodes', codeFor[result.reason], { barcode });
      } else if (barcodeLine.has(barcode))
        issue('barcodes', 'barcode-on-other-line', { barcode, other: barcodeLine.get(barcode) ?? 0 });
      else {
        barcodeLine.set(barcode, line);
        lineBarcodes.push({ code: barcode, kind: result.kind });
      }
    }

    const pluText = text(cells.plu);
    // Scales print PLUs zero-padded; stored without leading zeros, as the product form does.
    const plu = /^[0-9]{1,6}$/.test(pluText) ? String(Number(pluText)) : null;
    if (pluText !== '' && plu === null) issue('plu', 'bad-plu', { value: pluText });
    else if (plu !== null && pluLine.has(plu)) issue('plu', 'plu-on-other-line', { other: pluLine.get(plu) ?? 0 });
    else if (plu !== null) pluLine.set(plu, line);

    const activeText = text(cells.active).toLowerCase();
    const active = activeText === '' ? null : ACTIVE[activeText];
    if (active === undefined) issue('active', 'bad-active', { value: activeText });

    if (issues.length === before && unit && priceFen !== null && active !== undefined) {
      valid.push({
        line,
        code,
        nameZh,
        nameEn: nameEn === '' ? null : nameEn,
        departmentCode,
        unit,
        priceFen,
        costFen,
        vatRateBps,
        barcodes: lineBarcodes,
        plu,
        active,
      });
    }
  }
  return { valid, issues };
}
