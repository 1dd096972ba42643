/** How many days of sales the suggestion looks back on. */
export const SALES_WINDOW_DAYS = 28;
export const DEFAULT_COVER_DAYS = 14;

export interface ReorderFigures {
  /** Net sales (sales minus returns) over the last SALES_WINDOW_DAYS days, in ledger units. */
  soldInWindow: number;
  onHand: number;
  /** Still to come on open purchase orders. */
  openOnOrder: number;
  reorderPoint: number;
  reorderQuantity: number;
  coverDays: number;
}

/**
 * Suggested order quantity:
 *   target    = max(ceil(soldInWindow / 28 × coverDays), reorderPoint + 1)
 *   shortfall = target − onHand − openOnOrder
 *   suggested = shortfall ≤ 0 ? 0 : ceil(shortfall / reorderQuantity) × reorderQuantity
 * so what is on hand and on order covers the period's expected sales and lifts stock above the reorder point.
 */
export function suggestOrderQuantity(figures: ReorderFigures): number {
  const expectedSales = Math.ceil((Math.max(figures.soldInWindow, 0) * figures.coverDays) / SALES_WINDOW_DAYS);
  const target = Math.max(expectedSales, figures.reorderPoint + 1);
  const shortfall = target - figures.onHand - figures.openOnOrder;
  if (shortfall <= 0) return 0;
  const packs = Math.max(figures.reorderQuantity, 1);
  return Math.ceil(shortfall / packs) * packs;
}
