import { and, eq, inArray } from 'drizzle-orm';
import { cardPayments, lanes, staff } from '../../db/schema';
import type { ServiceContext } from '../core/context';
import { newId } from '../core/ids';
import { APPROVED_CODES, FINANCIAL_TXN_TYPES } from './card-transaction-kinds';
import { forgetCardStatus, recordCardStatus } from './card-statuses';
import type { MisposResponse } from './mispos';
import { ecrRefFor, queryRequestFor, TerminalBusyError, type LinkRequest, type TransactOutcome } from './mispos/link';
import { terminalLinkFor, type LaneTerminal } from './terminal-links';
import { plainRequest, requestIdentity, type RequestIdentity } from './terminal-request';

type Payment = typeof cardPayments.$inferSelect;
type LinkEntry = ReturnType<typeof terminalLinkFor>;

const queryTries = () => Number(process.env.MISPOS_QUERY_TRIES ?? 3);
const queryPauseMs = () => Number(process.env.MISPOS_QUERY_PAUSE_MS ?? 1_000);
const running = new Map<string, Promise<Payment>>();

/** The run of a payment started in this process, for tests and for a lane waiting on it. */
export const cardTransactionRunning = (paymentId: string) => running.get(paymentId) ?? null;

/** Sends an `in_flight` payment to its terminal and records what became of it; at most one run per payment. */
export function runCardTransaction(ctx: ServiceContext, paymentId: string): Promise<Payment> {
  const known = running.get(paymentId);
  if (known) return known;
  const run = sendAndRecord(ctx, paymentId)
    .catch(async (error: unknown) => {
      // Whatever broke, the terminal may have charged the card: unknown, so it is asked for, never resent.
      console.error(`card payment ${paymentId} failed`, error);
      const [marked] = await ctx.db
        .update(cardPayments)
        .set({ state: 'unknown', message: 'the POS failed while waiting for the terminal' })
        .where(and(eq(cardPayments.id, paymentId), eq(cardPayments.state, 'in_flight')))
        .returning();
      return marked ?? (await loadPayment(ctx, paymentId)).payment;
    })
    .finally(() => {
      running.delete(paymentId);
      forgetCardStatus(paymentId);
    });
  running.set(paymentId, run);
  return run;
}

async function sendAndRecord(ctx: ServiceContext, paymentId: string): Promise<Payment> {
  const { payment, terminal, request } = await loadPayment(ctx, paymentId);
  if (payment.state !== 'in_flight') return payment;
  const entry = terminalLinkFor(terminal);
  const financial = FINANCIAL_TXN_TYPES.has(payment.txnType);
  if (financial && !entry.signedIn) await signInTerminal(entry, request);
  let outcome = await transact(entry, request, paymentId, ctx);
  // A4: the terminal was not signed in, so the request never reached the bank: sign in, then a new attempt.
  if (outcome.kind === 'answered' && outcome.response.respCode === 'A4' && (await signInTerminal(entry, request))) {
    const retry = { ...request, ecrRef: ecrRefFor(newId()) };
    await ctx.db.update(cardPayments).set({ ecrRef: retry.ecrRef }).where(eq(cardPayments.id, paymentId));
    outcome = await transact(entry, retry, paymentId, ctx);
  }
  if (outcome.kind === 'unknown') return resolveByQuery(ctx, payment.id);
  return recordOutcome(ctx, paymentId, outcome);
}

async function transact(entry: LinkEntry, request: LinkRequest, paymentId: string, ctx: ServiceContext) {
  try {
    return await entry.link.transact(request, { onStatus: (status) => recordCardStatus(paymentId, status, ctx.now()) });
  } catch (error) {
    if (!(error instanceof TerminalBusyError)) throw error;
    return { kind: 'not-sent', reason: 'aborted', detail: 'the terminal link is busy' } as const;
  }
}

/** `05`: opens the terminal's batch; true when it answered approved. */
export async function signInTerminal(entry: LinkEntry, identity: RequestIdentity) {
  const outcome = await entry.link.transact(plainRequest(identity, '05', ecrRefFor(newId()))).catch(() => null);
  entry.signedIn = outcome?.kind === 'answered' && outcome.response.respCode === '00';
  return entry.signedIn;
}

/**
 * The outcome of a payment the terminal may have taken, asked for by its ecrRef (`20`), never by sending it
 * again. Still unknown after a few tries, it waits for the next server start and a manager.
 */
export async function resolveByQuery(ctx: ServiceContext, paymentId: string): Promise<Payment> {
  const { payment, terminal, request } = await loadPayment(ctx, paymentId);
  if (payment.state !== 'in_flight' && payment.state !== 'unknown') return payment;
  const entry = terminalLinkFor(terminal);
  for (let attempt = 0; attempt < queryTries(); attempt++) {
    if (attempt > 0) await new Promise((resolve) => setTimeout(resolve, queryPauseMs()));
    await ctx.db
      .update(cardPayments)
      .set({ queries: payment.queries + attempt + 1 })
      .where(eq(cardPayments.id, paymentId));
    const answer = await transact(entry, queryRequestFor(request), paymentId, ctx);
    if (answer.kind !== 'answered' || answer.response.respCode === 'BY') continue;
    // 25: the terminal never got the request, so nothing moved; otherwise the answer is the original's.
    if (answer.response.respCode === '25') {
      return recordOutcome(ctx, paymentId, { kind: 'not-sent', reason: 'aborted', detail: 'not received (25)' });
    }
    return recordOutcome(ctx, paymentId, answer);
  }
  const [stillUnknown] = await ctx.db
    .update(cardPayments)
    .set({ state: 'unknown', message: 'no answer from the terminal' })
    .where(and(eq(cardPayments.id, paymentId), inArray(cardPayments.state, ['in_flight', 'unknown'])))
    .returning();
  return stillUnknown ?? (await loadPayment(ctx, paymentId)).payment;
}

async function recordOutcome(ctx: ServiceContext, paymentId: string, outcome: TransactOutcome): Promise<Payment> {
  const values =
    outcome.kind === 'answered'
      ? answeredValues(outcome.response)
      : { state: outcome.kind === 'not-sent' ? ('not_sent' as const) : ('unknown' as const), message: outcome.detail };
  const [updated] = await ctx.db
    .update(cardPayments)
    .set({ ...values, answeredAt: ctx.now() })
    .where(and(eq(cardPayments.id, paymentId), inArray(cardPayments.state, ['in_flight', 'unknown'])))
    .returning();
  return updated ?? (await loadPayment(ctx, paymentId)).payment;
}

/** What the POS keeps of an answer: the outcome and the card as the terminal masked it; no track or PIN data exists here. */
function answeredValues(response: MisposResponse) {
  const balance = response.txnType === '03';
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

async function loadPayment(
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
