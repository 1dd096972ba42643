import ReceiptPrinterEncoder from '@point-of-sale/receipt-printer-encoder';
import iconv from 'iconv-lite';
import { formatFen } from '../domain/money';

export interface ReceiptData {
  storeName: string;
  storeAddress: string;
  vatNumber: string;
  lines: { name: string; detail: string; totalFen: number }[];
  totalFen: number;
  tenders: { label: string; amountFen: number }[];
  changeFen: number;
  vat: { rateBps: number; netFen: number; vatFen: number }[];
  cashier: string;
  laneNumber: number;
  soldAt: string;
  receiptNo: string;
  reprint: boolean;
}

const COLUMNS = 48;
const CHINESE_MODE_ON = [0x1c, 0x26];

/** Columns a string takes on the printer: CJK and other wide characters take two. */
export function displayWidth(text: string): number {
  let width = 0;
  for (const char of text) width += (char.codePointAt(0) ?? 0) > 0x2e7f ? 2 : 1;
  return width;
}

/** Left text and right text on one printed line, the left cut to fit. */
export function twoColumns(left: string, right: string, columns = COLUMNS): string {
  const room = columns - displayWidth(right) - 1;
  let cut = '';
  for (const char of left) {
    if (displayWidth(cut + char) > room) break;
    cut += char;
  }
  return cut + ' '.repeat(columns - displayWidth(cut) - displayWidth(right)) + right;
}

/** The receipt as ESC/POS bytes for an 80 mm printer in Chinese (GBK) mode. */
export function encodeReceipt(receipt: ReceiptData): Uint8Array {
  const encoder = new ReceiptPrinterEncoder({ language: 'esc-pos', columns: COLUMNS });
  const text = (line: string) => encoder.raw(iconv.encode(line, 'gbk')).newline();
  encoder.initialize().raw(CHINESE_MODE_ON);
  encoder.align('center').bold(true);
  text(receipt.storeName);
  encoder.bold(false);
  text(receipt.storeAddress);
  text(`税号 ${receipt.vatNumber}`);
  if (receipt.reprint) text('** 重打小票 REPRINT **');
  encoder.align('left');
  text('-'.repeat(COLUMNS));
  for (const line of receipt.lines) {
    text(twoColumns(line.name, formatFen(line.totalFen)));
    text(`  ${line.detail}`);
  }
  text('-'.repeat(COLUMNS));
  encoder.bold(true);
  text(twoColumns('合计 TOTAL', formatFen(receipt.totalFen, { symbol: true })));
  encoder.bold(false);
  for (const tender of receipt.tenders) text(twoColumns(tender.label, formatFen(tender.amountFen)));
  text(twoColumns('找零 CHANGE', formatFen(receipt.changeFen)));
  text('-'.repeat(COLUMNS));
  for (const row of receipt.vat) {
    text(twoColumns(`税率 ${row.rateBps / 100}%  不含税 ${formatFen(row.netFen)}`, `税额 ${formatFen(row.vatFen)}`));
  }
  text('-'.repeat(COLUMNS));
  text(`收银员 ${receipt.cashier}  收银台 ${receipt.laneNumber}`);
  text(`时间 ${receipt.soldAt}`);
  text(`小票号 ${receipt.receiptNo}`);
  encoder.align('center').barcode(receipt.receiptNo, 'code128', 60).newline();
  text('谢谢惠顾 欢迎再次光临');
  return encoder.newline(3).cut().encode();
}
