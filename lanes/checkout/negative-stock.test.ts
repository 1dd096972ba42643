import { describe, expect, it } from 'vitest';
import { approvedUpTo, needsNegativeStockApproval, type NegativeStockPolicy } from '@/server/domain/negative-stock';
import type { ResolvedCode } from '@/server/domain/resolve-code';
import { cartReducer, emptyCart, stockChangeOf, type Cart, type CartAction, type LaneProduct } from './cart';

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
const scan = (p: LaneProduct, weightGrams?: number): CartAction => {
  const resolved: ResolvedCode<LaneProduct> = { product: p, scannedCode: p.barcodes[0] ?? p.code, kind: 'plu' };
  return weightGrams ? { type: 'scan', resolved, weightGrams } : { type: 'scan', resolved };
};

/** The lane's question before a change: does it wait for a supervisor, with this on hand and policy? */
function needsApproval(cart: Cart, action: CartAction, onHand: number | null, policy: NegativeStockPolicy = 'block') {
  const change = stockChangeOf(cart, action);
  if (!change) return false;
  return needsNegativeStockApproval({
    policy,
    onHand,
    heldBefore: change.heldBefore,
    heldAfter: change.heldAfter,
    approvedUpTo: approvedUpTo(cart.negativeStockApprovals ?? [], change.productId),
  });
}

describe('which lane changes need a negative stock approval', () => {
  const cola = product();
  const apples = product({ id: '01a1ffb5-86f1-7718-8dee-9939211416ee', unit: 'kg', plu: '1001', barcodes: [] });

  it('counts what the open sale already holds of the product', () => {
    const one = cartReducer(emptyCart('t'), scan(cola));
    expect(needsApproval(emptyCart('t'), scan(cola), 1)).toBe(false);
    expect(needsApproval(one, scan(cola), 1)).toBe(true);
    expect(needsApproval(one, scan(cola), 2)).toBe(false);
    expect(needsApproval(one, scan(cola), 1, 'allow')).toBe(false);
  });

  it('checks a quantity typed on a line, and lets a lower one through', () => {
    const line = cartReducer(emptyCart('t'), scan(cola));
    const lineId = line.lines[0]?.lineId ?? '';
    const three = cartReducer(line, { type: 'set-quantity', lineId, quantity: 3 });
    expect(needsApproval(line, { type: 'set-quantity', lineId, quantity: 3 }, 2)).toBe(true);
    expect(needsApproval(line, { type: 'set-quantity', lineId, quantity: 2 }, 2)).toBe(false);
    expect(needsApproval(three, { type: 'set-quantity', lineId, quantity: 1 }, 0)).toBe(false);
  });

  it('weighs weighed goods in grams', () => {
    expect(stockChangeOf(emptyCart('t'), scan(apples, 1250))).toMatchObject({ heldBefore: 0, heldAfter: 1250 });
    expect(needsApproval(emptyCart('t'), scan(apples, 1250), 1000)).toBe(true);
    expect(needsApproval(emptyCart('t'), scan(apples, 800), 1000)).toBe(false);
  });

  it('lets an approved quantity through without asking again, drops the approval with the last line', () => {
    let cart = cartReducer(emptyCart('t'), {
      type: 'approve-negative-stock',
      approval: { approvalId: '01a1ffb5-86f1-7718-8dee-99392114bbbb', productId: cola.id, quantity: 2 },
    });
    cart = cartReducer(cart, scan(cola));
    expect(needsApproval(cart, scan(cola), 0)).toBe(false);
    const two = cartReducer(cart, scan(cola));
    expect(needsApproval(two, scan(cola), 0)).toBe(true);
    const voided = cartReducer(two, { type: 'void-line', lineId: two.lines[0]?.lineId ?? '', at: 't' });
    expect(voided.negativeStockApprovals).toEqual([]);
    expect(needsApproval(voided, scan(cola), 0)).toBe(true);
  });
});
