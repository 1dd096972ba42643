/** Reasons a person gives for an adjustment; `count` is only written by applying a stocktake. */
export const ADJUSTMENT_REASONS = ['damaged', 'expired', 'theft', 'found', 'correction'] as const;
export type AdjustmentReason = (typeof ADJUSTMENT_REASONS)[number];

export type AdjustmentDirection = 'out' | 'in' | 'either';

/** Which way each reason moves stock: loss takes out, a find puts in, a correction or a count goes either way. */
export const REASON_DIRECTION: Record<AdjustmentReason | 'count', AdjustmentDirection> = {
  damaged: 'out',
  expired: 'out',
  theft: 'out',
  found: 'in',
  correction: 'either',
  count: 'either',
};

export function directionAllows(direction: AdjustmentDirection, quantityDelta: number): boolean {
  if (direction === 'out') return quantityDelta < 0;
  if (direction === 'in') return quantityDelta > 0;
  return quantityDelta !== 0;
}

/** The index of the first line whose sign its reason does not allow, or -1 when every line goes the reason's way. */
export function firstLineAgainstReason(reason: AdjustmentReason, quantityDeltas: readonly number[]): number {
  return quantityDeltas.findIndex((delta) => !directionAllows(REASON_DIRECTION[reason], delta));
}
