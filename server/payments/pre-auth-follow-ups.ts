import { and, eq, inArray } from 'drizzle-orm';
import { cardPayments } from '../../db/schema';
import type { StaffContext } from '../core/context';

const followUpColumns = {
  id: cardPayments.id,
  originalPaymentId: cardPayments.originalPaymentId,
  txnType: cardPayments.txnType,
  state: cardPayments.state,
  approvedAmountFen: cardPayments.approvedAmountFen,
  laneId: cardPayments.laneId,
  terminalId: cardPayments.terminalId,
  batchNo: cardPayments.batchNo,
};

/** The cancels and completions of these pre-authorisations, and what was done to those completions, for `preAuthStatus`. */
export async function preAuthFollowUps(ctx: StaffContext, preAuthIds: readonly string[]) {
  if (preAuthIds.length === 0) return [];
  const onPreAuths = await ctx.db
    .select(followUpColumns)
    .from(cardPayments)
    .where(and(eq(cardPayments.storeId, ctx.storeId), inArray(cardPayments.originalPaymentId, [...preAuthIds])));
  const completionIds = onPreAuths.filter((f) => f.txnType === '12').map((f) => f.id);
  if (completionIds.length === 0) return onPreAuths;
  const onCompletions = await ctx.db
    .select(followUpColumns)
    .from(cardPayments)
    .where(and(eq(cardPayments.storeId, ctx.storeId), inArray(cardPayments.originalPaymentId, completionIds)));
  return [...onPreAuths, ...onCompletions];
}
