import { and, eq } from 'drizzle-orm';
import { z } from 'zod';
import { cardPayments, lanes, staff, stores, terminalSettlements } from '../../db/schema';
import { writeAudit } from '../audit/write-audit';
import { inTransaction, type StaffContext } from '../core/context';
import { DomainError, found } from '../core/errors';
import { cardTotals, compareCardTotals, missingVouchers, type CardTotals } from '../domain/card-settlement';
import { storeLocalTime } from '../domain/store-time';
import { ecrRefFor, queryRequestFor, TerminalBusyError } from './mispos/link';
import { terminalLinkFor } from './terminal-links';
import { plainRequest, requestIdentity } from './terminal-request';
import { failedUnconfirmedSinceLastSettlement, verifyFailedCardPayment } from './verify-failed-card-payment';

export const SettleTerminalInput = z.object({ settlementId: z.uuid(), laneId: z.uuid() });
export type SettleTerminalInput = z.input<typeof SettleTerminalInput>;

export interface DifferingTransaction {
  paymentId: string | null;
  voucherNo: number | null;
  amountFen: number | null;
  problem: 'unknown-to-terminal' | 'amount-differs' | 'outcome-differs' | 'unknown-to-pos' | 'failed-was-approved';
}

/**
 * Settlement (`06`) of a lane's terminal: the batch closes at the bank, and the terminal's totals are set
 * beside the POS's own approved card transactions of that batch. When they differ, each POS transaction is
 * asked for (`20`) and voucher gaps are listed, so the manager sees exactly which transactions differ; so is each
 * payment of this batch a manager settled as failed, corrected to approved if the terminal approved it.
 */
export async function settleTerminal(ctx: StaffContext, rawInput: SettleTerminalInput) {
  const input = SettleTerminalInput.parse(rawInput);
  const [row] = await ctx.db
    .select({ lane: lanes, timeZone: stores.timezone, operatorNo: staff.operatorNo })
    .from(lanes)
    .innerJoin(stores, eq(stores.id, lanes.storeId))
    .innerJoin(staff, eq(staff.id, ctx.actor.staffId))
    .where(and(eq(lanes.id, input.laneId), eq(lanes.storeId, ctx.storeId)));
  const { lane, timeZone, operatorNo } = found(row, 'lane');
  if (!lane.terminalHost || !lane.terminalPort) {
    throw new DomainError('INVALID', 'card.no-terminal', 'This lane has no bank card terminal');
  }
  const entry = terminalLinkFor({ laneId: lane.id, host: lane.terminalHost, port: lane.terminalPort });
  const base = requestIdentity(lane.number, operatorNo);
  const outcome = await entry.link
    .transact(plainRequest(base, '06', ecrRefFor(input.settlementId)))
    .catch((error: unknown) => {
      if (error instanceof TerminalBusyError)
        throw new DomainError('CONFLICT', 'card.terminal-busy', 'The terminal is busy');
      throw error;
    });
  if (outcome.kind !== 'answered') {
    throw new DomainError('CONFLICT', 'card.terminal-unreachable', `No settlement answer: ${outcome.detail}`);
  }
  const response = outcome.response;
  if (response.respCode === 'X4') throw new DomainError('CONFLICT', 'card.already-settled', 'This batch is settled');
  if (response.respCode !== '00' || !response.totals) {
    throw new DomainError(
      'CONFLICT',
      'card.settlement-refused',
      `Settlement refused: ${response.respCode} ${response.message}`,
    );
  }
  entry.signedIn = false;
  const terminalTotals: CardTotals = response.totals;
  const batch = await ctx.db
    .select()
    .from(cardPayments)
    .where(
      and(
        eq(cardPayments.storeId, ctx.storeId),
        eq(cardPayments.terminalId, response.terminalId),
        eq(cardPayments.batchNo, response.batchNo),
        eq(cardPayments.state, 'approved'),
      ),
    );
  const posTransactions = batch.map((p) => ({
    paymentId: p.id,
    txnType: p.txnType,
    amountFen: p.approvedAmountFen ?? 0,
    cardOrg: p.cardOrg,
    voucherNo: p.voucherNo,
  }));
  const posTotals = cardTotals(posTransactions);
  const differences = compareCardTotals(terminalTotals, posTotals);
  const differing: DifferingTransaction[] = [];
  const corrected: typeof batch = [];
  if (differences.length > 0) {
    for (const { id } of await failedUnconfirmedSinceLastSettlement(ctx, lane.id)) {
      const payment = await verifyFailedCardPayment(ctx, id).catch(() => null);
      if (payment?.state !== 'approved') continue;
      corrected.push(payment);
      const { voucherNo, approvedAmountFen: amountFen } = payment;
      differing.push({ paymentId: id, voucherNo, amountFen, problem: 'failed-was-approved' });
    }
    for (const payment of batch) {
      const answer = await entry.link.transact(queryRequestFor({ ...base, ecrRef: payment.ecrRef })).catch(() => null);
      if (answer?.kind !== 'answered') continue;
      const { respCode, amountFen } = answer.response;
      const problem =
        respCode === '25'
          ? 'unknown-to-terminal'
          : respCode !== payment.respCode
            ? 'outcome-differs'
            : amountFen !== payment.approvedAmountFen
              ? 'amount-differs'
              : null;
      if (problem) differing.push({ paymentId: payment.id, voucherNo: payment.voucherNo, amountFen, problem });
    }
    const { domestic, foreign } = terminalTotals;
    const terminalCount = domestic.debitCount + domestic.creditCount + foreign.debitCount + foreign.creditCount;
    const known = [...batch, ...corrected.filter((p) => p.batchNo === response.batchNo)];
    const vouchers = known.flatMap((p) => (p.voucherNo === null ? [] : [p.voucherNo]));
    for (const voucherNo of missingVouchers(vouchers, terminalCount)) {
      differing.push({ paymentId: null, voucherNo, amountFen: null, problem: 'unknown-to-pos' });
    }
  }
  const settledAt = ctx.now();
  return inTransaction(ctx, async (tx) => {
    const [settlement] = await tx.db
      .insert(terminalSettlements)
      .values({
        id: input.settlementId,
        storeId: ctx.storeId,
        laneId: lane.id,
        staffId: ctx.actor.staffId,
        terminalId: response.terminalId,
        merchantId: response.merchantId,
        batchNo: response.batchNo,
        businessDate: storeLocalTime(settledAt, timeZone).businessDate,
        terminalTotals,
        posTotals,
        balanced: differences.length === 0,
        differences: { totals: differences, transactions: differing },
        settledAt,
      })
      .onConflictDoNothing()
      .returning();
    const saved = found(settlement, 'settlement');
    await writeAudit(tx, {
      action: 'card.settled',
      entityType: 'terminal-settlement',
      entityId: saved.id,
      summary: `${response.terminalId} ${String(response.batchNo).padStart(6, '0')} ${saved.balanced ? '平账' : '不平'}`,
      changes: { balanced: { from: null, to: saved.balanced } },
    });
    return { ...saved, differences, differing, slip: response.slip };
  });
}
