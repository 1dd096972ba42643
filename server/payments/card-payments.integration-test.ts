import { eq } from 'drizzle-orm';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { cardPayments, cashMovements, saleTenders } from '../../db/schema';
import { newId } from '../core/ids';
import { returnShareFen } from '../domain/return-share';
import { receiptNumber } from '../domain/store-time';
import { finalizeSale } from '../sales/finalize-sale';
import { findSaleForReturn } from '../sales/find-sale-for-return';
import { recordReturn } from '../sales/record-return';
import { openCardLane, type CardLane } from '../testing/card-lane';
import { forEachDatabase } from '../testing/database-suite';
import { type createStoreFixture } from '../testing/fixtures';
import { addProduct, saleInput, saleLine } from '../testing/sale-fixtures';
import { cancelCardPayment } from './cancel-card-payment';
import { findCardPayment } from './find-card-payment';
import { type MisposSimulator } from './mispos-simulator';
import { TerminalLink, ecrRefFor } from './mispos/link';
import { recoverCardPayments } from './recover-card-payments';
import { cardTransactionRunning } from './run-card-transaction';
import { settleTerminal } from './settle-terminal';
import { startCardPayment, type StartCardPaymentInput } from './start-card-payment';
import { terminalLinkFor } from './terminal-links';

process.env.MISPOS_ANSWER_TIMEOUT_MS = '3000';

