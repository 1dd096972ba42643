import { and, eq } from 'drizzle-orm';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { auditLog, cardPayments, returnCardRefunds, saleTenders, sales } from '../../db/schema';
import { newId } from '../core/ids';
import { receiptNumber } from '../domain/store-time';
import { ecrRefFor } from '../payments/mispos/link';
import { resolveCardPayment } from '../payments/resolve-card-payment';
import { resolveDueCardPayments } from '../payments/resolve-due-card-payments';
import { cardTransactionRunning } from '../payments/run-card-transaction';
import { startCardPayment } from '../payments/start-card-payment';
import { closeShift } from '../shifts/close-shift';
import { shiftReport } from '../shifts/shift-report';
import { openCardLane, type CardLane } from '../testing/card-lane';
import { bindLaneDevice } from '../testing/lane-device';
import { createCallerFactory } from '../trpc/init';
import { appRouter } from '../trpc/root';
import { forEachDatabase } from '../testing/database-suite';
import { addProduct, saleInput, saleLine, stockOf } from '../testing/sale-fixtures';
import { cardReconciliation } from '../payments/card-reconciliation';
import { finalizeSale } from './finalize-sale';
import { refundsWithoutReturn } from './list-refunds-without-return';
import { writeOffRefundWithoutReturn } from './write-off-refund-without-return';
import { findSaleForReturn } from './find-sale-for-return';
import { recordReturn } from './record-return';
import { startReturnCardRefund } from './start-return-card-refund';

process.env.MISPOS_QUERY_PAUSE_MS = '20';
process.env.MISPOS_ANSWER_TIMEOUT_MS = '400';

