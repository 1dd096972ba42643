import { and, eq, gte, inArray } from 'drizzle-orm';
import { cardPayments } from '../../db/schema';
import type { StaffContext } from '../core/context';
import { DomainError } from '../core/errors';
import { CARD_OUTCOME_NOT_KNOWN, cardOutcomeBlocks } from '../domain/card-outcome';

/**
 * The one rule against charging twice: while a card transaction of this sale (or return) has an unknown outcome,
 * it takes no other card payment, is not finished another way and is not voided. Reason `card.outcome-unknown`.
 */
export function assertCardOutcomesKnown(payments: readonly { state: string }[]): void {
  if (cardOutcomeBlocks(payments)) {
    throw new DomainError(
      'CONFLICT',
      'card.outcome-unknown',
      'A card transaction of this sale has an unknown outcome: wait for it, or ask the manager to settle it',
    );
  }
}

/** The rule above over the card transactions started for this sale or return. */
export async function refuseWhileCardOutcomeUnknown(ctx: StaffContext, saleId: string): Promise<void> {
  const payments = await ctx.db
    .select({ state: cardPayments.state })
    .from(cardPayments)
    .where(and(eq(cardPayments.storeId, ctx.storeId), eq(cardPayments.saleId, saleId)));
  assertCardOutcomesKnown(payments);
}

/**
 * The rule above at sign-out: a shift stays open while a card transaction its cashier started on its lane is of
 * unknown outcome, so a return waiting on one is recorded in the shift whose figures count it.
 */
export async function refuseShiftCloseWhileCardOutcomeUnknown(
  ctx: StaffContext,
  shift: { laneId: string; staffId: string; openedAt: Date },
): Promise<void> {
  const payments = await ctx.db
    .select({ state: cardPayments.state })
    .from(cardPayments)
    .where(
      and(
        eq(cardPayments.storeId, ctx.storeId),
        eq(cardPayments.laneId, shift.laneId),
        eq(cardPayments.staffId, shift.staffId),
        gte(cardPayments.createdAt, shift.openedAt),
        inArray(cardPayments.state, [...CARD_OUTCOME_NOT_KNOWN]),
      ),
    );
  assertCardOutcomesKnown(payments);
}
