/** Reasons a person gives for an adjustment; `count` is only written by applying a stocktake. */
export const ADJUSTMENT_REASONS = ['damaged', 'expired', 'theft', 'found'] as const;
