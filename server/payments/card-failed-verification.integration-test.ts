import { and, eq } from 'drizzle-orm';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { auditLog, cardPaymentAttempts, cardPayments, terminalSettlements } from '../../db/schema';
import { newId } from '../core/ids';
import { finalizeSale } from '../sales/finalize-sale';
import { openCardLane, type CardLane } from '../testing/card-lane';
import { forEachDatabase } from '../testing/database-suite';
import { type createStoreFixture, testClock } from '../testing/fixtures';
import { addProduct, saleInput, saleLine } from '../testing/sale-fixtures';
import { cardReconciliation } from './card-reconciliation';
import { findSaleCardPayment } from './find-sale-card-payment';
import { unattachedCardPayments } from './list-unattached-card-payments';
import { type MisposSimulator } from './mispos-simulator';
import { ecrRefFor } from './mispos/link';
import { resolveCardPayment } from './resolve-card-payment';
import { resolveDueCardPayments } from './resolve-due-card-payments';
import { cardTransactionRunning } from './run-card-transaction';
import { settleTerminal } from './settle-terminal';
import { startCardPayment } from './start-card-payment';

process.env.MISPOS_ANSWER_TIMEOUT_MS = '400';
process.env.MISPOS_QUERY_ANSWER_TIMEOUT_MS = '300';