forEachDatabase((database) => {
  let store: Awaited<ReturnType<typeof createStoreFixture>>;
  let simulator: MisposSimulator;
  let lane: { id: string; number: number };
  let shiftId: string;

  let rig: CardLane;
  beforeEach(async () => {
    rig = await openCardLane(database().db, { simulator: { bankTimeoutMs: 150 } });
    ({ store, simulator, lane, shiftId } = rig);
  });
  afterEach(() => rig.close());

  const control = (path: string, body: unknown) =>
    fetch(`http://127.0.0.1:${simulator.controlPort}${path}`, { method: 'POST', body: JSON.stringify(body) });

  async function pay(amountFen: number, overrides: Partial<StartCardPaymentInput> = {}) {
    const started = await startCardPayment(store.as('cashier'), {
      paymentId: newId(),
      laneId: lane.id,
      shiftId,
      saleId: newId(),
      kind: 'sale',
      amountFen,
      ...overrides,
    });
    expect(started.state).toBe('in_flight');
    const finished = await cardTransactionRunning(started.id);
    if (!finished) throw new Error('the payment did not run');
    return finished;
  }

  it('persists the payment before sending, signs the terminal in, and keeps only the masked card', async () => {
    const payment = await pay(1234);
    expect(payment).toMatchObject({ state: 'approved', respCode: '00', approvedAmountFen: 1234, cardOrg: 'CUP' });
    expect(payment.cardNoMasked).toMatch(/^\d{6}\*+\d{4}$/);
    expect(payment.slip).toContain('12.34');
    expect(simulator.state()).toMatchObject({ terminal: { signedIn: true } });
    const balance = await pay(0, { kind: 'balance', saleId: null });
    expect(balance).toMatchObject({ state: 'approved', txnType: '03', approvedAmountFen: null });
    expect(balance.balanceFen).toBeGreaterThan(2 ** 31);
    const reprint = await pay(0, { kind: 'reprint', saleId: null });
    expect(reprint.slip).toContain('12.34');
    const seen = await findCardPayment(store.as('cashier'), { paymentId: payment.id });
    expect(seen).toMatchObject({ state: 'approved', approvedAmountFen: 1234 });
  });

  it('turns each test card into its decline, and a card sale completes only on an approval', async () => {
    const outcomes = [];
    for (const amount of [1051, 1055, 1054, 1091]) outcomes.push(await pay(amount));
    expect(outcomes.map((p) => [p.state, p.respCode])).toEqual([
      ['declined', '51'],
      ['declined', '55'],
      ['declined', '54'],
      ['declined', '91'],
    ]);
    const cola = await addProduct(store, { priceFen: 1051 });
    const declined = outcomes[0];
    if (!declined) throw new Error('no payment');
    const sale = {
      ...saleInput(lane.id, lane.number, shiftId, [saleLine(cola, 1)], []),
      saleId: declined.saleId ?? '',
      tenders: [{ tenderId: newId(), kind: 'bank_card' as const, amountFen: 1051, reference: declined.id }],
    };
    await expect(finalizeSale(store.as('cashier'), sale)).rejects.toMatchObject({ reason: 'sale.card-not-approved' });

    const approved = await pay(1200, { saleId: sale.saleId });
    expect(approved.state).toBe('approved');
    const claimsMore = {
      ...sale,
      lines: [saleLine(cola, 2)],
      tenders: [{ tenderId: newId(), kind: 'bank_card' as const, amountFen: 2102, reference: approved.id }],
    };
    await expect(finalizeSale(store.as('cashier'), claimsMore)).rejects.toMatchObject({
      reason: 'sale.card-not-approved',
    });
    const halves = {
      ...sale,
      lines: [saleLine(cola, 2)],
      tenders: [
        { tenderId: newId(), kind: 'bank_card' as const, amountFen: 1200, reference: approved.id },
        { tenderId: newId(), kind: 'cash' as const, amountFen: 902, reference: null },
      ],
    };
    expect(await finalizeSale(store.as('cashier'), halves)).toMatchObject({ totalFen: 2102, changeFen: 0 });
    await expect(
      finalizeSale(store.as('cashier'), { ...halves, saleId: newId(), receiptNo: `${halves.receiptNo.slice(0, -1)}9` }),
    ).rejects.toMatchObject({ reason: 'sale.card-not-approved' });
  });

  it('bank silent: Z1, the reversal goes before the next payment, and settlement leaves it out', async () => {
    const silent = await pay(2098);
    expect([silent.state, silent.respCode]).toEqual(['declined', 'Z1']);
    const next = await pay(500);
    expect(next.state).toBe('approved');
    expect(simulator.state()).toMatchObject({ terminal: { pendingReversals: [] } });
    const settled = await settleTerminal(store.as('supervisor'), { settlementId: newId(), laneId: lane.id });
    expect(settled.balanced).toBe(true);
    expect(settled.terminalTotals).toMatchObject({ domestic: { debitCount: 1, debitAmountFen: 500 } });
  });

  it('approved but the answer lost: the query finds the approval, and the card is charged once', async () => {
    const lost = await pay(3097);
    expect(lost).toMatchObject({ state: 'approved', approvedAmountFen: 3097 });
    expect(lost.queries).toBeGreaterThan(0);
    const settled = await settleTerminal(store.as('supervisor'), { settlementId: newId(), laneId: lane.id });
    expect(settled).toMatchObject({ balanced: true });
    expect(settled.terminalTotals).toMatchObject({ domestic: { debitCount: 1, debitAmountFen: 3097 } });
  });

  it('a payment left in flight by a crash is asked for at the next start, never sent again', async () => {
    // As a crashed server leaves it: persisted in flight, sent to the terminal, the answer never read.
    const paymentId = newId();
    await database()
      .db.insert(cardPayments)
      .values({
        id: paymentId,
        storeId: store.storeId,
        laneId: lane.id,
        staffId: store.members.cashier.id,
        saleId: newId(),
        txnType: '00',
        ecrRef: ecrRefFor(paymentId),
        amountFen: 4200,
        state: 'in_flight',
        createdAt: new Date(),
      });
    const direct = new TerminalLink({ host: '127.0.0.1', port: simulator.port });
    const base = {
      cardKind: '00',
      posId: 'LANE01',
      operatorId: '1',
      origDate: null,
      origRefNo: '',
      origAuthCode: '',
    } as const;
    await direct.transact({ ...base, txnType: '05', amountFen: 0, origVoucherNo: 0, ecrRef: ecrRefFor(newId()) });
    const sent = await direct.transact({
      ...base,
      txnType: '00',
      amountFen: 4200,
      origVoucherNo: 0,
      ecrRef: ecrRefFor(paymentId),
    });
    expect(sent).toMatchObject({ kind: 'answered', response: { respCode: '00' } });

    expect(await recoverCardPayments({ db: database().db, now: () => new Date() })).toEqual([
      { paymentId, state: 'approved' },
    ]);
    const [row] = await database().db.select().from(cardPayments).where(eq(cardPayments.id, paymentId));
    expect(row).toMatchObject({ state: 'approved', approvedAmountFen: 4200 });
    const settled = await settleTerminal(store.as('supervisor'), { settlementId: newId(), laneId: lane.id });
    expect(settled.terminalTotals).toMatchObject({ domestic: { debitCount: 1, debitAmountFen: 4200 } });
  });

  it('terminal busy, cancel at the PIN pad, and one payment at a time per lane', async () => {
    expect(await pay(600)).toMatchObject({ state: 'approved' });
    await control('/faults', { busy: {} });
    expect(await pay(700)).toMatchObject({ state: 'declined', respCode: 'BY' });

    await control('/pinpad', { wait: true });
    const waiting = await startCardPayment(store.as('cashier'), {
      paymentId: newId(),
      laneId: lane.id,
      shiftId,
      saleId: newId(),
      kind: 'sale',
      amountFen: 800,
    });
    await expect(
      startCardPayment(store.as('cashier'), {
        paymentId: newId(),
        laneId: lane.id,
        shiftId,
        saleId: newId(),
        kind: 'sale',
        amountFen: 900,
      }),
    ).rejects.toMatchObject({ reason: 'card.terminal-busy' });
    await expect
      .poll(() => findCardPayment(store.as('cashier'), { paymentId: waiting.id }).then((p) => p.status?.code))
      .toBe('02');
    expect(await cancelCardPayment(store.as('cashier'), { paymentId: waiting.id })).toEqual({ cancelSent: true });
    expect(await cardTransactionRunning(waiting.id)).toMatchObject({ state: 'declined', respCode: 'C0' });
  });

  it('voids a payment once in the same batch, refunds up to the original, and settles the batch', async () => {
    const sale = await pay(5000);
    const voided = await pay(0, { kind: 'void', originalPaymentId: sale.id, saleId: null });
    expect(voided).toMatchObject({ state: 'approved', txnType: '01', approvedAmountFen: 5000 });
    await expect(pay(0, { kind: 'void', originalPaymentId: sale.id, saleId: null })).rejects.toMatchObject({
      reason: 'card.already-voided',
    });
    const other = await pay(3000);
    expect(await pay(1000, { kind: 'refund', originalPaymentId: other.id, saleId: null })).toMatchObject({
      state: 'approved',
      txnType: '02',
    });
    await expect(pay(2500, { kind: 'refund', originalPaymentId: other.id, saleId: null })).rejects.toMatchObject({
      reason: 'card.refund-too-much',
    });
    const settled = await settleTerminal(store.as('supervisor'), { settlementId: newId(), laneId: lane.id });
    expect(settled.balanced).toBe(true);
    expect(settled.posTotals).toEqual({
      domestic: { debitCount: 2, debitAmountFen: 8000, creditCount: 2, creditAmountFen: 6000 },
      foreign: { debitCount: 0, debitAmountFen: 0, creditCount: 0, creditAmountFen: 0 },
    });
    await expect(pay(0, { kind: 'void', originalPaymentId: other.id, saleId: null })).rejects.toMatchObject({
      reason: 'card.not-voidable',
    });
  });

  it('settlement out of balance names the transaction the POS does not know', async () => {
    await pay(1500);
    const direct = terminalLinkFor({ laneId: lane.id, host: '127.0.0.1', port: simulator.port }).link;
    const base = {
      cardKind: '00',
      posId: 'LANE01',
      operatorId: '1',
      origDate: null,
      origRefNo: '',
      origAuthCode: '',
    } as const;
    const rogue = await direct.transact({
      ...base,
      txnType: '00',
      amountFen: 990,
      origVoucherNo: 0,
      ecrRef: ecrRefFor(newId()),
    });
    expect(rogue).toMatchObject({ kind: 'answered', response: { respCode: '00' } });
    const settled = await settleTerminal(store.as('supervisor'), { settlementId: newId(), laneId: lane.id });
    expect(settled.balanced).toBe(false);
    expect(settled.differences).toEqual([
      { block: 'domestic', field: 'debitCount', terminal: 2, pos: 1 },
      { block: 'domestic', field: 'debitAmountFen', terminal: 2490, pos: 1500 },
    ]);
    expect(settled.differing).toEqual([
      { paymentId: null, voucherNo: expect.any(Number), amountFen: null, problem: 'unknown-to-pos' },
    ]);
    await expect(
      settleTerminal(store.as('supervisor'), { settlementId: newId(), laneId: lane.id }),
    ).rejects.toMatchObject({
      reason: 'card.already-settled',
    });
  });

  it('a card sale voided the same day goes back to the card, not the drawer, exactly once', async () => {
    const cola = await addProduct(store, { priceFen: 2500 });
    const input = saleInput(lane.id, lane.number, shiftId, [saleLine(cola, 2)], []);
    const card = await pay(5000, { saleId: input.saleId });
    const tenders = [{ tenderId: newId(), kind: 'bank_card' as const, amountFen: 5000, reference: card.id }];
    await finalizeSale(store.as('cashier'), { ...input, tenders });
    const found = await findSaleForReturn(store.as('cashier'), { receiptNo: input.receiptNo });
    expect(found.card).toEqual({ paymentId: card.id, amountFen: 5000, refundedFen: 0, voidable: true });
    const line = found.lines[0];
    if (!line) throw new Error('no line');
    const returnedAt = new Date(Date.UTC(2026, 10, 21, 7, 0, 0));
    const ret = {
      returnId: newId(),
      laneId: lane.id,
      shiftId,
      receiptNo: receiptNumber(lane.number, returnedAt, 'Asia/Shanghai'),
      returnedAt,
      originalSaleId: input.saleId,
      lines: [{ lineId: newId(), originalLineId: line.lineId, quantity: 2 }],
    };
    await expect(recordReturn(store.as('cashier'), ret)).rejects.toMatchObject({
      reason: 'return.card-refund-required',
    });
    const voided = await pay(0, { kind: 'void', originalPaymentId: card.id, saleId: null });
    expect(voided).toMatchObject({ state: 'approved', txnType: '01', approvedAmountFen: 5000 });
    expect(await recordReturn(store.as('cashier'), { ...ret, cardPaymentId: voided.id })).toMatchObject({
      refundFen: 5000,
    });
    const drawer = await database().db.select().from(cashMovements).where(eq(cashMovements.saleId, ret.returnId));
    expect(drawer).toEqual([]);
    const back = await database().db.select().from(saleTenders).where(eq(saleTenders.saleId, ret.returnId));
    expect(back.map((t) => [t.kind, t.amountFen, t.reference])).toEqual([['bank_card', -5000, voided.id]]);
    const again = { ...ret, returnId: newId(), receiptNo: `${ret.receiptNo.slice(0, -1)}8`, cardPaymentId: voided.id };
    await expect(recordReturn(store.as('cashier'), again)).rejects.toThrow();
  });
  it('partial card refunds of one line add up to what was paid, each for the amount the lane previews', async () => {
    const soap = await addProduct(store, { priceFen: 1001 });
    // 3 × ¥10.01 less 1 fen: thirds of ¥30.02 round to 10.01, 10.00, 10.01.
    const input = saleInput(
      lane.id,
      lane.number,
      shiftId,
      [saleLine(soap, 3, { discount: { kind: 'amount', fen: 1 } })],
      [],
    );
    const card = await pay(3002, { saleId: input.saleId });
    const tenders = [{ tenderId: newId(), kind: 'bank_card' as const, amountFen: 3002, reference: card.id }];
    await finalizeSale(store.as('cashier'), { ...input, tenders });
    const refunds: number[] = [];
    for (let n = 0; n < 3; n++) {
      const found = await findSaleForReturn(store.as('cashier'), { receiptNo: input.receiptNo });
      const line = found.lines[0];
      if (!line || !found.card) throw new Error('no card line');
      const previewFen = returnShareFen(line.totalFen, line.quantity, line.returnedQuantity, 1);
      const refund = await pay(previewFen, { kind: 'refund', originalPaymentId: card.id, saleId: null });
      const returnedAt = new Date(Date.UTC(2026, 10, 22, 7, 0, n));
      const answer = await recordReturn(store.as('cashier'), {
        returnId: newId(),
        laneId: lane.id,
        shiftId,
        receiptNo: receiptNumber(lane.number, returnedAt, 'Asia/Shanghai'),
        returnedAt,
        originalSaleId: input.saleId,
        lines: [{ lineId: newId(), originalLineId: line.lineId, quantity: 1 }],
        cardPaymentId: refund.id,
      });
      expect(answer.refundFen).toBe(previewFen);
      refunds.push(previewFen);
    }
    expect(refunds).toEqual([1001, 1000, 1001]);
    const found = await findSaleForReturn(store.as('cashier'), { receiptNo: input.receiptNo });
    expect(found.card).toMatchObject({ amountFen: 3002, refundedFen: 3002 });
  });
});
