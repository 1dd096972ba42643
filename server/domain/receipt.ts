import { formatFen } from './money';
import { lineWeightGrams, priceSale, type Discount, type SaleLine, type TenderKind } from './sale';
import { receiptTime } from './store-time';
import { vatBreakdown, type VatBreakdownRow } from './vat';

/** The language a store prints its receipts in, whatever language each cashier's screen speaks. */
export const RECEIPT_LANGUAGES = ['zh-CN', 'en', 'both'] as const;
export type ReceiptLanguage = (typeof RECEIPT_LANGUAGES)[number];

// The receipt's own words: the lane's screen and the server's printer show the same text, in the store's language.
const WORDS = {
  vatNumber: ['税号', 'Tax No.'],
  reprint: ['重打小票', 'REPRINT'],
  return: ['退货单', 'RETURN'],
  discount: ['折扣', 'Discount'],
  saleDiscount: ['整单折扣', 'Sale discount'],
  total: ['合计', 'Total'],
  change: ['找零', 'Change'],
  cash: ['现金', 'Cash'],
  bank_card: ['银行卡', 'Card'],
  store_card: ['储值卡', 'Store card'],
  vatRate: ['税率', 'VAT rate'],
  net: ['不含税', 'Net'],
  vat: ['税额', 'VAT'],
  cashier: ['收银员', 'Cashier'],
  lane: ['收银台', 'Lane'],
  time: ['时间', 'Time'],
  receiptNo: ['小票号', 'Receipt no.'],
  thanks: ['谢谢惠顾 欢迎再次光临', 'Thank you, please come again'],
} as const satisfies Record<string, readonly [string, string]>;

type Word = keyof typeof WORDS;

function word(key: Word, language: ReceiptLanguage): string {
  const [zh, en] = WORDS[key];
  return language === 'zh-CN' ? zh : language === 'en' ? en : `${zh} ${en}`;
}

/** A name in the receipt's language: English where there is one, Chinese as fallback; both on two lines. */
function names(nameZh: string, nameEn: string, language: ReceiptLanguage): string[] {
  const en = nameEn.trim();
  if (language === 'zh-CN' || !en) return [nameZh];
  if (language === 'en') return [en];
  return en === nameZh ? [nameZh] : [nameZh, en];
}

/** A line as priced by `priceSale` (on the lane) or as stored from it (on the server). */
export interface ReceiptLineSource {
  nameZh: string;
  nameEn: string;
  unit: string;
  quantity: number;
  weightGrams: number | null;
  unitPriceFen: number;
  labelTotalFen: number | null;
  grossFen: number;
  lineDiscountFen: number;
  saleDiscountFen: number;
  totalFen: number;
  vatRateBps: number;
}

/** A lane's open lines as its receipt shows them, priced by `priceSale` exactly as the server prices and stores them. */
export function pricedReceiptLines(lines: readonly SaleLine[], saleDiscount: Discount | null): ReceiptLineSource[] {
  return priceSale(lines, saleDiscount).lines.flatMap((figures, index) => {
    const line = lines[index];
    return line ? [{ ...line, ...figures }] : [];
  });
}

export interface ReceiptSource {
  language: ReceiptLanguage;
  timeZone: string;
  store: { name: string; nameEn: string; address: string; vatNumber: string };
  kind: 'sale' | 'return';
  lines: readonly ReceiptLineSource[];
  tenders: readonly { kind: TenderKind; amountFen: number }[];
  changeFen: number;
  cashier: string;
  laneNumber: number;
  soldAt: Date;
  receiptNo: string;
  reprint: boolean;
}

export interface ReceiptAmountRow {
  label: string;
  amountFen: number;
}

export interface ReceiptLine {
  names: string[];
  detail: string;
  /** What the line costs before discounts; its discount follows as a negative row (positive on a return). */
  amountFen: number;
  discount: ReceiptAmountRow | null;
}

/** A receipt laid out in the store's language: what the screen shows and the printer prints, row by row. */
export interface Receipt {
  storeNames: string[];
  address: string;
  vatNumber: string;
  notes: string[];
  lines: ReceiptLine[];
  saleDiscount: ReceiptAmountRow | null;
  total: ReceiptAmountRow;
  tenders: ReceiptAmountRow[];
  change: ReceiptAmountRow;
  vatHeadings: { rate: string; net: string; vat: string };
  vat: VatBreakdownRow[];
  staff: string;
  time: string;
  receiptNoLabel: string;
  receiptNo: string;
  thanks: string;
}

function lineDetail(line: ReceiptLineSource): string {
  const grams = lineWeightGrams(line);
  return grams !== null
    ? `${(grams / 1000).toFixed(3)}kg × ${formatFen(line.unitPriceFen)}/kg`
    : `${line.quantity} × ${formatFen(line.unitPriceFen)}`;
}

/**
 * Lays out a sale's receipt from its priced lines: each line at its gross with its line discount under it, the
 * sale discount, total, tenders and change, VAT per rate, and the time in the store's time zone.
 */
export function layoutReceipt(source: ReceiptSource): Receipt {
  const { language } = source;
  const sum = (pick: (line: ReceiptLineSource) => number) => source.lines.reduce((total, l) => total + pick(l), 0);
  const saleDiscountFen = sum((l) => l.saleDiscountFen);
  const notes = [
    ...(source.kind === 'return' ? [word('return', language)] : []),
    ...(source.reprint ? [`** ${word('reprint', language)} **`] : []),
  ];
  return {
    storeNames: names(source.store.name, source.store.nameEn, language),
    address: source.store.address,
    vatNumber: `${word('vatNumber', language)} ${source.store.vatNumber}`,
    notes,
    lines: source.lines.map((line) => ({
      names: names(line.nameZh, line.nameEn, language),
      detail: lineDetail(line),
      amountFen: line.grossFen,
      discount:
        line.lineDiscountFen !== 0 ? { label: word('discount', language), amountFen: -line.lineDiscountFen } : null,
    })),
    saleDiscount: saleDiscountFen !== 0 ? { label: word('saleDiscount', language), amountFen: -saleDiscountFen } : null,
    total: { label: word('total', language), amountFen: sum((l) => l.totalFen) },
    tenders: source.tenders.map((t) => ({ label: word(t.kind, language), amountFen: t.amountFen })),
    change: { label: word('change', language), amountFen: source.changeFen },
    vatHeadings: { rate: word('vatRate', language), net: word('net', language), vat: word('vat', language) },
    vat: vatBreakdown(source.lines.map((l) => ({ grossFen: l.totalFen, vatRateBps: l.vatRateBps }))),
    staff: `${word('cashier', language)} ${source.cashier}  ${word('lane', language)} ${source.laneNumber}`,
    time: `${word('time', language)} ${receiptTime(source.soldAt, source.timeZone)}`,
    receiptNoLabel: word('receiptNo', language),
    receiptNo: source.receiptNo,
    thanks: word('thanks', language),
  };
}
