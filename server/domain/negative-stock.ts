import { z } from 'zod';
import { lineWeightGrams, type SaleLine } from './sale';

/** Selling beyond what the ledger says is on hand: allowed (the stock list flags it) or blocked at the lane. */
export const NEGATIVE_STOCK_POLICIES = ['allow', 'block'] as const;
export type NegativeStockPolicy = (typeof NEGATIVE_STOCK_POLICIES)[number];

/** A supervisor's approval to sell a product beyond its on hand, up to `quantity` (units, or grams when weighed). */
export const negativeStockApprovalSchema = z.object({
  approvalId: z.uuid(),
  productId: z.uuid(),
  quantity: z.number().int().min(1).max(9_999_999),
});
export type NegativeStockApproval = z.infer<typeof negativeStockApprovalSchema>;

type StockLine = Pick<SaleLine, 'productId' | 'unit' | 'quantity' | 'weightGrams' | 'unitPriceFen' | 'labelTotalFen'>;

/** What a line takes from stock, as the ledger counts it: units for counted goods, grams for weighed ones. */
export function stockTaken(line: Omit<StockLine, 'productId'>): number {
  const grams = lineWeightGrams(line);
  return grams === null ? line.quantity : Math.sign(line.quantity) * grams;
}

/** How much of the product the sale's lines already hold. */
export function heldInSale(lines: readonly StockLine[], productId: string): number {
  let held = 0;
  for (const line of lines) if (line.productId === productId) held += stockTaken(line);
  return held;
}

/** The most of the product the sale's approvals allow (0 when none was given). */
export function approvedUpTo(approvals: readonly NegativeStockApproval[], productId: string): number {
  let most = 0;
  for (const approval of approvals) if (approval.productId === productId) most = Math.max(most, approval.quantity);
  return most;
}

export interface StockChange {
  policy: NegativeStockPolicy;
  /** The product's on hand as the lane last heard it; null when the lane has not heard yet. */
  onHand: number | null;
  heldBefore: number;
  heldAfter: number;
  approvedUpTo: number;
}

/**
 * Under 'block', a change that makes the sale hold more of a product than is known on hand needs a supervisor,
 * unless an approval already covers that much. Taking items off never does, nor does an unknown on hand.
 */
export function needsNegativeStockApproval(change: StockChange): boolean {
  if (change.policy !== 'block' || change.onHand === null) return false;
  if (change.heldAfter <= change.heldBefore) return false;
  if (change.onHand - change.heldAfter >= 0) return false;
  return change.heldAfter > change.approvedUpTo;
}
