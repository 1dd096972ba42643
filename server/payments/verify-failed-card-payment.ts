import { and, desc, eq, gt, isNotNull } from 'drizzle-orm';
import { cardPayments, staff, terminalSettlements } from '../../db/schema';
import { writeAudit } from '../audit/write-audit';
import { inTransaction, type ServiceContext, type StaffContext } from '../core/context';
import { approvedAmountFault } from '../domain/card-approved-amount';
import { nextQueryDelayMs } from '../domain/card-query-schedule';
import { APPROVED_CODES } from './card-transaction-kinds';
import type { MisposResponse } from './mispos';
import { queryRequestFor } from './mispos/link';
import {
  answeredValues,
  loadPayment,
  queryWindowClosed,
  singleFlight,
  transact,
  type Payment,
} from './run-card-transaction';
import { terminalLinkFor } from './terminal-links';

/** A manager's settlement as failed that the bank has not confirmed yet: the resolver still asks about it. */
export const failedUnconfirmed = () => and(eq(cardPayments.state, 'failed'), isNotNull(cardPayments.nextQueryAt));

/**
 * The bank's answer outranks the manager's belief: a payment settled by hand as failed is asked for (`20`, nothing
 * else is sent) on the resolver's schedule while the terminal's query window is open. Approved: corrected to
 * approved; declined or `25`: the failure is confirmed and nobody asks again. At most one query per payment at a time.
 * `ctx` with a member of staff (a settlement) makes them the one who corrected it; else the overruled manager is named.
 */
export function verifyFailedCardPayment(ctx: ServiceContext | StaffContext, paymentId: string): Promise<Payment> {
  return singleFlight(paymentId, () => verify(ctx, paymentId));
}

async function verify(ctx: ServiceContext | StaffContext, paymentId: string): Promise<Payment> {
  const { payment, terminal, request } = await loadPayment(ctx, paymentId);
  if (payment.state !== 'failed' || payment.nextQueryAt === null) return payment;
  if (await queryWindowClosed(ctx, payment)) {
    return stopVerifying(ctx, paymentId, "the terminal has settled twice since: the manager's settlement stands");
  }
  const queries = payment.queries + 1;
  await updateFailed(ctx, paymentId, {
    queries,
    nextQueryAt: new Date(ctx.now().getTime() + nextQueryDelayMs(queries)),
  });
  const answer = await transact(ctx, terminalLinkFor(terminal), payment, queryRequestFor(request), 'query');
  if (answer.kind !== 'answered' || answer.response.respCode === 'BY') return reload(ctx, paymentId);
  const { response } = answer;
  if (!APPROVED_CODES.has(response.respCode)) {
    return stopVerifying(ctx, paymentId, `the terminal confirmed it failed: ${response.respCode} ${response.message}`);
  }
  const fault = approvedAmountFault(payment.amountFen, response.respCode, response.amountFen);
  if (fault) return updateFailed(ctx, paymentId, { message: fault });
  return correctFailedCardPayment(ctx, payment, response);
}

/** The terminal's approval replaces the manager's `failed`, audited in the same transaction. */
async function correctFailedCardPayment(
  ctx: ServiceContext | StaffContext,
  payment: Payment,
  response: MisposResponse,
): Promise<Payment> {
  const [manager] = payment.resolvedByStaffId
    ? await ctx.db
        .select({ id: staff.id, name: staff.name, role: staff.role })
        .from(staff)
        .where(eq(staff.id, payment.resolvedByStaffId))
    : [];
  const actor = 'actor' in ctx ? ctx.actor : manager && { staffId: manager.id, role: manager.role, storeId: null };
  if (!actor) throw new Error(`card payment ${payment.id}: failed, but by nobody`);
  return inTransaction({ ...ctx, actor, storeId: payment.storeId }, async (tx) => {
    const [corrected] = await tx.db
      .update(cardPayments)
      .set({ ...answeredValues(payment, response), answeredAt: tx.now(), correctedAt: tx.now(), nextQueryAt: null })
      .where(and(eq(cardPayments.id, payment.id), eq(cardPayments.state, 'failed')))
      .returning();
    if (!corrected) return reload(tx, payment.id);
    await writeAudit(tx, {
      action: 'card.outcome-corrected',
      entityType: 'card-payment',
      entityId: payment.id,
      summary: `${payment.ecrRef}: settled as failed by ${manager?.name ?? '?'}, the bank approved it`,
      changes: {
        state: { from: 'failed', to: corrected.state },
        approvedAmountFen: { from: null, to: corrected.approvedAmountFen },
        refNo: { from: null, to: corrected.refNo },
        voucherNo: { from: null, to: corrected.voucherNo },
        batchNo: { from: null, to: corrected.batchNo },
        settledAsFailedBy: { from: payment.resolvedByStaffId, to: null },
      },
    });
    return corrected;
  });
}

/** The lane's payments settled by hand as failed, still unconfirmed, made since its last settlement (this batch). */
export async function failedUnconfirmedSinceLastSettlement(ctx: ServiceContext, laneId: string) {
  const [last] = await ctx.db
    .select({ settledAt: terminalSettlements.settledAt })
    .from(terminalSettlements)
    .where(eq(terminalSettlements.laneId, laneId))
    .orderBy(desc(terminalSettlements.settledAt))
    .limit(1);
  return ctx.db
    .select({ id: cardPayments.id })
    .from(cardPayments)
    .where(
      and(
        eq(cardPayments.laneId, laneId),
        failedUnconfirmed(),
        last ? gt(cardPayments.createdAt, last.settledAt) : undefined,
      ),
    );
}

const stopVerifying = (ctx: ServiceContext, paymentId: string, message: string) =>
  updateFailed(ctx, paymentId, { message, nextQueryAt: null });

async function updateFailed(ctx: ServiceContext, paymentId: string, values: Partial<Payment>): Promise<Payment> {
  const [updated] = await ctx.db
    .update(cardPayments)
    .set(values)
    .where(and(eq(cardPayments.id, paymentId), eq(cardPayments.state, 'failed')))
    .returning();
  return updated ?? reload(ctx, paymentId);
}

const reload = async (ctx: ServiceContext, paymentId: string) => (await loadPayment(ctx, paymentId)).payment;
