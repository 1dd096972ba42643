import { and, eq, gte, inArray } from 'drizzle-orm';
import { z } from 'zod';
import { cardPayments, lanes, shifts, terminalSettlements } from '../../db/schema';
import { can } from '../auth/permissions';
import { inTransaction, type StaffContext } from '../core/context';
import { DomainError, found } from '../core/errors';
import { preAuthStatus } from '../domain/pre-auth-status';
import { findSellingShift } from '../shifts/find-open-shift';
import { CARD_KIND_NAMES, CARD_TRANSACTION_KINDS, type CardTransactionKind } from './card-transaction-kinds';
import { ecrRefFor } from './mispos/link';
import { preAuthFollowUps } from './pre-auth-follow-ups';
import { refuseWhileCardOutcomeUnknown } from './refuse-while-card-outcome-unknown';
import { runCardTransaction } from './run-card-transaction';

export const StartCardPaymentInput = z.object({
  paymentId: z.uuid(),
  laneId: z.uuid(),
  shiftId: z.uuid(),
  saleId: z.uuid().nullable().default(null),
  kind: z.enum(CARD_KIND_NAMES),
  amountFen: z.number().int().min(0).max(99_999_999),
  originalPaymentId: z.uuid().nullable().default(null),
});
export type StartCardPaymentInput = z.input<typeof StartCardPaymentInput>;

/** What a lane starts by itself: a void or refund only with the return it gives money back for (startReturnCardRefund). */
export const LaneStartCardPaymentInput = StartCardPaymentInput.extend({
  kind: z.enum(
    CARD_KIND_NAMES.filter((kind) => kind !== 'void' && kind !== 'refund') as [
      Exclude<CardTransactionKind, 'void' | 'refund'>,
    ],
  ),
});

type Payment = typeof cardPayments.$inferSelect;

/** Which earlier transaction each kind works on, and what it must have been. */
const ORIGINAL_KINDS: Partial<Record<CardTransactionKind, readonly string[]>> = {
  void: ['00'],
  refund: ['00', '12'],
  reprint: ['00', '01', '02', '10', '11', '12', '13'],
  'pre-auth-cancel': ['10'],
  completion: ['10'],
  'completion-void': ['12'],
};
const PRE_AUTH_KINDS: ReadonlySet<CardTransactionKind> = new Set([
  'pre-auth',
  'pre-auth-cancel',
  'completion',
  'completion-void',
]);

/**
 * Persists the card transaction as `in_flight` before anything is sent, then hands it to the lane's terminal
 * in the background; the lane follows it with `findCardPayment`. The same payment id twice starts it once.
 * `record` (what the transaction is for, e.g. a return) commits with it, or nothing is started.
 */
export async function startCardPayment(
  ctx: StaffContext,
  rawInput: StartCardPaymentInput,
  record?: (tx: StaffContext, payment: Payment) => Promise<void>,
): Promise<Payment> {
  const input = StartCardPaymentInput.parse(rawInput);
  if (PRE_AUTH_KINDS.has(input.kind) && !can(ctx.actor.role, 'card.pre-auth')) {
    throw new DomainError('FORBIDDEN', 'card.pre-auth-supervisor', 'Pre-authorisations are for supervisors');
  }
  const checkShift = async (tx: StaffContext) => {
    // Held until commit: the shift cannot close past a card transaction it does not yet see.
    await tx.db.select({ id: shifts.id }).from(shifts).where(eq(shifts.id, input.shiftId)).for('share');
    return findSellingShift(tx, input);
  };
  return startOnTerminal(ctx, input, checkShift, record);
}

/**
 * The same start for the manager's follow-up of a card payment (a void or refund from the back office): no
 * cashier's shift, and `record` (its audit row) commits with the transaction it starts.
 */
export async function startManagerCardTransaction(
  ctx: StaffContext,
  input: Omit<z.output<typeof StartCardPaymentInput>, 'shiftId'>,
  record: (tx: StaffContext, payment: Payment) => Promise<void>,
): Promise<Payment> {
  return startOnTerminal(ctx, { ...input, shiftId: '' }, async () => undefined, record);
}

async function startOnTerminal(
  ctx: StaffContext,
  input: z.output<typeof StartCardPaymentInput>,
  checkShift: (tx: StaffContext) => Promise<unknown>,
  record?: (tx: StaffContext, payment: Payment) => Promise<void>,
): Promise<Payment> {
  const { payment, started } = await inTransaction(ctx, async (tx) => {
    const [known] = await tx.db
      .select()
      .from(cardPayments)
      .where(and(eq(cardPayments.id, input.paymentId), eq(cardPayments.storeId, ctx.storeId)));
    if (known) return { payment: known, started: false };
    await checkShift(tx);
    // Lanes queue here, so two requests for one terminal cannot both pass the in-flight check.
    const [lane] = await tx.db.select().from(lanes).where(eq(lanes.id, input.laneId)).for('update');
    if (!lane?.terminalHost || !lane.terminalPort) {
      throw new DomainError('INVALID', 'card.no-terminal', 'This lane has no bank card terminal');
    }
    const [busy] = await tx.db
      .select({ id: cardPayments.id })
      .from(cardPayments)
      .where(and(eq(cardPayments.laneId, input.laneId), eq(cardPayments.state, 'in_flight')));
    if (busy) throw new DomainError('CONFLICT', 'card.terminal-busy', 'The terminal is still busy with a payment');
    if (input.saleId) await refuseWhileCardOutcomeUnknown(tx, input.saleId);
    const original = await checkOriginal(tx, input);
    const [inserted] = await tx.db
      .insert(cardPayments)
      .values({
        id: input.paymentId,
        storeId: ctx.storeId,
        laneId: input.laneId,
        staffId: ctx.actor.staffId,
        saleId: input.saleId,
        txnType: CARD_TRANSACTION_KINDS[input.kind],
        ecrRef: ecrRefFor(input.paymentId),
        amountFen: amountFor(input, original),
        state: 'in_flight',
        originalPaymentId: original?.id ?? null,
        createdAt: tx.now(),
      })
      .returning();
    const payment = found(inserted, 'card-payment');
    if (record) await record(tx, payment);
    return { payment, started: true };
  });
  if (started) void runCardTransaction(ctx, payment.id);
  return payment;
}

