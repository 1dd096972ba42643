import { eq } from 'drizzle-orm';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { cardPayments, saleTenders, sales } from '../../db/schema';
import { grantApproval } from '../approvals/grant-approval';
import { newId } from '../core/ids';
import { finalizeSale } from '../sales/finalize-sale';
import { voidOpenSale } from '../sales/void-open-sale';
import { openCardLane, type CardLane } from '../testing/card-lane';
import { forEachDatabase } from '../testing/database-suite';
import { type createStoreFixture, FIXTURE_PASSWORD } from '../testing/fixtures';
import { addProduct, saleInput, saleLine, stockOf } from '../testing/sale-fixtures';
import { receiptNumber } from '../domain/store-time';
import { findSaleForReturn } from '../sales/find-sale-for-return';
import { recordReturn } from '../sales/record-return';
import { type MisposSimulator } from './mispos-simulator';
import { resolveCardPayment } from './resolve-card-payment';
import { cardTransactionRunning, queryCardPaymentOnce } from './run-card-transaction';
import { settleUnattachedCardPayment } from './settle-unattached-card-payment';
import { settleTerminal } from './settle-terminal';
import { unattachedCardPayments } from './list-unattached-card-payments';
import { startCardPayment } from './start-card-payment';
import { ecrRefFor } from './mispos/link';

process.env.MISPOS_QUERY_PAUSE_MS = '20';
process.env.MISPOS_ANSWER_TIMEOUT_MS = '400';

