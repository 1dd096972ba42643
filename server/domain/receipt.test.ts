import { afterEach, describe, expect, it } from 'vitest';
import { layoutReceipt, pricedReceiptLines, type ReceiptLineSource, type ReceiptSource } from './receipt';
import { priceSale, type SaleLine } from './sale';
import { receiptTime } from './store-time';

const line = (overrides: Partial<SaleLine>): SaleLine => ({
  lineId: crypto.randomUUID(),
  productId: crypto.randomUUID(),
  scannedCode: '6901234567892',
  nameZh: '可口可乐 500ml',
  nameEn: 'Coca-Cola 500ml',
  departmentId: crypto.randomUUID(),
  vatRateBps: 1300,
  unit: 'each',
  quantity: 1,
  weightGrams: null,
  unitPriceFen: 350,
  labelTotalFen: null,
  discount: null,
  ...overrides,
});

const priced = pricedReceiptLines;

const source = (overrides: Partial<ReceiptSource>): ReceiptSource => ({
  language: 'zh-CN',
  timeZone: 'Asia/Shanghai',
  store: {
    name: '乐购邻里超市',
    nameEn: 'Legou Neighbourhood Market',
    address: '上海市',
    vatNumber: '91310104MA1FL5XK2Q',
  },
  kind: 'sale',
  lines: [],
  tenders: [],
  changeFen: 0,
  cashier: '张收银',
  laneNumber: 1,
  soldAt: new Date('2026-11-21T16:30:05Z'),
  receiptNo: '01-20261122-003005000',
  reprint: false,
  ...overrides,
});

const originalTz = process.env.TZ;
afterEach(() => {
  process.env.TZ = originalTz;
});

describe('receipt layout', () => {
  it('shows each line at its price with its line discount under it, then the sale discount and the total', () => {
    const cartLines = [
      line({ nameZh: '洗洁精', unitPriceFen: 1380, quantity: 2, discount: { kind: 'percent', bps: 2000 } }),
      line({ unitPriceFen: 350 }),
    ];
    const lines = priced(cartLines, { kind: 'amount', fen: 100 });
    const receipt = layoutReceipt(source({ lines, tenders: [{ kind: 'cash', amountFen: 5000 }], changeFen: 2542 }));
    expect(receipt.lines).toEqual([
      { names: ['洗洁精'], detail: '2 × 13.80', amountFen: 2760, discount: { label: '折扣', amountFen: -552 } },
      { names: ['可口可乐 500ml'], detail: '1 × 3.50', amountFen: 350, discount: null },
    ]);
    expect(receipt.saleDiscount).toEqual({ label: '整单折扣', amountFen: -100 });
    expect(receipt.total).toEqual({ label: '合计', amountFen: 2458 });
    expect(2760 - 552 + 350 - 100).toBe(2458);
    expect(receipt.tenders).toEqual([{ label: '现金', amountFen: 5000 }]);
    expect(receipt.change).toEqual({ label: '找零', amountFen: 2542 });
    expect(receipt.vat).toEqual(priceSale(cartLines, { kind: 'amount', fen: 100 }).vat);
  });

  it('shows a return’s lines negative with the discount given back, and marks it a return', () => {
    const [sold] = priced([line({ unitPriceFen: 1380, quantity: 2, discount: { kind: 'percent', bps: 2000 } })], null);
    if (!sold) throw new Error('no line');
    // Returning one of two, as recordReturn stores it: half of each amount, negative.
    const returned: ReceiptLineSource = {
      ...sold,
      quantity: -1,
      grossFen: -1380,
      lineDiscountFen: -276,
      saleDiscountFen: 0,
      totalFen: -1104,
    };
    const receipt = layoutReceipt(
      source({ kind: 'return', lines: [returned], tenders: [{ kind: 'cash', amountFen: -1104 }] }),
    );
    expect(receipt.notes).toEqual(['退货单']);
    expect(receipt.lines[0]).toMatchObject({ detail: '-1 × 13.80', amountFen: -1380, discount: { amountFen: 276 } });
    expect(receipt.saleDiscount).toBeNull();
    expect(receipt.total.amountFen).toBe(-1104);
  });

  it('prints weighed goods as weight × price per kg', () => {
    const lines = priced([line({ unit: 'kg', weightGrams: 1430, unitPriceFen: 690 })], null);
    expect(layoutReceipt(source({ lines })).lines[0]).toMatchObject({ detail: '1.430kg × 6.90/kg', amountFen: 987 });
  });

  it('tells the time in the store’s time zone, not the lane machine’s', () => {
    process.env.TZ = 'America/Los_Angeles';
    const soldAt = new Date('2026-11-21T16:30:05Z');
    expect(soldAt.getHours()).toBe(8); // the machine's own zone differs from the store's
    expect(receiptTime(soldAt, 'Asia/Shanghai')).toBe('2026-11-22 00:30:05');
    expect(layoutReceipt(source({ soldAt })).time).toBe('时间 2026-11-22 00:30:05');
    expect(layoutReceipt(source({ soldAt, timeZone: 'Europe/London', language: 'en' })).time).toBe(
      'Time 2026-11-21 16:30:05',
    );
  });

  it('speaks the store’s receipt language: Chinese, English (Chinese names as fallback), or both', () => {
    const lines = priced(
      [line({ discount: { kind: 'amount', fen: 50 } }), line({ nameZh: '散装大米', nameEn: '', unitPriceFen: 500 })],
      null,
    );
    const tenders = [{ kind: 'bank_card' as const, amountFen: 800 }];
    const zh = layoutReceipt(source({ lines, tenders }));
    expect(zh.storeNames).toEqual(['乐购邻里超市']);
    expect(zh.lines.map((l) => l.names)).toEqual([['可口可乐 500ml'], ['散装大米']]);
    expect([zh.total.label, zh.tenders[0]?.label, zh.vatNumber]).toEqual(['合计', '银行卡', '税号 91310104MA1FL5XK2Q']);

    const en = layoutReceipt(source({ language: 'en', lines, tenders }));
    expect(en.storeNames).toEqual(['Legou Neighbourhood Market']);
    expect(en.lines.map((l) => l.names)).toEqual([['Coca-Cola 500ml'], ['散装大米']]);
    expect(en.lines[0]?.discount).toEqual({ label: 'Discount', amountFen: -50 });
    expect([en.total.label, en.tenders[0]?.label, en.change.label, en.staff]).toEqual([
      'Total',
      'Card',
      'Change',
      'Cashier 张收银  Lane 1',
    ]);

    const both = layoutReceipt(source({ language: 'both', lines, tenders, reprint: true }));
    expect(both.storeNames).toEqual(['乐购邻里超市', 'Legou Neighbourhood Market']);
    expect(both.lines.map((l) => l.names)).toEqual([['可口可乐 500ml', 'Coca-Cola 500ml'], ['散装大米']]);
    expect(both.lines[0]?.discount?.label).toBe('折扣 Discount');
    expect(both.total.label).toBe('合计 Total');
    expect(both.notes).toEqual(['** 重打小票 REPRINT **']);
  });
});
