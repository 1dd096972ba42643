import { and, count, eq, gt, inArray } from 'drizzle-orm';
import { cardPaymentAttempts, cardPayments, lanes, staff, terminalSettlements } from '../../db/schema';
import { inTransaction, type ServiceContext } from '../core/context';
import { recordReturnOnCardOutcome } from '../sales/record-return-on-card-outcome';
import { newId } from '../core/ids';
import { approvedAmountFault } from '../domain/card-approved-amount';
import { nextQueryDelayMs, QUERY_WINDOW_SETTLEMENTS } from '../domain/card-query-schedule';
import { APPROVED_CODES, FINANCIAL_TXN_TYPES } from './card-transaction-kinds';
import { forgetCardStatus, recordCardStatus } from './card-statuses';
import type { MisposResponse } from './mispos';
import { ecrRefFor, queryRequestFor, TerminalBusyError, type LinkRequest, type TransactOutcome } from './mispos/link';
import { terminalLinkFor, type LaneTerminal } from './terminal-links';
import { plainRequest, requestIdentity, type RequestIdentity } from './terminal-request';
import { CARD_OUTCOME_NOT_KNOWN, cardOutcomeNotKnown } from '../domain/card-outcome';

export type Payment = typeof cardPayments.$inferSelect;
type LinkEntry = ReturnType<typeof terminalLinkFor>;

const envMs = (name: string, fallback: number) => {
  const value = Number(process.env[name]);
  return Number.isInteger(value) && value > 0 ? value : fallback;
};
/** A query has no customer at the PIN pad: the terminal answers it at once or not at all. */
const queryAnswerTimeoutMs = () => envMs('MISPOS_QUERY_ANSWER_TIMEOUT_MS', 5_000);
const running = new Map<string, Promise<Payment>>();

/** The run (or query) of a payment under way in this process, for tests and for a lane waiting on it. */
export const cardTransactionRunning = (paymentId: string) => running.get(paymentId) ?? null;

/** At most one run or query per payment at a time in this process. */
export function singleFlight(paymentId: string, work: () => Promise<Payment>): Promise<Payment> {
  const known = running.get(paymentId);
  if (known) return known;
  const run = work().finally(() => {
    running.delete(paymentId);
    forgetCardStatus(paymentId);
  });
  running.set(paymentId, run);
  return run;
}

/** Sends an `in_flight` payment to its terminal and records what became of it; at most one run per payment. */
export function runCardTransaction(ctx: ServiceContext, paymentId: string): Promise<Payment> {
  return singleFlight(paymentId, () =>
    sendAndRecord(ctx, paymentId).catch(async (error: unknown) => {
      // Whatever broke, the terminal may have charged the card: unknown, so it is asked for, never resent.
      console.error(`card payment ${paymentId} failed`, error);
      const [marked] = await ctx.db
        .update(cardPayments)
        .set({ state: 'unknown', message: 'the POS failed while waiting for the terminal', nextQueryAt: ctx.now() })
        .where(and(eq(cardPayments.id, paymentId), eq(cardPayments.state, 'in_flight')))
        .returning();
      return marked ?? (await loadPayment(ctx, paymentId)).payment;
    }),
  );
}

/** One query for a payment of unknown outcome, unless this process is already running or asking about it. */
export function queryCardPaymentOnce(ctx: ServiceContext, paymentId: string): Promise<Payment> {
  return singleFlight(paymentId, () => queryCardPayment(ctx, paymentId));
}

async function sendAndRecord(ctx: ServiceContext, paymentId: string): Promise<Payment> {
  const { payment, terminal, request } = await loadPayment(ctx, paymentId);
  if (payment.state !== 'in_flight') return payment;
  const entry = terminalLinkFor(terminal);
  const financial = FINANCIAL_TXN_TYPES.has(payment.txnType);
  await linkIdle(entry, queryAnswerTimeoutMs() + LINK_IDLE_SLACK_MS);
  if (financial && !entry.signedIn) await signInTerminal(entry, request);
  let outcome = await transact(ctx, entry, payment, request, 'request');
  // A4: the terminal was not signed in, so the request never reached the bank: sign in, then a new attempt.
  if (outcome.kind === 'answered' && outcome.response.respCode === 'A4' && (await signInTerminal(entry, request))) {
    const retry = { ...request, ecrRef: ecrRefFor(newId()) };
    // From here the retry's ecrRef decides the payment; the first stays in the attempts.
    await ctx.db.update(cardPayments).set({ ecrRef: retry.ecrRef }).where(eq(cardPayments.id, paymentId));
    outcome = await transact(ctx, entry, payment, retry, 'request');
  }
  const recorded = await recordOutcome(ctx, payment, outcome);
  return recorded.state === 'unknown' ? queryCardPayment(ctx, paymentId) : recorded;
}