forEachDatabase((database) => {
  let store: Awaited<ReturnType<typeof createStoreFixture>>;
  let simulator: MisposSimulator;
  let lane: { id: string; number: number };
  let shiftId: string;

  let rig: CardLane;
  beforeEach(async () => {
    rig = await openCardLane(database().db);
    ({ store, simulator, lane, shiftId } = rig);
    // Signed in and answering before any fault: the balance inquiry opens the batch.
    const balance = await startCardPayment(store.as('cashier'), {
      paymentId: newId(),
      laneId: lane.id,
      shiftId,
      kind: 'balance',
      amountFen: 0,
    });
    expect(await cardTransactionRunning(balance.id)).toMatchObject({ state: 'approved' });
  });
  afterEach(() => rig.close());

  const control = (path: string, body: unknown) =>
    fetch(`http://127.0.0.1:${simulator.controlPort}${path}`, { method: 'POST', body: JSON.stringify(body) });

  /** The bank answers after the POS gave up, and the terminal, still waiting for it, answers every query BY. */
  async function cardPaymentLost(saleId: string, amountFen: number) {
    await control('/faults', { bankDelay: { ms: 1_500 } });
    const started = await startCardPayment(store.as('cashier'), {
      paymentId: newId(),
      laneId: lane.id,
      shiftId,
      saleId,
      kind: 'sale',
      amountFen,
    });
    const finished = await cardTransactionRunning(started.id);
    expect(finished).toMatchObject({ state: 'unknown' });
    return started.id;
  }

  /** The terminal has the bank's answer (and is free again). */
  const terminalApproved = (paymentId: string) =>
    expect
      .poll(() => simulator.state().terminal.journal.find((entry) => entry.ecrRef === ecrRefFor(paymentId))?.outcome, {
        timeout: 5_000,
      })
      .toBe('approved');

  async function openSale() {
    const cola = await addProduct(store, { priceFen: 1380 });
    return saleInput(lane.id, lane.number, shiftId, [saleLine(cola, 1)], []);
  }

  const approve = (saleId: string) =>
    grantApproval(store.as('cashier'), {
      approvalId: newId(),
      saleId,
      action: 'void-sale',
      operatorNo: store.members.supervisor.operatorNo,
      password: FIXTURE_PASSWORD,
    });

  it('a lost answer blocks another card payment, a cash finish and a void; the approval found, the card tender finishes it once', async () => {
    const sale = await openSale();
    const lostId = await cardPaymentLost(sale.saleId, 1380);

    await expect(
      startCardPayment(store.as('cashier'), {
        paymentId: newId(),
        laneId: lane.id,
        shiftId,
        saleId: sale.saleId,
        kind: 'sale',
        amountFen: 1380,
      }),
    ).rejects.toMatchObject({ reason: 'card.outcome-unknown' });
    const cash = [{ tenderId: newId(), kind: 'cash' as const, amountFen: 2000, reference: null }];
    await expect(finalizeSale(store.as('cashier'), { ...sale, tenders: cash })).rejects.toMatchObject({
      reason: 'card.outcome-unknown',
    });
    const { approvalId } = await approve(sale.saleId);
    await expect(
      voidOpenSale(store.as('cashier'), { saleId: sale.saleId, approvalId, lines: sale.lines }),
    ).rejects.toMatchObject({
      reason: 'card.outcome-unknown',
    });
    expect(await database().db.select().from(sales).where(eq(sales.id, sale.saleId))).toEqual([]);

    await terminalApproved(lostId);
    expect(await queryCardPaymentOnce({ db: database().db, now: () => new Date() }, lostId)).toMatchObject({
      state: 'approved',
      approvedAmountFen: 1380,
    });
    const card = [{ tenderId: newId(), kind: 'bank_card' as const, amountFen: 1380, reference: lostId }];
    await finalizeSale(store.as('cashier'), { ...sale, tenders: card });
    await finalizeSale(store.as('cashier'), { ...sale, tenders: card });
    const tenders = await database().db.select().from(saleTenders).where(eq(saleTenders.saleId, sale.saleId));
    expect(tenders.map((t) => [t.kind, t.amountFen, t.reference])).toEqual([['bank_card', 1380, lostId]]);
    const charged = await database().db.select().from(cardPayments).where(eq(cardPayments.saleId, sale.saleId));
    expect(charged.map((p) => p.state)).toEqual(['approved']);
  });

  it('a cash finish is refused on facts the sale writer remembers from an earlier sale too: the write itself requires no unknown outcome', async () => {
    const cola = await addProduct(store, { priceFen: 1380 });
    const cash = () => [{ tenderId: newId(), kind: 'cash' as const, amountFen: 2000, reference: null }];
    const earlier = saleInput(lane.id, lane.number, shiftId, [saleLine(cola, 1)], []);
    await finalizeSale(store.as('cashier'), { ...earlier, tenders: cash() });
    const sale = saleInput(lane.id, lane.number, shiftId, [saleLine(cola, 1)], []);
    await cardPaymentLost(sale.saleId, 1380);

    await expect(finalizeSale(store.as('cashier'), { ...sale, tenders: cash() })).rejects.toMatchObject({
      reason: 'card.outcome-unknown',
    });
    expect(await database().db.select().from(sales).where(eq(sales.id, sale.saleId))).toEqual([]);
  });

  it('settled by the manager as failed, the sale is paid another way; as approved, by the card', async () => {
    const failedSale = await openSale();
    const failedId = await cardPaymentLost(failedSale.saleId, 1380);
    await resolveCardPayment(store.as('store_manager'), {
      paymentId: failedId,
      outcome: 'failed',
      note: 'no slip, bank says none',
    });
    const cash = [{ tenderId: newId(), kind: 'cash' as const, amountFen: 1380, reference: null }];
    expect(await finalizeSale(store.as('cashier'), { ...failedSale, tenders: cash })).toMatchObject({ totalFen: 1380 });

    await terminalApproved(failedId);
    const sale = await openSale();
    const lostId = await cardPaymentLost(sale.saleId, 1380);
    const cashToo = [{ tenderId: newId(), kind: 'cash' as const, amountFen: 1380, reference: null }];
    await expect(finalizeSale(store.as('cashier'), { ...sale, tenders: cashToo })).rejects.toMatchObject({
      reason: 'card.outcome-unknown',
    });
    await resolveCardPayment(store.as('store_manager'), {
      paymentId: lostId,
      outcome: 'approved',
      refNo: '123456789012',
      voucherNo: '000007',
    });
    const card = [{ tenderId: newId(), kind: 'bank_card' as const, amountFen: 1380, reference: lostId }];
    expect(await finalizeSale(store.as('cashier'), { ...sale, tenders: card })).toMatchObject({ totalFen: 1380 });
  });
  /** A lost approval settled by hand from the slip, then left on no sale (its sale open past 30 minutes) after another card sale. */
  async function settledFromSlipOnNoSale() {
    const sale = await openSale();
    const lostId = await cardPaymentLost(sale.saleId, 1380);
    await terminalApproved(lostId);
    const slip = simulator.state().terminal.journal.find((entry) => entry.ecrRef === ecrRefFor(lostId));
    if (!slip) throw new Error('the terminal has no such transaction');
    await resolveCardPayment(store.as('store_manager'), {
      paymentId: lostId,
      outcome: 'approved',
      refNo: slip.rrn,
      voucherNo: String(slip.voucherNo).padStart(6, '0'),
      hostDate: slip.txnDate ?? undefined,
    });
    const other = await startCardPayment(store.as('cashier'), {
      paymentId: newId(),
      laneId: lane.id,
      shiftId,
      saleId: newId(),
      kind: 'sale',
      amountFen: 2450,
    });
    expect(await cardTransactionRunning(other.id)).toMatchObject({ state: 'approved' });
    store.clock.advanceMinutes(31);
    expect((await unattachedCardPayments(store.as('store_manager'))).map((p) => p.id)).toContain(lostId);
    return { lostId, voucherNo: slip.voucherNo, otherId: other.id };
  }

  const stillUnattached = async (paymentId: string) =>
    (await unattachedCardPayments(store.as('store_manager'))).some((p) => p.id === paymentId);

  it('a payment settled as approved from the slip is voided at the terminal by its own voucher, not the last one', async () => {
    const { lostId, voucherNo, otherId } = await settledFromSlipOnNoSale();
    const followUp = await settleUnattachedCardPayment(store.as('store_manager'), {
      paymentId: lostId,
      followUpId: newId(),
      action: 'void',
    });
    expect(await cardTransactionRunning(followUp.id)).toMatchObject({ state: 'approved', txnType: '01' });
    const journal = simulator.state().terminal.journal;
    expect(journal.filter((entry) => entry.voided).map((entry) => entry.voucherNo)).toEqual([voucherNo]);
    expect(journal.find((entry) => entry.ecrRef === ecrRefFor(otherId))?.voided).toBe(false);
    expect(await stillUnattached(lostId)).toBe(false);
  });

  it('a payment settled as approved from the slip is refunded with its reference and date', async () => {
    const { lostId } = await settledFromSlipOnNoSale();
    const followUp = await settleUnattachedCardPayment(store.as('store_manager'), {
      paymentId: lostId,
      followUpId: newId(),
      action: 'refund',
    });
    expect(await cardTransactionRunning(followUp.id)).toMatchObject({
      state: 'approved',
      txnType: '02',
      approvedAmountFen: 1380,
    });
    expect(await stillUnattached(lostId)).toBe(false);
  });

  it('a slip settlement asks for the voucher and a real date; a payment with no voucher or batch settled since is not voided', async () => {
    const sale = await openSale();
    const lostId = await cardPaymentLost(sale.saleId, 1380);
    const slip = { paymentId: lostId, outcome: 'approved' as const, refNo: '123456789012' };
    for (const wrong of [{}, { voucherNo: '12345' }, { voucherNo: '000012', hostDate: '20261341' }]) {
      await expect(resolveCardPayment(store.as('store_manager'), { ...slip, ...wrong } as never)).rejects.toThrow();
    }
    expect((await database().db.select().from(cardPayments).where(eq(cardPayments.id, lostId)))[0]?.state).toBe(
      'unknown',
    );
    const settled = await resolveCardPayment(store.as('store_manager'), { ...slip, voucherNo: '000012' });
    expect(settled).toMatchObject({ voucherNo: 12, hostDate: '20261121', refNo: '123456789012' });

    await terminalApproved(lostId);
    await settleTerminal(store.as('store_manager'), { settlementId: newId(), laneId: lane.id });
    store.clock.advanceMinutes(31);
    const giveBack = (paymentId: string) =>
      settleUnattachedCardPayment(store.as('store_manager'), { paymentId, followUpId: newId(), action: 'void' });
    await expect(giveBack(lostId)).rejects.toMatchObject({ reason: 'card.batch-unknown' });
    await database().db.update(cardPayments).set({ voucherNo: null }).where(eq(cardPayments.id, lostId));
    await expect(giveBack(lostId)).rejects.toMatchObject({ reason: 'card.not-voidable' });
    expect(simulator.state().terminal.journal.filter((entry) => entry.voided)).toEqual([]);
  });
  it('a return whose card void has an unknown outcome waits, and is recorded once when the void is found approved', async () => {
    const sale = await openSale();
    const product = sale.lines[0]?.productId ?? '';
    const paid = await startCardPayment(store.as('cashier'), {
      paymentId: newId(),
      laneId: lane.id,
      shiftId,
      saleId: sale.saleId,
      kind: 'sale',
      amountFen: 1380,
    });
    expect(await cardTransactionRunning(paid.id)).toMatchObject({ state: 'approved' });
    const card = [{ tenderId: newId(), kind: 'bank_card' as const, amountFen: 1380, reference: paid.id }];
    await finalizeSale(store.as('cashier'), { ...sale, tenders: card });
    const stockAfterSale = await stockOf(database().db, store.storeId, product);
    const found = await findSaleForReturn(store.as('cashier'), { receiptNo: sale.receiptNo });
    const line = found.lines[0];
    if (!line) throw new Error('no line');

    const returnId = newId();
    await control('/faults', { bankDelay: { ms: 1_500 } });
    const voidStarted = await startCardPayment(store.as('cashier'), {
      paymentId: newId(),
      laneId: lane.id,
      shiftId,
      saleId: returnId,
      kind: 'void',
      amountFen: 0,
      originalPaymentId: paid.id,
    });
    expect(await cardTransactionRunning(voidStarted.id)).toMatchObject({ state: 'unknown' });
    const returnedAt = new Date(Date.UTC(2026, 10, 21, 7, 0, 0));
    const ret = {
      returnId,
      laneId: lane.id,
      shiftId,
      receiptNo: receiptNumber(lane.number, returnedAt, 'Asia/Shanghai'),
      returnedAt,
      originalSaleId: sale.saleId,
      lines: [{ lineId: newId(), originalLineId: line.lineId, quantity: 1 }],
      cardPaymentId: voidStarted.id,
    };
    await expect(recordReturn(store.as('cashier'), ret)).rejects.toMatchObject({ reason: 'card.outcome-unknown' });
    await expect(
      startCardPayment(store.as('cashier'), {
        paymentId: newId(),
        laneId: lane.id,
        shiftId,
        saleId: returnId,
        kind: 'refund',
        amountFen: 1380,
        originalPaymentId: paid.id,
      }),
    ).rejects.toMatchObject({ reason: 'card.outcome-unknown' });
    expect(await stockOf(database().db, store.storeId, product)).toEqual(stockAfterSale);

    await terminalApproved(voidStarted.id);
    expect(await queryCardPaymentOnce({ db: database().db, now: () => new Date() }, voidStarted.id)).toMatchObject({
      state: 'approved',
      txnType: '01',
    });
    expect(await recordReturn(store.as('cashier'), ret)).toMatchObject({ refundFen: 1380 });
    expect(await recordReturn(store.as('cashier'), ret)).toMatchObject({ refundFen: 1380 });
    const back = await database().db.select().from(saleTenders).where(eq(saleTenders.saleId, returnId));
    expect(back.map((t) => [t.kind, t.amountFen, t.reference])).toEqual([['bank_card', -1380, voidStarted.id]]);
    const stockAfterReturn = await stockOf(database().db, store.storeId, product);
    expect(stockAfterReturn).toEqual({ projection: stockAfterSale.projection + 1, ledger: stockAfterSale.ledger + 1 });
    expect(await stockOf(database().db, store.storeId, product)).toEqual(stockAfterReturn);
  });
});
