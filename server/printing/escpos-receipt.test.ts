import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { layoutReceipt, pricedReceiptLines, type ReceiptSource } from '../domain/receipt';
import type { Discount, SaleLine } from '../domain/sale';
import { displayWidth, encodeReceipt, twoColumns } from './escpos-receipt';

const cola = {
  nameZh: '可口可乐 500ml',
  nameEn: 'Coca-Cola 500ml',
  unit: 'each',
  weightGrams: null,
  unitPriceFen: 350,
  labelTotalFen: null,
  vatRateBps: 1300,
};
const source: ReceiptSource = {
  language: 'zh-CN',
  timeZone: 'Asia/Shanghai',
  store: {
    name: '乐购邻里超市 徐汇店',
    nameEn: 'Legou Xuhui',
    address: '上海市徐汇区漕溪北路 88 号',
    vatNumber: '91310104MA1FL5XK2Q',
  },
  kind: 'sale',
  lines: [{ ...cola, quantity: 2, grossFen: 700, lineDiscountFen: 0, saleDiscountFen: 0, totalFen: 700 }],
  tenders: [{ kind: 'cash', amountFen: 1000 }],
  changeFen: 300,
  cashier: '张收银',
  laneNumber: 1,
  soldAt: new Date('2026-11-21T02:00:00Z'),
  receiptNo: '01-20261121-100000000',
  reprint: false,
};
const receipt = layoutReceipt(source);

/** The printed text, line by line: GBK decoded, without the style commands, the barcode and the cut. */
function printedLines(bytes: Uint8Array): string[] {
  return (
    iconv
      .decode(Buffer.from(bytes), 'gbk')
      .split('\n\r')
      .filter((line) => !line.includes('\x1d'))
      // eslint-disable-next-line no-control-regex -- ESC/FS commands are what this strips
      .map((line) => line.replace(/\x1b@|\x1c[&.]|\x1b[EaM][\s\S]/g, '').trimEnd())
      .filter((line) => line.trim() !== '')
  );
}

const indexOf = (haystack: Uint8Array, needle: Uint8Array | number[]) => {
  const n = Array.from(needle);
  outer: for (let i = 0; i <= haystack.length - n.length; i++) {
    for (let j = 0; j < n.length; j++) if (haystack[i + j] !== n[j]) continue outer;
    return i;
  }
  return -1;
};

describe('ESC/POS receipt', () => {
  it('measures Chinese as double width and lines up amounts on the right', () => {
    expect(displayWidth('可乐 500ml')).toBe(10);
    const line = twoColumns('可口可乐 500ml', '7.00');
    expect(displayWidth(line)).toBe(48);
    expect(line.endsWith(' 7.00')).toBe(true);
    expect(displayWidth(twoColumns('很'.repeat(40), '123.45'))).toBe(48);
  });

  it('initialises, switches to Chinese mode, prints GBK text, the receipt barcode, and cuts', () => {
    const bytes = encodeReceipt(receipt);
    expect(Array.from(bytes.slice(0, 2))).toEqual([0x1b, 0x40]);
    expect(indexOf(bytes, [0x1c, 0x26])).toBeGreaterThan(0);
    expect(indexOf(bytes, iconv.encode('乐购邻里超市 徐汇店', 'gbk'))).toBeGreaterThan(0);
    expect(indexOf(bytes, iconv.encode('找零', 'gbk'))).toBeGreaterThan(0);
    const barcode = indexOf(bytes, [0x1d, 0x6b]);
    expect(barcode).toBeGreaterThan(0);
    expect(indexOf(bytes.slice(barcode), new TextEncoder().encode('01-20261121-100000000'))).toBeGreaterThan(0);
    expect(indexOf(bytes, [0x1d, 0x56])).toBeGreaterThan(barcode);
    expect(indexOf(bytes, iconv.encode('重打小票', 'gbk'))).toBe(-1);
    expect(
      indexOf(encodeReceipt(layoutReceipt({ ...source, reprint: true })), iconv.encode('重打小票', 'gbk')),
    ).toBeGreaterThan(0);
  });

  it('prints each line with its discount under it, the sale discount, total, tenders and change, lined up', () => {
    // 2 × 13.80 at 20 % off (-5.52), 1 × 3.50, then ¥1.00 off the sale: priced by priceSale, as the lane and server do.
    const saleLine = (nameZh: string, quantity: number, unitPriceFen: number, discount: Discount | null): SaleLine => ({
      ...cola,
      lineId: crypto.randomUUID(),
      productId: crypto.randomUUID(),
      departmentId: crypto.randomUUID(),
      scannedCode: '6901234567892',
      unit: 'each',
      nameZh,
      quantity,
      unitPriceFen,
      discount,
    });
    const lines = pricedReceiptLines(
      [saleLine('洗洁精', 2, 1380, { kind: 'percent', bps: 2000 }), saleLine('可口可乐 500ml', 1, 350, null)],
      { kind: 'amount', fen: 100 },
    );
    const printed = printedLines(
      encodeReceipt(layoutReceipt({ ...source, lines, tenders: [{ kind: 'cash', amountFen: 5000 }], changeFen: 2542 })),
    );
    const at = (start: string) => printed.findIndex((line) => line.startsWith(start));
    const row = (label: string, amount: string) => twoColumns(label, amount);
    expect(printed.slice(at('洗洁精'), at('洗洁精') + 6)).toEqual([
      row('洗洁精', '27.60'),
      '  2 × 13.80',
      row('  折扣', '-5.52'),
      row('可口可乐 500ml', '3.50'),
      '  1 × 3.50',
      '-'.repeat(48),
    ]);
    expect(printed.slice(at('整单折扣'), at('整单折扣') + 4)).toEqual([
      row('整单折扣', '-1.00'),
      row('合计', '￥24.58'),
      row('现金', '50.00'),
      row('找零', '￥25.42'),
    ]);
    for (const line of printed.slice(at('洗洁精'), at('找零') + 1)) expect(displayWidth(line)).toBeLessThanOrEqual(48);
  });

  it('prints the store’s local time and speaks the store’s receipt language', () => {
    const printed = printedLines(encodeReceipt(layoutReceipt({ ...source, timeZone: 'Asia/Shanghai' })));
    expect(printed).toContain('时间 2026-11-21 10:00:00');
    const english = printedLines(encodeReceipt(layoutReceipt({ ...source, language: 'en' })));
    expect(english).toContain(twoColumns('Coca-Cola 500ml', '7.00'));
    expect(english).toContain(twoColumns('Total', '￥7.00'));
    expect(english).toContain('Time 2026-11-21 10:00:00');
    const both = printedLines(encodeReceipt(layoutReceipt({ ...source, language: 'both' })));
    expect(both[both.indexOf(twoColumns('可口可乐 500ml', '7.00')) + 1]).toBe('Coca-Cola 500ml');
    expect(both).toContain(twoColumns('合计 Total', '￥7.00'));
  });
});
