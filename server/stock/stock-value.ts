import { roundHalfUpDiv } from '../domain/money';

/** What stock is worth at its average cost: weighed goods are held in grams and costed per kg. */
export function stockValueFen(onHand: number, unit: 'each' | 'kg', avgCostFen: number): number {
  return unit === 'kg' ? roundHalfUpDiv(onHand * avgCostFen, 1000) : onHand * avgCostFen;
}
