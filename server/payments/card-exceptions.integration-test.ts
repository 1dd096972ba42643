import { and, eq } from 'drizzle-orm';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { auditLog, cardPayments } from '../../db/schema';
import { newId } from '../core/ids';
import { finalizeSale } from '../sales/finalize-sale';
import { openCardLane, type CardLane } from '../testing/card-lane';
import { forEachDatabase } from '../testing/database-suite';
import { type createStoreFixture, testClock } from '../testing/fixtures';
import { addProduct, saleInput, saleLine } from '../testing/sale-fixtures';
import { cardReconciliation } from './card-reconciliation';
import { findSaleCardPayment } from './find-sale-card-payment';
import { unattachedCardPayments } from './list-unattached-card-payments';
import { cardTransactionRunning } from './run-card-transaction';
import { settleUnattachedCardPayment } from './settle-unattached-card-payment';
import { startCardPayment } from './start-card-payment';

forEachDatabase((database) => {
  let store: Awaited<ReturnType<typeof createStoreFixture>>;
  let lane: { id: string; number: number };
  let shiftId: string;

  let rig: CardLane;
  beforeEach(async () => {
    rig = await openCardLane(database().db, { clock: testClock(new Date()) });
    ({ store, lane, shiftId } = rig);
  });
  afterEach(() => rig.close());

  async function cardPaid(saleId: string, amountFen: number) {
    const started = await startCardPayment(store.as('cashier'), {
      paymentId: newId(),
      laneId: lane.id,
      shiftId,
      saleId,
      kind: 'sale',
      amountFen,
    });
    const finished = await cardTransactionRunning(started.id);
    expect(finished).toMatchObject({ state: 'approved' });
    return finished ?? started;
  }

  /** A sale the customer paid by card, that the lane then finished in cash: the card payment is on no sale. */
  async function paidTwice(amountFen: number) {
    const product = await addProduct(store, { priceFen: amountFen });
    const sale = saleInput(lane.id, lane.number, shiftId, [saleLine(product, 1)], []);
    const card = await cardPaid(sale.saleId, amountFen);
    const cash = [{ tenderId: newId(), kind: 'cash' as const, amountFen, reference: null }];
    await finalizeSale(store.as('cashier'), { ...sale, tenders: cash });
    return card;
  }

  /** The manager's void or refund once its run is over (it may be over before anyone asks). */
  async function followUpDone(paymentId: string) {
    await cardTransactionRunning(paymentId);
    const [row] = await database().db.select().from(cardPayments).where(eq(cardPayments.id, paymentId));
    return row;
  }

  const dayOf = (hostDate: string | null) =>
    `${hostDate?.slice(0, 4)}-${hostDate?.slice(4, 6)}-${hostDate?.slice(6, 8)}`;

  it('lists an approval on no sale, keeps the day unbalanced, and leaves both once the manager voids it', async () => {
    const product = await addProduct(store, { priceFen: 1500 });
    const attachedSale = saleInput(lane.id, lane.number, shiftId, [saleLine(product, 1)], []);
    const attached = await cardPaid(attachedSale.saleId, 1500);
    const tender = [{ tenderId: newId(), kind: 'bank_card' as const, amountFen: 1500, reference: attached.id }];
    await finalizeSale(store.as('cashier'), { ...attachedSale, tenders: tender });
    await cardPaid(newId(), 700); // its sale is still open on the lane

    const orphan = await paidTwice(2300);
    const manager = store.as('store_manager');
    expect((await unattachedCardPayments(manager)).map((p) => [p.id, p.amountFen])).toEqual([[orphan.id, 2300]]);
    const day = dayOf(orphan.hostDate);
    expect(await cardReconciliation(manager, { from: day, to: day })).toMatchObject({
      balanced: false,
      exceptions: { unattachedCount: 1, unattachedFen: 2300, unknownCount: 0 },
    });

    const followUpId = newId();
    await settleUnattachedCardPayment(manager, { paymentId: orphan.id, followUpId, action: 'void' });
    expect(await followUpDone(followUpId)).toMatchObject({ state: 'approved', txnType: '01' });
    expect(await unattachedCardPayments(manager)).toEqual([]);
    expect(await cardReconciliation(manager, { from: day, to: day })).toMatchObject({
      balanced: true,
      exceptions: { unattachedCount: 0, unattachedFen: 0 },
    });
    const audited = await database()
      .db.select()
      .from(auditLog)
      .where(and(eq(auditLog.entityId, orphan.id), eq(auditLog.action, 'card.unattached-voided')));
    expect(audited.map((a) => a.actorStaffId)).toEqual([store.members.store_manager.id]);
    await expect(
      settleUnattachedCardPayment(manager, { paymentId: orphan.id, followUpId: newId(), action: 'refund' }),
    ).rejects.toMatchObject({ reason: 'card.not-unattached' });
    await expect(
      settleUnattachedCardPayment(manager, { paymentId: attached.id, followUpId: newId(), action: 'void' }),
    ).rejects.toMatchObject({ reason: 'card.not-unattached' });
  });

  it('refunds an approval on no sale in full, once, audited with the manager', async () => {
    const orphan = await paidTwice(4100);
    const manager = store.as('store_manager');
    const followUpId = newId();
    const refund = { paymentId: orphan.id, followUpId, action: 'refund' as const };
    await settleUnattachedCardPayment(manager, refund);
    await settleUnattachedCardPayment(manager, refund);
    expect(await followUpDone(followUpId)).toMatchObject({
      state: 'approved',
      txnType: '02',
      approvedAmountFen: 4100,
    });
    expect(await unattachedCardPayments(manager)).toEqual([]);
    const audited = await database()
      .db.select()
      .from(auditLog)
      .where(and(eq(auditLog.entityId, orphan.id), eq(auditLog.action, 'card.unattached-refunded')));
    expect(audited.map((a) => a.actorStaffId)).toEqual([store.members.store_manager.id]);
    const day = dayOf(orphan.hostDate);
    expect(await cardReconciliation(manager, { from: day, to: day })).toMatchObject({ balanced: true });
  });
  it('a void retried after it went through answers with the same void and audits it once', async () => {
    const orphan = await paidTwice(3300);
    const manager = store.as('store_manager');
    const settle = { paymentId: orphan.id, followUpId: newId(), action: 'void' as const };
    await settleUnattachedCardPayment(manager, settle);
    expect(await followUpDone(settle.followUpId)).toMatchObject({ state: 'approved', txnType: '01' });
    expect(await settleUnattachedCardPayment(manager, settle)).toMatchObject({ id: settle.followUpId });
    const audited = await database()
      .db.select()
      .from(auditLog)
      .where(and(eq(auditLog.entityId, orphan.id), eq(auditLog.action, 'card.unattached-voided')));
    expect(audited).toHaveLength(1);
  });
  it('an open sale left over 30 minutes is listed; once the manager gave the money back, the lane cannot claim it', async () => {
    const product = await addProduct(store, { priceFen: 1800 });
    const sale = saleInput(lane.id, lane.number, shiftId, [saleLine(product, 1)], []);
    const card = await cardPaid(sale.saleId, 1800);
    const manager = store.as('store_manager');
    expect(await unattachedCardPayments(manager)).toEqual([]);
    store.clock.advanceMinutes(31);
    expect((await unattachedCardPayments(manager)).map((p) => p.id)).toEqual([card.id]);
    const followUpId = newId();
    await settleUnattachedCardPayment(manager, { paymentId: card.id, followUpId, action: 'refund' });
    expect(await followUpDone(followUpId)).toMatchObject({ state: 'approved', txnType: '02' });
    const tender = [{ tenderId: newId(), kind: 'bank_card' as const, amountFen: 1800, reference: card.id }];
    await expect(finalizeSale(store.as('cashier'), { ...sale, tenders: tender })).rejects.toMatchObject({
      reason: 'sale.card-not-approved',
    });
  });
  it('an open sale finds the approval it has not tendered yet, and nothing once it is finished with it', async () => {
    const product = await addProduct(store, { priceFen: 900 });
    const sale = saleInput(lane.id, lane.number, shiftId, [saleLine(product, 1)], []);
    const cashier = store.as('cashier');
    expect(await findSaleCardPayment(cashier, { saleId: sale.saleId })).toBeNull();
    const card = await cardPaid(sale.saleId, 900);
    expect(await findSaleCardPayment(cashier, { saleId: sale.saleId })).toEqual({ id: card.id, state: 'approved' });
    const tender = [{ tenderId: newId(), kind: 'bank_card' as const, amountFen: 900, reference: card.id }];
    await finalizeSale(cashier, { ...sale, tenders: tender });
    expect(await findSaleCardPayment(cashier, { saleId: sale.saleId })).toBeNull();
  });
});