forEachDatabase((database) => {
  let rig: CardLane;
  beforeEach(async () => {
    rig = await openCardLane(database().db);
    const balance = await startCardPayment(rig.store.as('cashier'), {
      paymentId: newId(),
      laneId: rig.lane.id,
      shiftId: rig.shiftId,
      kind: 'balance',
      amountFen: 0,
    });
    expect(await cardTransactionRunning(balance.id)).toMatchObject({ state: 'approved' });
  });
  afterEach(() => rig.close());

  const db = () => database().db;
  const cashier = () => rig.store.as('cashier');
  const faults = (body: unknown) =>
    fetch(`http://127.0.0.1:${rig.simulator.controlPort}/faults`, { method: 'POST', body: JSON.stringify(body) });
  const terminalOutcome = (paymentId: string) =>
    rig.simulator.state().terminal.journal.find((entry) => entry.ecrRef === ecrRefFor(paymentId))?.outcome;
  const payment = async (id: string) => (await db().select().from(cardPayments).where(eq(cardPayments.id, id)))[0];
  const returnRows = (returnId: string) => db().select().from(sales).where(eq(sales.id, returnId));

  /** A completed sale of two colas paid by card, and the return of `quantity` of them as the lane asks for it. */
  async function cardSale(quantity = 2) {
    const cola = await addProduct(rig.store, { priceFen: 690 });
    const sale = saleInput(rig.lane.id, rig.lane.number, rig.shiftId, [saleLine(cola, 2)], []);
    const paid = await startCardPayment(cashier(), {
      paymentId: newId(),
      laneId: rig.lane.id,
      shiftId: rig.shiftId,
      saleId: sale.saleId,
      kind: 'sale',
      amountFen: 1380,
    });
    expect(await cardTransactionRunning(paid.id)).toMatchObject({ state: 'approved' });
    await finalizeSale(cashier(), {
      ...sale,
      tenders: [{ tenderId: newId(), kind: 'bank_card', amountFen: 1380, reference: paid.id }],
    });
    const found = await findSaleForReturn(cashier(), { receiptNo: sale.receiptNo });
    const line = found.lines[0];
    if (!line) throw new Error('no line');
    const returnedAt = new Date(Date.UTC(2026, 10, 21, 7, 0, 0));
    const request = {
      returnId: newId(),
      laneId: rig.lane.id,
      shiftId: rig.shiftId,
      receiptNo: receiptNumber(rig.lane.number, returnedAt, 'Asia/Shanghai'),
      returnedAt,
      originalSaleId: sale.saleId,
      lines: [{ lineId: newId(), originalLineId: line.lineId, quantity }],
    };
    const stockAfterSale = await stockOf(db(), rig.store.storeId, cola.id);
    return { sale, paid, request, cola, stockAfterSale };
  }

  /** The void's answer is lost (the bank answers after the POS gave up) and the lane's screen is gone. */
  async function voidAnswerLost(request: Awaited<ReturnType<typeof cardSale>>['request']) {
    await faults({ bankDelay: { ms: 1_500 } });
    const started = await startReturnCardRefund(cashier(), {
      paymentId: newId(),
      kind: 'void',
      amountFen: 0,
      return: request,
    });
    expect(await cardTransactionRunning(started.id)).toMatchObject({ state: 'unknown' });
    await expect.poll(() => terminalOutcome(started.id), { timeout: 5_000 }).toBe('approved');
    return started.id;
  }

  async function expectReturnedOnce(
    { request, cola, stockAfterSale }: Awaited<ReturnType<typeof cardSale>>,
    cardPaymentId: string,
  ) {
    expect(await returnRows(request.returnId)).toMatchObject([{ kind: 'return', totalFen: -1380 }]);
    const tenders = await db().select().from(saleTenders).where(eq(saleTenders.saleId, request.returnId));
    expect(tenders.map((t) => [t.kind, t.amountFen, t.reference])).toEqual([['bank_card', -1380, cardPaymentId]]);
    expect(await stockOf(db(), rig.store.storeId, cola.id)).toEqual({
      projection: stockAfterSale.projection + 2,
      ledger: stockAfterSale.ledger + 2,
    });
    const audits = await db()
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'sale.returned'), eq(auditLog.entityId, request.originalSaleId)));
    expect(audits.map((a) => a.actorStaffId)).toEqual([rig.store.members.cashier.id]);
  }

  it('a void whose answer was lost, with the screen gone: the resolver finds it approved and the return is recorded once', async () => {
    const sold = await cardSale();
    const voidId = await voidAnswerLost(sold.request);
    expect(await returnRows(sold.request.returnId)).toEqual([]);

    rig.store.clock.advanceMinutes(1);
    await resolveDueCardPayments({ db: db(), now: rig.store.clock.now });
    expect(await payment(voidId)).toMatchObject({ state: 'approved', txnType: '01' });
    await expectReturnedOnce(sold, voidId);

    // The lane, back later, records the same return: the same answer, nothing twice.
    const later = new Date(sold.request.returnedAt.getTime() + 60_000);
    const again = await recordReturn(cashier(), {
      ...sold.request,
      receiptNo: receiptNumber(rig.lane.number, later, 'Asia/Shanghai'),
      returnedAt: later,
      lines: sold.request.lines.map((l) => ({ ...l, lineId: newId() })),
      cardPaymentId: voidId,
    });
    expect(again).toEqual({ returnId: sold.request.returnId, receiptNo: sold.request.receiptNo, refundFen: 1380 });
    rig.store.clock.advanceMinutes(5);
    await resolveDueCardPayments({ db: db(), now: rig.store.clock.now });
    await expectReturnedOnce(sold, voidId);
    const report = await shiftReport(cashier(), { shiftId: rig.shiftId });
    expect(report).toMatchObject({ returns: { count: 1, totalFen: -1380 } });
  });

  it('a void of unknown outcome settled by the manager as approved records the return once, as the cashier’s', async () => {
    const sold = await cardSale();
    const voidId = await voidAnswerLost(sold.request);
    const slip = rig.simulator.state().terminal.journal.find((entry) => entry.ecrRef === ecrRefFor(voidId));
    await resolveCardPayment(rig.store.as('store_manager'), {
      paymentId: voidId,
      outcome: 'approved',
      refNo: slip?.rrn ?? '123456789012',
      voucherNo: String(slip?.voucherNo ?? 7).padStart(6, '0'),
    });
    await expectReturnedOnce(sold, voidId);
    expect(await recordReturn(cashier(), { ...sold.request, cardPaymentId: voidId })).toMatchObject({
      refundFen: 1380,
    });
    await expectReturnedOnce(sold, voidId);
  });

  it('a void the manager settled as failed that the bank approved: the correction records the return once', async () => {
    const sold = await cardSale();
    const voidId = await voidAnswerLost(sold.request);
    await resolveCardPayment(rig.store.as('store_manager'), {
      paymentId: voidId,
      outcome: 'failed',
      note: 'the customer saw no refund',
    });
    expect(await returnRows(sold.request.returnId)).toEqual([]);

    rig.store.clock.advanceMinutes(1);
    await resolveDueCardPayments({ db: db(), now: rig.store.clock.now });
    expect(await payment(voidId)).toMatchObject({ state: 'approved', txnType: '01' });
    await expectReturnedOnce(sold, voidId);
    expect(await refundsWithoutReturn(rig.store.as('store_manager'))).toEqual([]);
  });

  it('a refund the bank approved after the lane refunded the return again is money given back for no return, listed until written off', async () => {
    const sold = await cardSale(1);
    const manager = rig.store.as('store_manager');
    const refund = () =>
      startReturnCardRefund(cashier(), { paymentId: newId(), kind: 'refund', amountFen: 690, return: sold.request });
    await faults({ bankDelay: { ms: 1_500 } });
    const lost = await refund();
    expect(await cardTransactionRunning(lost.id)).toMatchObject({ state: 'unknown' });
    await expect.poll(() => terminalOutcome(lost.id), { timeout: 5_000 }).toBe('approved');
    await resolveCardPayment(manager, { paymentId: lost.id, outcome: 'failed', note: 'the customer saw no refund' });
    // The bank allows refunds up to the sale's amount, so the second half-refund goes through too.
    const again = await refund();
    expect(await cardTransactionRunning(again.id)).toMatchObject({ state: 'approved' });
    const returned = async () => ({
      sale: (await returnRows(sold.request.returnId)).map((r) => r.totalFen),
      tenders: (await db().select().from(saleTenders).where(eq(saleTenders.saleId, sold.request.returnId))).map((t) => [
        t.amountFen,
        t.reference,
      ]),
      stock: await stockOf(db(), rig.store.storeId, sold.cola.id),
    });
    const once = {
      sale: [-690],
      tenders: [[-690, again.id]],
      stock: { projection: sold.stockAfterSale.projection + 1, ledger: sold.stockAfterSale.ledger + 1 },
    };
    expect(await returned()).toEqual(once);

    rig.store.clock.advanceMinutes(1);
    await resolveDueCardPayments({ db: db(), now: rig.store.clock.now });
    const corrected = await payment(lost.id);
    expect(corrected).toMatchObject({ state: 'approved', txnType: '02', approvedAmountFen: 690 });
    expect(await returned()).toEqual(once);
    expect((await refundsWithoutReturn(manager)).map((r) => [r.cardPaymentId, r.amountFen, r.failure])).toEqual([
      [lost.id, 690, 'return.card-refunded'],
    ]);
    const hostDate = corrected?.hostDate ?? '';
    const day = `${hostDate.slice(0, 4)}-${hostDate.slice(4, 6)}-${hostDate.slice(6, 8)}`;
    expect(await cardReconciliation(manager, { from: day, to: day })).toMatchObject({
      balanced: false,
      exceptions: { refundsWithoutReturnCount: 1, refundsWithoutReturnFen: 690 },
    });

    await expect(
      writeOffRefundWithoutReturn(manager, { cardPaymentId: again.id, note: 'not this one' }),
    ).rejects.toMatchObject({ reason: 'card.refund-not-without-return' });
    const writeOff = { cardPaymentId: lost.id, note: 'refunded twice; the customer keeps it' };
    await writeOffRefundWithoutReturn(manager, writeOff);
    await writeOffRefundWithoutReturn(manager, writeOff);
    expect(await refundsWithoutReturn(manager)).toEqual([]);
    expect(await cardReconciliation(manager, { from: day, to: day })).toMatchObject({
      exceptions: { refundsWithoutReturnCount: 0 },
    });
    const audits = await db().select().from(auditLog).where(eq(auditLog.action, 'card.refund-written-off'));
    expect(audits.map((a) => [a.entityId, a.actorStaffId])).toEqual([[lost.id, rig.store.members.store_manager.id]]);
  });

  it('a lane starts a void or refund only with the return it is for: the plain card procedure refuses it, nothing is sent', async () => {
    const sold = await cardSale();
    const { token: laneDeviceToken } = await bindLaneDevice(
      rig.store,
      rig.store.members.store_manager.operatorNo,
      rig.lane.number,
    );
    const member = rig.store.members.cashier;
    const lane = createCallerFactory(appRouter)({
      db: db(),
      now: rig.store.clock.now,
      sessionToken: undefined,
      member: null,
      laneSessionToken: 'signed-in-at-the-lane',
      laneDeviceToken,
      laneMember: {
        id: member.id,
        operatorNo: member.operatorNo,
        name: 'cashier',
        role: 'cashier',
        storeId: rig.store.storeId,
      },
      chosenStoreId: undefined,
      resHeaders: new Headers(),
      secureCookies: false,
    }).lane;
    for (const kind of ['void', 'refund'] as const) {
      const paymentId = newId();
      await expect(
        lane.startCardPayment({
          paymentId,
          laneId: rig.lane.id,
          shiftId: rig.shiftId,
          saleId: sold.request.returnId,
          kind: kind as never,
          amountFen: 1380,
          originalPaymentId: sold.paid.id,
        }),
      ).rejects.toMatchObject({ code: 'BAD_REQUEST' });
      expect(await payment(paymentId)).toBeUndefined();
    }
    expect(terminalOutcome(sold.paid.id)).toBe('approved');
    expect(
      rig.simulator.state().terminal.journal.filter((entry) => entry.txnType === '01' || entry.txnType === '02'),
    ).toEqual([]);
  });

  it('a declined refund, or one the manager settles as failed, records nothing; the lane tries again and the return lands once', async () => {
    const sold = await cardSale(1);
    const refund = (amountFen: number) =>
      startReturnCardRefund(cashier(), { paymentId: newId(), kind: 'refund', amountFen, return: sold.request });

    await faults({ bankDecline: { code: '05' } });
    const declined = await refund(690);
    expect(await cardTransactionRunning(declined.id)).toMatchObject({ state: 'declined' });
    expect(await returnRows(sold.request.returnId)).toEqual([]);

    await faults({ bankDelay: { ms: 1_500 }, bankDecline: { code: '05' } });
    const lost = await refund(690);
    expect(await cardTransactionRunning(lost.id)).toMatchObject({ state: 'unknown' });
    await expect.poll(() => terminalOutcome(lost.id), { timeout: 5_000 }).toBe('declined');
    await resolveCardPayment(rig.store.as('store_manager'), {
      paymentId: lost.id,
      outcome: 'failed',
      note: 'the bank says no such refund',
    });
    expect(await returnRows(sold.request.returnId)).toEqual([]);
    const closed = await db()
      .select({ status: returnCardRefunds.status })
      .from(returnCardRefunds)
      .where(eq(returnCardRefunds.returnId, sold.request.returnId));
    expect(closed.map((r) => r.status)).toEqual(['dropped', 'dropped']);
    expect(await stockOf(db(), rig.store.storeId, sold.cola.id)).toEqual(sold.stockAfterSale);

    const retried = await refund(690);
    expect(await cardTransactionRunning(retried.id)).toMatchObject({ state: 'approved' });
    expect(await returnRows(sold.request.returnId)).toMatchObject([{ totalFen: -690 }]);
    expect(await stockOf(db(), rig.store.storeId, sold.cola.id)).toMatchObject({
      projection: sold.stockAfterSale.projection + 1,
    });
    await expect(refund(690)).rejects.toMatchObject({ reason: 'return.already-recorded' });
  });

  it('after a void of unknown outcome no refund is started for the return, before or after the void is known', async () => {
    const sold = await cardSale();
    const voidId = await voidAnswerLost(sold.request);
    const refund = () =>
      startReturnCardRefund(cashier(), { paymentId: newId(), kind: 'refund', amountFen: 1380, return: sold.request });
    await expect(refund()).rejects.toMatchObject({ reason: 'card.outcome-unknown' });
    rig.store.clock.advanceMinutes(1);
    await resolveDueCardPayments({ db: db(), now: rig.store.clock.now });
    expect(await payment(voidId)).toMatchObject({ state: 'approved' });
    await expect(refund()).rejects.toMatchObject({ reason: expect.stringMatching(/^(card\.already-voided|return\.)/) });
    const refunds = rig.simulator.state().terminal.journal.filter((entry) => entry.txnType === '02');
    expect(refunds).toEqual([]);
  });

  it('while a return waits on its card refund, its lines are held: no other return takes them', async () => {
    const sold = await cardSale(1);
    await faults({ bankDelay: { ms: 1_500 } });
    const lost = await startReturnCardRefund(cashier(), {
      paymentId: newId(),
      kind: 'refund',
      amountFen: 690,
      return: sold.request,
    });
    expect(await cardTransactionRunning(lost.id)).toMatchObject({ state: 'unknown' });
    const returnable = async () =>
      (await findSaleForReturn(cashier(), { receiptNo: sold.sale.receiptNo })).lines[0]?.returnableQuantity;
    expect(await returnable()).toBe(1);
    const other = {
      ...sold.request,
      returnId: newId(),
      lines: sold.request.lines.map((l) => ({ ...l, lineId: newId(), quantity: 2 })),
    };
    await expect(
      startReturnCardRefund(cashier(), { paymentId: newId(), kind: 'refund', amountFen: 690, return: other }),
    ).rejects.toMatchObject({ reason: 'return.too-many' });

    await expect.poll(() => terminalOutcome(lost.id), { timeout: 5_000 }).toBe('approved');
    rig.store.clock.advanceMinutes(1);
    await resolveDueCardPayments({ db: db(), now: rig.store.clock.now });
    expect(await returnRows(sold.request.returnId)).toMatchObject([{ totalFen: -690 }]);
    expect(await returnable()).toBe(1);
  });

  it('a void found approved whose return can no longer be recorded keeps its outcome; the return is marked failed', async () => {
    const sold = await cardSale();
    const voidId = await voidAnswerLost(sold.request);
    await db().update(sales).set({ status: 'voided' }).where(eq(sales.id, sold.request.originalSaleId));
    rig.store.clock.advanceMinutes(1);
    await resolveDueCardPayments({ db: db(), now: rig.store.clock.now });
    expect(await payment(voidId)).toMatchObject({ state: 'approved', nextQueryAt: null });
    expect(await returnRows(sold.request.returnId)).toEqual([]);
    const [kept] = await db().select().from(returnCardRefunds).where(eq(returnCardRefunds.cardPaymentId, voidId));
    expect(kept).toMatchObject({ status: 'failed', failure: 'return.not-returnable' });
  });

  it('a return the receipt does not allow starts no card transaction', async () => {
    const sold = await cardSale();
    const tooMany = { ...sold.request, lines: sold.request.lines.map((l) => ({ ...l, quantity: 3 })) };
    const journalBefore = rig.simulator.state().terminal.journal.length;
    await expect(
      startReturnCardRefund(cashier(), { paymentId: newId(), kind: 'void', amountFen: 0, return: tooMany }),
    ).rejects.toMatchObject({ reason: 'return.too-many' });
    await expect(
      startReturnCardRefund(cashier(), {
        paymentId: newId(),
        kind: 'refund',
        amountFen: 700,
        return: { ...sold.request, lines: sold.request.lines.map((l) => ({ ...l, quantity: 1 })) },
      }),
    ).rejects.toMatchObject({ reason: 'return.card-refund-invalid' });
    expect(await db().select().from(cardPayments).where(eq(cardPayments.saleId, sold.request.returnId))).toEqual([]);
    expect(rig.simulator.state().terminal.journal).toHaveLength(journalBefore);
  });

  it('the shift does not close while its return’s void is unknown; once found, the return is in its figures', async () => {
    const sold = await cardSale();
    const voidId = await voidAnswerLost(sold.request);
    await expect(closeShift(cashier(), { shiftId: rig.shiftId, countedCashFen: 0 })).rejects.toMatchObject({
      reason: 'card.outcome-unknown',
    });
    rig.store.clock.advanceMinutes(1);
    await resolveDueCardPayments({ db: db(), now: rig.store.clock.now });
    expect(await payment(voidId)).toMatchObject({ state: 'approved' });
    const report = await closeShift(cashier(), { shiftId: rig.shiftId, countedCashFen: 0 });
    expect(report).toMatchObject({ returns: { count: 1, totalFen: -1380 } });
  });
});
