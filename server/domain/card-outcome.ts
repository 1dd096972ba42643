/** States in which nobody knows whether the customer's money moved: the terminal may have charged the card. */
export const CARD_OUTCOME_NOT_KNOWN = ['in_flight', 'unknown'] as const;

export const cardOutcomeNotKnown = (payment: { state: string }) =>
  (CARD_OUTCOME_NOT_KNOWN as readonly string[]).includes(payment.state);

/**
 * A sale (or return) waits while any of its card transactions has an outcome nobody knows: no other card payment,
 * no finishing it another way, no voiding it, until a query or a manager tells what happened.
 */
export const cardOutcomeBlocks = (payments: readonly { state: string }[]) => payments.some(cardOutcomeNotKnown);
