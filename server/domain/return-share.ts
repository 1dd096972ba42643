import { roundHalfUpDiv } from './money';

/**
 * What returning `quantity` more of a line gives back of one of its amounts, when `returnedBefore` of it came
 * back already. Shares are cumulative, so partial returns of a line add up to exactly what was paid for it.
 */
export function returnShareFen(
  lineFen: number,
  lineQuantity: number,
  returnedBefore: number,
  quantity: number,
): number {
  if (quantity < 0 || returnedBefore < 0 || returnedBefore + quantity > lineQuantity) {
    throw new RangeError(`cannot return ${quantity} of ${lineQuantity} after ${returnedBefore}`);
  }
  return (
    roundHalfUpDiv(lineFen * (returnedBefore + quantity), lineQuantity) -
    roundHalfUpDiv(lineFen * returnedBefore, lineQuantity)
  );
}
