import { describe, expect, it } from 'vitest';
import type { ResolvedCode } from '@/server/domain/resolve-code';
import { cartReducer, cartTotals, emptyCart, stockChangeOf, type CartAction, type LaneProduct } from './cart';

const product = (overrides: Partial<LaneProduct> = {}): LaneProduct => ({
  id: '01a1ffb5-86f1-7718-8dee-9939211416ed',
  code: '300001',
  nameZh: '可口可乐 330ml',
  nameEn: 'Coca-Cola 330ml',
  pinyinInitials: 'kkkl330ml',
  departmentId: '01a1ffb5-86f1-7718-8dee-99392114aaaa',
  unit: 'each',
  priceFen: 250,
  vatRateBps: 1300,
  plu: null,
  active: true,
  barcodes: ['6901939621608'],
  ...overrides,
});
const scan = (p: LaneProduct): CartAction => {
  const resolved: ResolvedCode<LaneProduct> = { product: p, scannedCode: p.barcodes[0] ?? p.code, kind: 'barcode' };
  return { type: 'scan', resolved };
};

describe('the lane cart', () => {
  it('adds a repeated scan of the same item to its line, and a different item as a new line', () => {
    const cola = product();
    const chips = product({ id: '01a1ffb5-86f1-7718-8dee-9939211416ee', priceFen: 790 });
    let cart = emptyCart('2026-11-21T02:00:00Z');
    cart = cartReducer(cart, scan(cola));
    cart = cartReducer(cart, scan(cola));
    cart = cartReducer(cart, scan(chips));
    expect(cart.lines.map((l) => l.quantity)).toEqual([2, 1]);
    expect(cartTotals(cart).totalFen).toBe(500 + 790);
  });

  it('prices a weight label by its printed total and keeps its weight', () => {
    const apples = product({ unit: 'kg', priceFen: 1298, plu: '1001', barcodes: [] });
    const cart = cartReducer(emptyCart('t'), {
      type: 'scan',
      resolved: {
        product: apples,
        scannedCode: '2100100015009',
        kind: 'embedded-weight',
        weightGrams: 1500,
        labelTotalFen: 1947,
      },
    });
    expect(cart.lines[0]).toMatchObject({ weightGrams: 1500, labelTotalFen: 1947 });
    expect(cartTotals(cart).totalFen).toBe(1947);
  });

  it('weighs a price label of weighed goods by its total and charges the total', () => {
    const bananas = product({ unit: 'kg', priceFen: 690, plu: '1003', barcodes: [] });
    const label = {
      product: bananas,
      scannedCode: '2001003009876',
      kind: 'embedded-price',
      labelTotalFen: 987,
    } as const;
    const cart = cartReducer(emptyCart('t'), { type: 'scan', resolved: label });
    expect(cart.lines[0]).toMatchObject({ quantity: 1, weightGrams: 1430, labelTotalFen: 987 });
    expect(cartTotals(cart).totalFen).toBe(987);
    expect(stockChangeOf(emptyCart('t'), { type: 'scan', resolved: label })?.heldAfter).toBe(1430);
  });

  it('sells a counted item with a price label as one unit at the label total, with no weight', () => {
    const cake = product({ priceFen: 690, plu: '1003', barcodes: [] });
    const label = { product: cake, scannedCode: '2001003009876', kind: 'embedded-price', labelTotalFen: 987 } as const;
    const cart = cartReducer(emptyCart('t'), { type: 'scan', resolved: label });
    expect(cart.lines[0]).toMatchObject({ quantity: 1, weightGrams: null, labelTotalFen: 987 });
    expect(cartTotals(cart).totalFen).toBe(987);
    expect(stockChangeOf(emptyCart('t'), { type: 'scan', resolved: label })?.heldAfter).toBe(1);
  });

  it('voids a line but remembers it, and changes quantities of counted goods only', () => {
    let cart = cartReducer(emptyCart('t'), scan(product()));
    const lineId = cart.lines[0]?.lineId ?? '';
    cart = cartReducer(cart, { type: 'set-quantity', lineId, quantity: 4 });
    expect(cartTotals(cart).totalFen).toBe(1000);
    cart = cartReducer(cart, { type: 'void-line', lineId, at: 'later' });
    expect(cart.lines).toEqual([]);
    expect(cart.voidedLines).toEqual([
      expect.objectContaining({ voidedAt: 'later', line: expect.objectContaining({ quantity: 4 }) }),
    ]);
  });

  it('settles with cash and gives change', () => {
    let cart = cartReducer(emptyCart('t'), scan(product({ priceFen: 1710 })));
    cart = cartReducer(cart, {
      type: 'add-tender',
      tender: { tenderId: '01a1ffb5-86f1-7718-8dee-99392114bbbb', kind: 'cash', amountFen: 2000, reference: null },
    });
    expect(cartTotals(cart).settlement).toEqual({ paidFen: 2000, dueFen: 0, changeFen: 290, complete: true });
  });

  it('discounts one line by percent or amount, keeps the approval for the sale, and starts a new line on the next scan', () => {
    const cola = product();
    let cart = cartReducer(emptyCart('t'), scan(cola));
    cart = cartReducer(cart, { type: 'set-quantity', lineId: cart.lines[0]?.lineId ?? '', quantity: 4 });
    const lineId = cart.lines[0]?.lineId ?? '';
    cart = cartReducer(cart, {
      type: 'set-line-discount',
      lineId,
      discount: { kind: 'percent', bps: 2500 },
      approvalId: '01a1ffb5-86f1-7718-8dee-99392114bbbb',
    });
    expect(cartTotals(cart)).toMatchObject({ grossFen: 1000, discountFen: 250, totalFen: 750 });
    expect(cart.discountApprovalId).toBe('01a1ffb5-86f1-7718-8dee-99392114bbbb');
    cart = cartReducer(cart, {
      type: 'set-line-discount',
      lineId,
      discount: { kind: 'amount', fen: 50 },
      approvalId: null,
    });
    expect(cartTotals(cart)).toMatchObject({ discountFen: 50, totalFen: 950 });
    expect(cart.discountApprovalId).toBeNull();
    cart = cartReducer(cart, scan(cola));
    expect(cart.lines.map((l) => [l.quantity, l.discount?.kind ?? null])).toEqual([
      [4, 'amount'],
      [1, null],
    ]);
  });
});