const amountFor = (input: z.output<typeof StartCardPaymentInput>, original: Payment | null) => {
  if (input.kind === 'void' || input.kind === 'completion-void' || input.kind === 'pre-auth-cancel') {
    return original?.approvedAmountFen ?? 0;
  }
  return input.kind === 'balance' || input.kind === 'reprint' ? 0 : input.amountFen;
};

async function checkOriginal(tx: StaffContext, input: z.output<typeof StartCardPaymentInput>): Promise<Payment | null> {
  const kinds = ORIGINAL_KINDS[input.kind];
  const moves = ['sale', 'pre-auth', 'refund', 'completion'].includes(input.kind);
  if (moves && input.amountFen < 1) throw new DomainError('INVALID', 'card.amount-required', 'Give an amount');
  if (!kinds) return null;
  if (!input.originalPaymentId) {
    if (input.kind === 'reprint') return null;
    throw new DomainError('INVALID', 'card.original-required', 'Choose the original card transaction');
  }
  const [original] = await tx.db
    .select()
    .from(cardPayments)
    .where(and(eq(cardPayments.id, input.originalPaymentId), eq(cardPayments.storeId, tx.storeId)))
    .for('update');
  if (!original || original.state !== 'approved' || !kinds.includes(original.txnType)) {
    throw new DomainError(
      'INVALID',
      'card.original-not-usable',
      'The original card transaction cannot be used for this',
    );
  }
  if (input.kind === 'reprint') return original;
  const followUps = await tx.db
    .select({ txnType: cardPayments.txnType, amountFen: cardPayments.approvedAmountFen, state: cardPayments.state })
    .from(cardPayments)
    .where(
      and(
        eq(cardPayments.originalPaymentId, original.id),
        inArray(cardPayments.state, ['approved', 'in_flight', 'unknown']),
      ),
    );
  const voided = followUps.some((f) => ['01', '11', '13'].includes(f.txnType));
  if (voided) throw new DomainError('CONFLICT', 'card.already-voided', 'The original has already been voided');
  if (input.kind === 'void' || input.kind === 'completion-void') {
    if (original.laneId !== input.laneId) {
      throw new DomainError('INVALID', 'card.void-other-lane', 'A void goes to the terminal that took the payment');
    }
    const [settled] = await tx.db
      .select({ id: terminalSettlements.id })
      .from(terminalSettlements)
      .where(
        and(
          eq(terminalSettlements.storeId, tx.storeId),
          eq(terminalSettlements.terminalId, original.terminalId ?? ''),
          eq(terminalSettlements.batchNo, original.batchNo ?? -1),
        ),
      );
    // No voucher: the terminal takes voucher 0 as "the last transaction".
    if (settled || original.voucherNo === null || followUps.some((f) => f.txnType === '02')) {
      throw new DomainError(
        'CONFLICT',
        'card.not-voidable',
        'Only an untouched payment of the open batch can be voided',
      );
    }
    if (original.batchNo === null && (await terminalSettledSince(tx, original))) {
      throw new DomainError(
        'CONFLICT',
        'card.batch-unknown',
        'The terminal has settled since this payment, whose batch the slip did not give: refund it instead',
      );
    }
  }
  if (input.kind === 'refund') {
    const refunded = followUps.filter((f) => f.txnType === '02').reduce((sum, f) => sum + (f.amountFen ?? 0), 0);
    if (refunded + input.amountFen > (original.approvedAmountFen ?? 0)) {
      throw new DomainError('CONFLICT', 'card.refund-too-much', 'More than is left to refund on the original');
    }
  }
  if (input.kind === 'completion' && input.amountFen > (original.approvedAmountFen ?? 0)) {
    throw new DomainError('INVALID', 'card.completion-too-much', 'A completion cannot exceed the authorised amount');
  }
  if (input.kind === 'completion' || input.kind === 'pre-auth-cancel') await checkPreAuthOpen(tx, original.id);
  return original;
}

/** A pre-authorisation is completed once; only voiding that completion opens it again, as the bank keeps it. */
async function checkPreAuthOpen(tx: StaffContext, preAuthId: string) {
  const status = preAuthStatus(preAuthId, await preAuthFollowUps(tx, [preAuthId]));
  if (status.kind === 'completed') {
    throw new DomainError(
      'CONFLICT',
      'card.pre-auth-completed',
      'This pre-authorisation is completed: void the completion first',
    );
  }
  if (status.kind === 'pending') {
    throw new DomainError(
      'CONFLICT',
      'card.pre-auth-pending',
      'A transaction on this pre-authorisation is still under way',
    );
  }
}

/** A payment settled from the slip has no batch number: its batch may be open only if the lane has not settled since. */
async function terminalSettledSince(tx: StaffContext, original: Payment) {
  const [settled] = await tx.db
    .select({ id: terminalSettlements.id })
    .from(terminalSettlements)
    .where(
      and(
        eq(terminalSettlements.storeId, tx.storeId),
        eq(terminalSettlements.laneId, original.laneId),
        gte(terminalSettlements.settledAt, original.createdAt),
      ),
    )
    .limit(1);
  return settled !== undefined;
}