// A manager's "failed" is a belief; the bank's answer to a query outranks it while the terminal can still tell.
forEachDatabase((database) => {
  let store: Awaited<ReturnType<typeof createStoreFixture>>;
  let simulator: MisposSimulator;
  let lane: { id: string; number: number };
  let shiftId: string;

  let rig: CardLane;
  beforeEach(async () => {
    // The store's clock is the terminal's, so the bank's host date and the payment's day agree.
    rig = await openCardLane(database().db, { clock: testClock(new Date()) });
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

  const manager = () => store.as('store_manager');
  const resolverContext = () => ({ db: database().db, now: store.clock.now });
  const payment = async (id: string) =>
    (await database().db.select().from(cardPayments).where(eq(cardPayments.id, id)))[0];
  const attempts = (paymentId: string) =>
    database().db.select().from(cardPaymentAttempts).where(eq(cardPaymentAttempts.paymentId, paymentId));
  const corrections = (paymentId: string) =>
    database()
      .db.select()
      .from(auditLog)
      .where(and(eq(auditLog.entityId, paymentId), eq(auditLog.action, 'card.outcome-corrected')));
  const charged = (paymentId: string) =>
    simulator.state().terminal.journal.filter((entry) => entry.ecrRef === ecrRefFor(paymentId));

  async function openSale(priceFen: number) {
    const product = await addProduct(store, { priceFen });
    return saleInput(lane.id, lane.number, shiftId, [saleLine(product, 1)], []);
  }

  /** The bank answers after the POS gave up, and the terminal, still waiting for it, answers the first query BY. */
  async function cardPaymentLost(saleId: string, amountFen: number) {
    await fetch(`http://127.0.0.1:${simulator.controlPort}/faults`, {
      method: 'POST',
      body: JSON.stringify({ bankDelay: { ms: 1_500 } }),
    });
    const started = await startCardPayment(store.as('cashier'), {
      paymentId: newId(),
      laneId: lane.id,
      shiftId,
      saleId,
      kind: 'sale',
      amountFen,
    });
    expect(await cardTransactionRunning(started.id)).toMatchObject({ state: 'unknown' });
    return started.id;
  }

  /** The terminal has the bank's answer (and is free again). */
  const terminalAnswered = (paymentId: string, outcome: 'approved' | 'declined') =>
    expect.poll(() => charged(paymentId)[0]?.outcome, { timeout: 5_000 }).toBe(outcome);

  const settleAsFailed = (paymentId: string) =>
    resolveCardPayment(manager(), { paymentId, outcome: 'failed', note: "the customer's phone shows no charge" });

  async function resolverStep() {
    store.clock.advanceMinutes(2);
    await resolveDueCardPayments(resolverContext());
  }

  const dayOf = (hostDate: string | null) =>
    `${hostDate?.slice(0, 4)}-${hostDate?.slice(4, 6)}-${hostDate?.slice(6, 8)}`;

  it('corrects a failed settlement the bank approved: audited, on the exceptions list, the day not balanced', async () => {
    const sale = await openSale(1380);
    const lostId = await cardPaymentLost(sale.saleId, 1380);
    await settleAsFailed(lostId);
    const cash = [{ tenderId: newId(), kind: 'cash' as const, amountFen: 1380, reference: null }];
    await finalizeSale(store.as('cashier'), { ...sale, tenders: cash });
    await terminalAnswered(lostId, 'approved');

    await resolverStep();
    const corrected = await payment(lostId);
    expect(corrected).toMatchObject({
      state: 'approved',
      approvedAmountFen: 1380,
      respCode: '00',
      nextQueryAt: null,
      resolvedByStaffId: store.members.store_manager.id,
    });
    expect(corrected?.correctedAt).not.toBeNull();
    expect(corrected?.voucherNo).toBe(charged(lostId)[0]?.voucherNo);

    const audited = await corrections(lostId);
    expect(audited).toHaveLength(1);
    expect(audited[0]?.actorStaffId).toBe(store.members.store_manager.id);
    expect(audited[0]?.summary).toMatch(/settled as failed by store_manager, the bank approved it/);
    expect(audited[0]?.changes).toMatchObject({
      state: { from: 'failed', to: 'approved' },
      settledAsFailedBy: { from: store.members.store_manager.id, to: null },
    });

    const listed = (await unattachedCardPayments(manager())).find((p) => p.id === lostId);
    expect(listed).toMatchObject({ amountFen: 1380, settledAsFailedBy: 'store_manager' });
    expect(listed?.correctedAt).not.toBeNull();
    const day = dayOf(corrected?.hostDate ?? null);
    expect(await cardReconciliation(manager(), { from: day, to: day })).toMatchObject({
      balanced: false,
      exceptions: { unattachedCount: 1, unattachedFen: 1380 },
    });

    // Nothing but queries went to the terminal, and nothing is asked once it is known.
    const sent = await attempts(lostId);
    expect(sent.filter((a) => a.kind === 'request')).toHaveLength(1);
    await resolverStep();
    expect(await attempts(lostId)).toHaveLength(sent.length);
    expect(charged(lostId)).toHaveLength(1);
    expect(await corrections(lostId)).toHaveLength(1);
  });

  it('a corrected approval whose sale is still open is the sale’s to adopt, not an exception', async () => {
    const sale = await openSale(1480);
    const lostId = await cardPaymentLost(sale.saleId, 1480);
    await settleAsFailed(lostId);
    await terminalAnswered(lostId, 'approved');

    await resolverStep();
    expect(await payment(lostId)).toMatchObject({ state: 'approved', approvedAmountFen: 1480 });
    expect(await findSaleCardPayment(store.as('cashier'), { saleId: sale.saleId })).toEqual({
      id: lostId,
      state: 'approved',
    });
    expect((await unattachedCardPayments(manager())).map((p) => p.id)).not.toContain(lostId);
    const card = [{ tenderId: newId(), kind: 'bank_card' as const, amountFen: 1480, reference: lostId }];
    expect(await finalizeSale(store.as('cashier'), { ...sale, tenders: card })).toMatchObject({ totalFen: 1480 });
    expect(await findSaleCardPayment(store.as('cashier'), { saleId: sale.saleId })).toBeNull();
    expect((await unattachedCardPayments(manager())).map((p) => p.id)).not.toContain(lostId);
  });

  it('takes no approval stated for another amount: the failed settlement stands and is asked about again', async () => {
    const sale = await openSale(1780);
    const lostId = await cardPaymentLost(sale.saleId, 1780);
    await settleAsFailed(lostId);
    await terminalAnswered(lostId, 'approved');
    const faults = (method: string, body?: unknown) =>
      fetch(`http://127.0.0.1:${simulator.controlPort}/faults`, { method, body: JSON.stringify(body) });
    await faults('POST', { overApproval: { fen: 100, untilCleared: true } });

    await resolverStep();
    const doubted = await payment(lostId);
    expect(doubted).toMatchObject({ state: 'failed', correctedAt: null, approvedAmountFen: null });
    expect(doubted?.message).toMatch(/more than asked/);
    expect(doubted?.nextQueryAt).not.toBeNull();

    await faults('DELETE');
    await resolverStep();
    expect(await payment(lostId)).toMatchObject({ state: 'approved', approvedAmountFen: 1780 });
  });

  it('a decline confirms the failed settlement and the resolver stops asking', async () => {
    const sale = await openSale(1351); // …51: the card's balance is too low
    const lostId = await cardPaymentLost(sale.saleId, 1351);
    await settleAsFailed(lostId);
    await terminalAnswered(lostId, 'declined');

    await resolverStep();
    const confirmed = await payment(lostId);
    expect(confirmed).toMatchObject({ state: 'failed', nextQueryAt: null, correctedAt: null });
    expect(confirmed?.message).toMatch(/confirmed it failed: 51/);
    const asked = (await attempts(lostId)).length;
    await resolverStep();
    await resolverStep();
    expect(await attempts(lostId)).toHaveLength(asked);
    expect(await corrections(lostId)).toEqual([]);
  });

  it('a 25 (the terminal never got it) confirms the failed settlement and the resolver stops asking', async () => {
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
        state: 'unknown',
        queries: 1,
        nextQueryAt: store.clock.now(),
        createdAt: store.clock.now(),
      });
    await settleAsFailed(paymentId);

    await resolverStep();
    const confirmed = await payment(paymentId);
    expect(confirmed).toMatchObject({ state: 'failed', nextQueryAt: null, queries: 2 });
    expect(confirmed?.message).toMatch(/confirmed it failed: 25/);
    await resolverStep();
    expect((await attempts(paymentId)).map((a) => [a.kind, a.respCode])).toEqual([['query', '25']]);
  });

  it('asks nothing once the terminal has settled twice since: the manager’s settlement stands', async () => {
    const sale = await openSale(1580);
    const lostId = await cardPaymentLost(sale.saleId, 1580);
    await settleAsFailed(lostId);
    await terminalAnswered(lostId, 'approved');
    const createdAt = (await payment(lostId))?.createdAt ?? new Date();
    await database()
      .db.insert(terminalSettlements)
      .values(
        [1, 2].map((batchNo) => ({
          id: newId(),
          storeId: store.storeId,
          laneId: lane.id,
          staffId: store.members.supervisor.id,
          terminalId: '10000001',
          merchantId: '898310048990001',
          batchNo: 100 + batchNo,
          businessDate: '2026-11-21',
          terminalTotals: zeroTotals,
          posTotals: zeroTotals,
          balanced: true,
          differences: [],
          settledAt: new Date(createdAt.getTime() + batchNo * 1000),
        })),
      );
    const asked = (await attempts(lostId)).length;

    await resolverStep();
    const left = await payment(lostId);
    expect(left).toMatchObject({ state: 'failed', nextQueryAt: null });
    expect(left?.message).toMatch(/settled twice/);
    await resolverStep();
    expect(await attempts(lostId)).toHaveLength(asked);
  });

  it('settlement with differing totals queries the batch’s failed settlements and corrects the approved one', async () => {
    const sale = await openSale(1680);
    const lostId = await cardPaymentLost(sale.saleId, 1680);
    await settleAsFailed(lostId);
    const cash = [{ tenderId: newId(), kind: 'cash' as const, amountFen: 1680, reference: null }];
    await finalizeSale(store.as('cashier'), { ...sale, tenders: cash });
    await terminalAnswered(lostId, 'approved');
    const voucherNo = charged(lostId)[0]?.voucherNo;

    // The resolver's next query is not due: the settlement asks by itself.
    const settled = await settleTerminal(store.as('supervisor'), { settlementId: newId(), laneId: lane.id });
    expect(settled.balanced).toBe(false);
    expect(settled.differing).toContainEqual({
      paymentId: lostId,
      voucherNo,
      amountFen: 1680,
      problem: 'failed-was-approved',
    });
    expect(settled.differing.filter((d) => d.voucherNo === voucherNo)).toHaveLength(1);
    expect(await payment(lostId)).toMatchObject({ state: 'approved', approvedAmountFen: 1680, voucherNo });
    const audited = await corrections(lostId);
    expect(audited.map((a) => a.actorStaffId)).toEqual([store.members.supervisor.id]);
    expect(audited[0]?.changes).toMatchObject({ settledAsFailedBy: { from: store.members.store_manager.id } });
    const listed = (await unattachedCardPayments(manager())).find((p) => p.id === lostId);
    expect(listed).toMatchObject({ settledAsFailedBy: 'store_manager' });
  });
});

const zeroBlock = { debitCount: 0, debitAmountFen: 0, creditCount: 0, creditAmountFen: 0 };
const zeroTotals = { domestic: zeroBlock, foreign: zeroBlock };
