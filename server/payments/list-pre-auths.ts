import { and, desc, eq, gte, inArray } from 'drizzle-orm';
import { z } from 'zod';
import { cardPayments, lanes, staff, terminalSettlements } from '../../db/schema';
import type { StaffContext } from '../core/context';
import { preAuthStatus } from '../domain/pre-auth-status';
import { preAuthFollowUps } from './pre-auth-follow-ups';

/** Banks hold a pre-authorisation for about 30 days; older ones are no longer worth offering at the lane. */
export const PRE_AUTH_LIST_DAYS = 30;
const PRE_AUTH_LIST_LIMIT = 100;

export const ListPreAuthsInput = z.object({ laneId: z.uuid().nullable().default(null) });
export type ListPreAuthsInput = z.input<typeof ListPreAuthsInput>;

/** The store's approved pre-authorisations of the last 30 days (of one lane when given), newest first, each with where it stands. */
export async function listPreAuths(ctx: StaffContext, rawInput: ListPreAuthsInput) {
  const input = ListPreAuthsInput.parse(rawInput);
  const since = new Date(ctx.now().getTime() - PRE_AUTH_LIST_DAYS * 24 * 60 * 60 * 1000);
  const preAuths = await ctx.db
    .select({
      paymentId: cardPayments.id,
      laneId: cardPayments.laneId,
      laneNumber: lanes.number,
      staffName: staff.name,
      amountFen: cardPayments.amountFen,
      approvedAmountFen: cardPayments.approvedAmountFen,
      cardNoMasked: cardPayments.cardNoMasked,
      issuerName: cardPayments.issuerName,
      authCode: cardPayments.authCode,
      refNo: cardPayments.refNo,
      voucherNo: cardPayments.voucherNo,
      createdAt: cardPayments.createdAt,
    })
    .from(cardPayments)
    .innerJoin(lanes, eq(lanes.id, cardPayments.laneId))
    .innerJoin(staff, eq(staff.id, cardPayments.staffId))
    .where(
      and(
        eq(cardPayments.storeId, ctx.storeId),
        eq(cardPayments.txnType, '10'),
        eq(cardPayments.state, 'approved'),
        gte(cardPayments.createdAt, since),
        input.laneId ? eq(cardPayments.laneId, input.laneId) : undefined,
      ),
    )
    .orderBy(desc(cardPayments.createdAt))
    .limit(PRE_AUTH_LIST_LIMIT);
  const followUps = await preAuthFollowUps(
    ctx,
    preAuths.map((p) => p.paymentId),
  );
  const settledBatches = await settledBatchesOf(ctx, followUps);
  return preAuths.map((preAuth) => {
    const status = preAuthStatus(preAuth.paymentId, followUps);
    const completion = status.kind === 'completed' ? status.completion : null;
    return {
      ...preAuth,
      approvedAmountFen: preAuth.approvedAmountFen ?? 0,
      status: status.kind,
      completion: completion && {
        paymentId: completion.id,
        amountFen: completion.approvedAmountFen ?? 0,
        laneId: completion.laneId,
        // As `startCardPayment` allows a completion void: same batch, still open, nothing refunded.
        voidable:
          status.kind === 'completed' &&
          !status.refunded &&
          !settledBatches.has(`${completion.terminalId}/${completion.batchNo}`),
      },
    };
  });
}

async function settledBatchesOf(ctx: StaffContext, followUps: { terminalId: string | null }[]) {
  const terminalIds = [...new Set(followUps.flatMap((f) => (f.terminalId ? [f.terminalId] : [])))];
  if (terminalIds.length === 0) return new Set<string>();
  const settled = await ctx.db
    .select({ terminalId: terminalSettlements.terminalId, batchNo: terminalSettlements.batchNo })
    .from(terminalSettlements)
    .where(and(eq(terminalSettlements.storeId, ctx.storeId), inArray(terminalSettlements.terminalId, terminalIds)));
  return new Set(settled.map((s) => `${s.terminalId}/${s.batchNo}`));
}
