import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { displayWidth, encodeReceipt, twoColumns, type ReceiptData } from './escpos-receipt';

const receipt: ReceiptData = {
  storeName: '乐购邻里超市 徐汇店',
  storeAddress: '上海市徐汇区漕溪北路 88 号',
  vatNumber: '91310104MA1FL5XK2Q',
  lines: [{ name: '可口可乐 500ml', detail: '2 × 3.50', totalFen: 700 }],
  totalFen: 700,
  tenders: [{ label: '现金 CASH', amountFen: 1000 }],
  changeFen: 300,
  vat: [{ rateBps: 1300, netFen: 619, vatFen: 81 }],
  cashier: '张收银',
  laneNumber: 1,
  soldAt: '2026/11/21 10:00:00',
  receiptNo: '01-20261121-100000000',
  reprint: false,
};

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
    expect(indexOf(bytes, iconv.encode('找零 CHANGE', 'gbk'))).toBeGreaterThan(0);
    const barcode = indexOf(bytes, [0x1d, 0x6b]);
    expect(barcode).toBeGreaterThan(0);
    expect(indexOf(bytes.slice(barcode), new TextEncoder().encode('01-20261121-100000000'))).toBeGreaterThan(0);
    expect(indexOf(bytes, [0x1d, 0x56])).toBeGreaterThan(barcode);
    expect(indexOf(bytes, iconv.encode('重打小票', 'gbk'))).toBe(-1);
    expect(indexOf(encodeReceipt({ ...receipt, reprint: true }), iconv.encode('重打小票', 'gbk'))).toBeGreaterThan(0);
  });
});