const LINK_IDLE_SLACK_MS = 3_000;

/** A query the resolver has under way on the lane's terminal ends within its own timeout: the payment waits for it. */
async function linkIdle(entry: LinkEntry, withinMs: number): Promise<void> {
  const deadline = Date.now() + withinMs;
  while (entry.link.busy && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 50));
}

/** One request or query, kept as an attempt of the payment before it is sent and completed with its outcome. */
export async function transact(
  ctx: ServiceContext,
  entry: LinkEntry,
  payment: Payment,
  request: LinkRequest,
  kind: 'request' | 'query',
): Promise<TransactOutcome> {
  const attemptId = newId();
  await ctx.db.insert(cardPaymentAttempts).values({
    id: attemptId,
    storeId: payment.storeId,
    paymentId: payment.id,
    ecrRef: request.ecrRef,
    kind,
    sentAt: ctx.now(),
  });
  let outcome: TransactOutcome;
  try {
    outcome = await entry.link.transact(request, {
      onStatus: (status) => recordCardStatus(payment.id, status, ctx.now()),
      answerTimeoutMs: kind === 'query' ? queryAnswerTimeoutMs() : undefined,
    });
  } catch (error) {
    if (!(error instanceof TerminalBusyError)) throw error;
    outcome = { kind: 'not-sent', reason: 'aborted', detail: 'the terminal link is busy' };
  }
  const answered = outcome.kind === 'answered' ? outcome.response : null;
  await ctx.db
    .update(cardPaymentAttempts)
    .set({
      answeredAt: ctx.now(),
      outcome: outcome.kind,
      respCode: answered?.respCode ?? null,
      answeredAmountFen: answered?.amountFen ?? null,
      detail: outcome.kind === 'answered' ? outcome.response.message : outcome.detail,
    })
    .where(eq(cardPaymentAttempts.id, attemptId));
  return outcome;
}

/** `05`: opens the terminal's batch; true when it answered approved. */
export async function signInTerminal(entry: LinkEntry, identity: RequestIdentity) {
  const outcome = await entry.link.transact(plainRequest(identity, '05', ecrRefFor(newId()))).catch(() => null);
  entry.signedIn = outcome?.kind === 'answered' && outcome.response.respCode === '00';
  return entry.signedIn;
}

/**
 * Asks the terminal once for the outcome of a payment it may have taken, by the ecrRef that decides it (`20`),
 * never by sending it again. The next query is scheduled before this one goes out, so a crash keeps the schedule;
 * `BY` or no answer means asking again then. Past the terminal's query window it is left to a manager.
 */
export async function queryCardPayment(ctx: ServiceContext, paymentId: string): Promise<Payment> {
  const { payment, terminal, request } = await loadPayment(ctx, paymentId);
  if (!cardOutcomeNotKnown(payment)) return payment;
  if (await queryWindowClosed(ctx, payment)) {
    const message = 'the terminal has settled twice since and no longer knows this transaction: for the manager';
    return updateOpen(ctx, paymentId, { state: 'unknown', message, nextQueryAt: null });
  }
  const queries = payment.queries + 1;
  await updateOpen(ctx, paymentId, {
    state: 'unknown',
    message: payment.message ?? 'no answer from the terminal',
    queries,
    nextQueryAt: new Date(ctx.now().getTime() + nextQueryDelayMs(queries)),
  });
  const answer = await transact(ctx, terminalLinkFor(terminal), payment, queryRequestFor(request), 'query');
  if (answer.kind !== 'answered' || answer.response.respCode === 'BY')
    return (await loadPayment(ctx, paymentId)).payment;
  // 25: the terminal never got the request, so nothing moved; otherwise the answer is the original's.
  if (answer.response.respCode === '25') {
    return recordOutcome(ctx, payment, { kind: 'not-sent', reason: 'aborted', detail: 'not received (25)' });
  }
  return recordOutcome(ctx, payment, answer);
}

/** Settlements of the payment's lane terminal since the payment: two, and its batch is beyond a query's reach. */
export async function queryWindowClosed(ctx: ServiceContext, payment: Payment): Promise<boolean> {
  const [row] = await ctx.db
    .select({ settlements: count() })
    .from(terminalSettlements)
    .where(and(eq(terminalSettlements.laneId, payment.laneId), gt(terminalSettlements.settledAt, payment.createdAt)));
  return (row?.settlements ?? 0) >= QUERY_WINDOW_SETTLEMENTS;
}

