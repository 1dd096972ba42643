/** The waits after each query of an outcome not known: quick while the customer may still be at the terminal. */
const QUERY_BACKOFF_MS = [2_000, 5_000, 15_000, 30_000] as const;
const QUERY_EVERY_MS = 60_000;

/** How long after its `queriesSoFar`-th query (1 = the first) a payment of unknown outcome is asked again. */
export function nextQueryDelayMs(queriesSoFar: number): number {
  return QUERY_BACKOFF_MS[Math.max(0, queriesSoFar - 1)] ?? QUERY_EVERY_MS;
}

/**
 * A terminal answers queries about its current and its previous batch: once it has settled twice after the
 * payment, a query would wrongly say `25` (never received), so the payment is left to the manager.
 */
export const QUERY_WINDOW_SETTLEMENTS = 2;
