const ENDED_WITHOUT_APPROVAL: ReadonlySet<string> = new Set(['declined', 'not_sent', 'failed']);

/**
 * Which card payment an open sale's panel follows: the one it started, until that ends without approval; then (or
 * when it started none) the one the server names for the sale and the lane has not tendered yet.
 */
export function cardPaymentToFollow({
  startedId,
  startedState,
  serverNamedId,
  claimedIds,
}: {
  startedId: string | null;
  /** What the panel last read of the payment it started, if anything. */
  startedState: string | undefined;
  serverNamedId: string | null;
  claimedIds: readonly string[];
}): string | null {
  const named = serverNamedId && !claimedIds.includes(serverNamedId) ? serverNamedId : null;
  const startedEnded = startedState !== undefined && ENDED_WITHOUT_APPROVAL.has(startedState);
  return startedId && !startedEnded ? startedId : (named ?? startedId);
}
