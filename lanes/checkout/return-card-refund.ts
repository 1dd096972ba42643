/** The server refused the void before anything reached the terminal: a refund is then the way back to the card. */
const VOID_REFUSED_UNSENT = new Set(['card.not-voidable', 'card.void-other-lane', 'card.batch-unknown']);

/**
 * A return's money back to the card: the void, or a refund only when the void was refused unsent. Any other
 * failure (the void's outcome unknown, the network) is passed on: the money may be back already.
 */
export async function voidElseRefund<P>(
  voidIt: () => Promise<P>,
  refund: () => Promise<P>,
  reasonOf: (error: unknown) => string | null,
): Promise<P> {
  try {
    return await voidIt();
  } catch (error) {
    if (!VOID_REFUSED_UNSENT.has(reasonOf(error) ?? '')) throw error;
    return refund();
  }
}
