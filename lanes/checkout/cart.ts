import { v7 as uuidv7 } from 'uuid';
import { heldInSale, stockTaken, type NegativeStockApproval } from '@/server/domain/negative-stock';
import type { LaneProduct } from '@/server/domain/lane-product';
import type { ResolvedCode } from '@/server/domain/resolve-code';
import { lineWeightGrams, priceSale, settle, type Discount, type SaleLine, type Tender } from '@/server/domain/sale';

export interface VoidedLine {
  line: SaleLine;
  voidedAt: string;
}

/** The open sale on a lane: everything needed to resume it after a reload or crash. */
export interface Cart {
  saleId: string;
  startedAt: string;
  lines: SaleLine[];
  voidedLines: VoidedLine[];
  saleDiscount: Discount | null;
  discountApprovalId?: string | null;
  /** Supervisors' approvals to sell products beyond their on hand (store policy 'block'). */
  negativeStockApprovals?: NegativeStockApproval[];
  customerSegment: string | null;
  tenders: Tender[];
}

export type CartAction =
  | { type: 'scan'; resolved: ResolvedCode<LaneProduct>; weightGrams?: number }
  | { type: 'set-quantity'; lineId: string; quantity: number }
  | { type: 'void-line'; lineId: string; at: string }
  | { type: 'set-segment'; segment: string | null }
  | { type: 'override-price'; lineId: string; unitPriceFen: number; approvalId: string }
  | { type: 'set-sale-discount'; discount: Discount | null; approvalId: string | null }
  | { type: 'set-line-discount'; lineId: string; discount: Discount | null; approvalId: string | null }
  | { type: 'approve-negative-stock'; approval: NegativeStockApproval }
  | { type: 'add-tender'; tender: Tender }
  | { type: 'clear-tenders' }
  | { type: 'restore'; cart: Cart }
  | { type: 'new-sale'; at: string };

export const emptyCart = (at: string): Cart => ({
  saleId: uuidv7(),
  startedAt: at,
  lines: [],
  voidedLines: [],
  saleDiscount: null,
  customerSegment: null,
  tenders: [],
});

function lineFor(resolved: ResolvedCode<LaneProduct>, weightGrams?: number): SaleLine {
  const { product } = resolved;
  const labelTotalFen =
    resolved.kind === 'embedded-price' || resolved.kind === 'embedded-weight' ? resolved.labelTotalFen : null;
  const weighed = {
    unit: product.unit,
    weightGrams: resolved.kind === 'embedded-weight' ? resolved.weightGrams : (weightGrams ?? null),
    unitPriceFen: product.priceFen,
    labelTotalFen,
  };
  return {
    lineId: uuidv7(),
    productId: product.id,
    scannedCode: resolved.scannedCode,
    nameZh: product.nameZh,
    nameEn: product.nameEn,
    departmentId: product.departmentId,
    vatRateBps: product.vatRateBps,
    ...weighed,
    quantity: 1,
    weightGrams: lineWeightGrams(weighed),
    discount: null,
  };
}

export function cartReducer(cart: Cart, action: CartAction): Cart {
  switch (action.type) {
    case 'scan': {
      const line = lineFor(action.resolved, action.weightGrams);
      const last = cart.lines.at(-1);
      // A second scan of the same counted item right after the first adds to that line, as cashiers expect,
      // unless that line was discounted or repriced: those were given for the units on it.
      if (
        last &&
        line.unit === 'each' &&
        line.labelTotalFen === null &&
        last.productId === line.productId &&
        last.labelTotalFen === null &&
        last.discount === null &&
        !last.overrideApprovalId
      ) {
        return { ...cart, lines: [...cart.lines.slice(0, -1), { ...last, quantity: last.quantity + 1 }] };
      }
      return { ...cart, lines: [...cart.lines, line] };
    }
    case 'set-quantity':
      return {
        ...cart,
        lines: cart.lines.map((l) =>
          l.lineId === action.lineId && l.unit === 'each'
            ? { ...l, quantity: Math.max(1, Math.min(9999, action.quantity)) }
            : l,
        ),
      };
    case 'void-line': {
      const line = cart.lines.find((l) => l.lineId === action.lineId);
      if (!line) return cart;
      const lines = cart.lines.filter((l) => l.lineId !== action.lineId);
      const approvals = cart.negativeStockApprovals;
      return {
        ...cart,
        lines,
        voidedLines: [...cart.voidedLines, { line, voidedAt: action.at }],
        // An approval goes with the last line of its product: selling it again asks again.
        ...(approvals && {
          negativeStockApprovals: approvals.filter((a) => lines.some((l) => l.productId === a.productId)),
        }),
      };
    }
    case 'approve-negative-stock':
      return { ...cart, negativeStockApprovals: [...(cart.negativeStockApprovals ?? []), action.approval] };
    case 'override-price':
      return {
        ...cart,
        lines: cart.lines.map((l) =>
          l.lineId === action.lineId
            ? { ...l, unitPriceFen: action.unitPriceFen, labelTotalFen: null, overrideApprovalId: action.approvalId }
            : l,
        ),
      };
    case 'set-sale-discount':
      return { ...cart, saleDiscount: action.discount, discountApprovalId: action.approvalId };
    // One approval covers all the sale's discounts: each change that needs one asks afresh.
    case 'set-line-discount':
      return {
        ...cart,
        lines: cart.lines.map((l) => (l.lineId === action.lineId ? { ...l, discount: action.discount } : l)),
        discountApprovalId: action.approvalId,
      };
    case 'set-segment':
      return { ...cart, customerSegment: action.segment };
    case 'add-tender':
      return { ...cart, tenders: [...cart.tenders, action.tender] };
    case 'clear-tenders':
      return { ...cart, tenders: [] };
    case 'restore':
      return action.cart;
    case 'new-sale':
      return emptyCart(action.at);
  }
}

export type CartTotals = ReturnType<typeof cartTotals>;

export function cartTotals(cart: Cart) {
  const totals = priceSale(cart.lines, cart.saleDiscount);
  return { ...totals, settlement: settle(totals.totalFen, cart.tenders) };
}

/** How an action would change what the sale holds of one product, for the negative stock rule; null if it adds none. */
export function stockChangeOf(
  cart: Cart,
  action: CartAction,
): { productId: string; nameZh: string; unit: 'each' | 'kg'; heldBefore: number; heldAfter: number } | null {
  if (action.type === 'scan') {
    const { product } = action.resolved;
    const adding = stockTaken(lineFor(action.resolved, action.weightGrams));
    const heldBefore = heldInSale(cart.lines, product.id);
    return {
      productId: product.id,
      nameZh: product.nameZh,
      unit: product.unit,
      heldBefore,
      heldAfter: heldBefore + adding,
    };
  }
  if (action.type === 'set-quantity') {
    const line = cart.lines.find((l) => l.lineId === action.lineId);
    if (!line || line.unit !== 'each') return null;
    const quantity = Math.max(1, Math.min(9999, action.quantity));
    if (quantity <= line.quantity) return null;
    const heldBefore = heldInSale(cart.lines, line.productId);
    return {
      productId: line.productId,
      nameZh: line.nameZh,
      unit: line.unit,
      heldBefore,
      heldAfter: heldBefore - line.quantity + quantity,
    };
  }
  return null;
}

export type { LaneProduct };