async function recordOutcome(ctx: ServiceContext, payment: Payment, outcome: TransactOutcome): Promise<Payment> {
  if (outcome.kind === 'unknown') {
    return updateOpen(ctx, payment.id, { state: 'unknown', message: outcome.detail, answeredAt: ctx.now() });
  }
  if (outcome.kind === 'not-sent') {
    return updateOpen(ctx, payment.id, {
      state: 'not_sent',
      message: outcome.detail,
      answeredAt: ctx.now(),
      nextQueryAt: null,
    });
  }
  const { response } = outcome;
  const fault = approvedAmountFault(payment.amountFen, response.respCode, response.amountFen);
  // Never taken as approved: the terminal misstated what it did, so a query (amount checked) or a manager decides.
  if (fault) return updateOpen(ctx, payment.id, { state: 'unknown', message: fault, answeredAt: ctx.now() });
  return updateOpen(ctx, payment.id, {
    ...answeredValues(payment, response),
    answeredAt: ctx.now(),
    nextQueryAt: null,
  });
}

/** An outcome not yet known becomes `values`; a return waiting on it is recorded (or dropped) in the same transaction. */
async function updateOpen(ctx: ServiceContext, paymentId: string, values: Partial<Payment>): Promise<Payment> {
  const updated = await inTransaction(ctx, async (tx) => {
    const [row] = await tx.db
      .update(cardPayments)
      .set(values)
      .where(and(eq(cardPayments.id, paymentId), inArray(cardPayments.state, [...CARD_OUTCOME_NOT_KNOWN])))
      .returning();
    if (row) await recordReturnOnCardOutcome(tx, row);
    return row;
  });
  return updated ?? (await loadPayment(ctx, paymentId)).payment;
}

/** What the POS keeps of an answer: the outcome and the card as the terminal masked it; no track or PIN data exists here. */
export function answeredValues(payment: Payment, response: MisposResponse) {
  // A query's answer echoes the query's type (`20`): what was asked for is the payment's own.
  const balance = payment.txnType === '03';
  return {
    state: APPROVED_CODES.has(response.respCode) ? ('approved' as const) : ('declined' as const),
    respCode: response.respCode,
    message: response.message,
    approvedAmountFen: APPROVED_CODES.has(response.respCode) && !balance ? response.amountFen : null,
    balanceFen: balance && response.respCode === '00' ? response.amountFen : null,
    issuerCode: response.issuerCode,
    issuerName: response.issuerName,
    cardNoMasked: response.cardNo,
    cardOrg: response.cardOrg,
    fundingType: response.fundingType,
    merchantId: response.merchantId,
    terminalId: response.terminalId,
    batchNo: response.batchNo,
    voucherNo: response.voucherNo,
    refNo: response.refNo,
    authCode: response.authCode,
    hostDate: response.txnDate,
    hostTime: response.txnTime,
    slip: response.slip,
  };
}

export async function loadPayment(
  ctx: ServiceContext,
  paymentId: string,
): Promise<{ payment: Payment; terminal: LaneTerminal; request: LinkRequest }> {
  const [row] = await ctx.db
    .select({ payment: cardPayments, lane: lanes, operatorNo: staff.operatorNo })
    .from(cardPayments)
    .innerJoin(lanes, eq(lanes.id, cardPayments.laneId))
    .innerJoin(staff, eq(staff.id, cardPayments.staffId))
    .where(eq(cardPayments.id, paymentId));
  if (!row) throw new Error(`card payment ${paymentId} not found`);
  const { payment, lane, operatorNo } = row;
  const original = payment.originalPaymentId
    ? (await ctx.db.select().from(cardPayments).where(eq(cardPayments.id, payment.originalPaymentId)))[0]
    : undefined;
  return {
    payment,
    terminal: { laneId: lane.id, host: lane.terminalHost ?? '', port: lane.terminalPort ?? 0 },
    request: {
      ...requestIdentity(lane.number, operatorNo),
      txnType: payment.txnType,
      amountFen: payment.amountFen,
      origDate: payment.txnType === '02' ? (original?.hostDate ?? null) : null,
      origRefNo: original?.refNo ?? '',
      origVoucherNo: original?.voucherNo ?? 0,
      origAuthCode: original?.authCode ?? '',
      ecrRef: payment.ecrRef,
    },
  };
}
