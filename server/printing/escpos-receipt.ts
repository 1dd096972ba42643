import ReceiptPrinterEncoder from '@point-of-sale/receipt-printer-encoder';
import iconv from 'iconv-lite';
import { formatFen } from '../domain/money';
import type { Receipt, ReceiptAmountRow } from '../domain/receipt';

const COLUMNS = 48;
const CHINESE_MODE_ON = [0x1c, 0x26];

/** Columns a string takes on the printer: ASCII takes one, anything GBK sends as two bytes (CJK, ×, ￥) two. */
export function displayWidth(text: string): number {
  let width = 0;
  for (const char of text) width += (char.codePointAt(0) ?? 0) > 0x7f ? 2 : 1;
  return width;
}

// GBK has no ¥ (U+00A5): it would print as "?"; the full-width yuan sign is in GBK.
const forGbk = (line: string) => line.replaceAll('¥', '￥');

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

/** The receipt as ESC/POS bytes for an 80 mm printer in Chinese (GBK) mode: the rows the lane's screen shows. */
export function encodeReceipt(receipt: Receipt): Uint8Array {
  const encoder = new ReceiptPrinterEncoder({ language: 'esc-pos', columns: COLUMNS });
  const text = (line: string) => encoder.raw(iconv.encode(forGbk(line), 'gbk')).newline();
  const amount = (row: ReceiptAmountRow, symbol = false) =>
    text(twoColumns(row.label, formatFen(row.amountFen, { symbol })));
  encoder.initialize().raw(CHINESE_MODE_ON);
  encoder.align('center').bold(true);
  for (const name of receipt.storeNames) text(name);
  encoder.bold(false);
  text(receipt.address);
  text(receipt.vatNumber);
  for (const note of receipt.notes) text(note);
  encoder.align('left');
  text('-'.repeat(COLUMNS));
  for (const line of receipt.lines) {
    const [first = '', ...more] = line.names;
    text(twoColumns(first, formatFen(line.amountFen)));
    for (const name of more) text(name);
    text(`  ${line.detail}`);
    if (line.discount) amount({ ...line.discount, label: `  ${line.discount.label}` });
  }
  text('-'.repeat(COLUMNS));
  if (receipt.saleDiscount) amount(receipt.saleDiscount);
  encoder.bold(true);
  amount(receipt.total, true);
  encoder.bold(false);
  for (const tender of receipt.tenders) amount(tender);
  amount(receipt.change, true);
  text('-'.repeat(COLUMNS));
  const { rate, net, vat } = receipt.vatHeadings;
  for (const row of receipt.vat) {
    text(
      twoColumns(
        `${rate} ${row.vatRateBps / 100}%  ${net} ${formatFen(row.netFen)}`,
        `${vat} ${formatFen(row.vatFen)}`,
      ),
    );
  }
  text('-'.repeat(COLUMNS));
  text(receipt.staff);
  text(receipt.time);
  text(`${receipt.receiptNoLabel} ${receipt.receiptNo}`);
  encoder.align('center').barcode(receipt.receiptNo, 'code128', 60).newline();
  text(receipt.thanks);
  return encoder.newline(3).cut().encode();
}
