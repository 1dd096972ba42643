import { and, eq } from 'drizzle-orm';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { auditLog, cardPayments, saleTenders } from '../../db/schema';
import type { StaffContext } from '../core/context';
import { newId } from '../core/ids';
import { finalizeSale } from '../sales/finalize-sale';
import { openCardLane, type CardLane } from '../testing/card-lane';
import { forEachDatabase } from '../testing/database-suite';
import { addStaff, testClock, type StoreFixture } from '../testing/fixtures';
import { addProduct, openShiftFor, saleInput, saleLine, storeLanes } from '../testing/sale-fixtures';
import { addOfferedCardPaymentToSale } from './add-offered-card-payment-to-sale';
import { cardReconciliation } from './card-reconciliation';
import { findCardPaymentOffer } from './find-card-payment-offer';
import { findSaleCardPayment } from './find-sale-card-payment';
import { unattachedCardPayments } from './list-unattached-card-payments';
import { offerCardPaymentToLane } from './offer-card-payment-to-lane';
import { cardTransactionRunning } from './run-card-transaction';
import { settleUnattachedCardPayment } from './settle-unattached-card-payment';
import { startCardPayment } from './start-card-payment';

forEachDatabase((database) => {
  let rig: CardLane;
  let store: StoreFixture;
  let lane: { id: string; number: number };
  let shiftId: string;
  beforeEach(async () => {
    rig = await openCardLane(database().db, { clock: testClock(new Date()) });
    ({ store, lane, shiftId } = rig);
  });
  afterEach(() => rig.close());

  /** A customer charged by card on a sale the lane then finished in cash: the approval is on no sale. */
  async function approvalOnNoSale(amountFen: number) {
    const product = await addProduct(store, { priceFen: amountFen });
    const sale = saleInput(lane.id, lane.number, shiftId, [saleLine(product, 1)], []);
    const started = await startCardPayment(store.as('cashier'), {
      paymentId: newId(),
      laneId: lane.id,
      shiftId,
      saleId: sale.saleId,
      kind: 'sale',
      amountFen,
    });
    expect(await cardTransactionRunning(started.id)).toMatchObject({ state: 'approved' });
    const cash = [{ tenderId: newId(), kind: 'cash' as const, amountFen, reference: null }];
    await finalizeSale(store.as('cashier'), { ...sale, tenders: cash });
    return { id: started.id, saleId: sale.saleId };
  }

  /** The second lane, held by a cashier of its own. */
  async function secondLane() {
    const [, other] = await storeLanes(database().db, store.storeId);
    if (!other) throw new Error('the store fixture has one lane');
    const member = await addStaff(database().db, store.storeId, 'cashier');
    const cashier: StaffContext = {
      db: database().db,
      now: store.clock.now,
      storeId: store.storeId,
      actor: { staffId: member.id, role: 'cashier', storeId: store.storeId },
    };
    return { lane: other, cashier, shiftId: (await openShiftFor(cashier, other.id)).id };
  }

  /** A void or refund once its run is over (it may be over before anyone asks). */
  async function followUpDone(paymentId: string) {
    await cardTransactionRunning(paymentId);
    const [row] = await database().db.select().from(cardPayments).where(eq(cardPayments.id, paymentId));
    return row;
  }

  const audits = (paymentId: string, action: string) =>
    database()
      .db.select()
      .from(auditLog)
      .where(and(eq(auditLog.entityId, paymentId), eq(auditLog.action, action)));

  it('offered to a lane, the lane adds it to its open sale, which finishes with it as the card tender', async () => {
    const payment = await approvalOnNoSale(2600);
    const manager = store.as('store_manager');
    const cashier = store.as('cashier');
    const offerId = newId();
    await offerCardPaymentToLane(manager, { paymentId: payment.id, offerId, laneNumber: lane.number });
    await offerCardPaymentToLane(manager, { paymentId: payment.id, offerId, laneNumber: lane.number });
    await offerCardPaymentToLane(manager, { paymentId: payment.id, offerId: newId(), laneNumber: lane.number });
    const offered = await audits(payment.id, 'card.offered-to-lane');
    expect(offered.map((a) => a.actorStaffId)).toEqual([store.members.store_manager.id]);
    expect(offered[0]?.changes).toMatchObject({ saleId: { from: payment.saleId, to: null } });

    // Offered, not yet on a sale: still unattached, and no day balances.
    expect((await unattachedCardPayments(manager)).map((p) => [p.id, p.offeredToLaneNumber])).toEqual([
      [payment.id, lane.number],
    ]);
    expect(await findCardPaymentOffer(cashier, { laneId: lane.id, shiftId })).toEqual({
      id: payment.id,
      amountFen: 2600,
      cardNoMasked: expect.stringMatching(/\*/),
    });

    const product = await addProduct(store, { priceFen: 2600 });
    const sale = saleInput(lane.id, lane.number, shiftId, [saleLine(product, 1)], []);
    const add = { paymentId: payment.id, laneId: lane.id, shiftId, saleId: sale.saleId };
    await addOfferedCardPaymentToSale(cashier, add);
    await addOfferedCardPaymentToSale(cashier, add);
    expect((await audits(payment.id, 'card.added-to-sale')).map((a) => a.actorStaffId)).toEqual([
      store.members.cashier.id,
    ]);
    expect(await findCardPaymentOffer(cashier, { laneId: lane.id, shiftId })).toBeNull();
    expect(await findSaleCardPayment(cashier, { saleId: sale.saleId })).toEqual({ id: payment.id, state: 'approved' });
    // On the open sale but not yet tendered: still listed, the day still not balanced.
    expect((await unattachedCardPayments(manager)).map((p) => [p.id, p.addedToSaleId])).toEqual([
      [payment.id, sale.saleId],
    ]);
    await expect(
      offerCardPaymentToLane(manager, { paymentId: payment.id, offerId: newId(), laneNumber: lane.number }),
    ).rejects.toMatchObject({ reason: 'card.offer-on-open-sale' });

    const tender = [{ tenderId: newId(), kind: 'bank_card' as const, amountFen: 2600, reference: payment.id }];
    await finalizeSale(cashier, { ...sale, tenders: tender });
    const tenders = await database().db.select().from(saleTenders).where(eq(saleTenders.reference, payment.id));
    expect(tenders.map((t) => [t.saleId, t.amountFen])).toEqual([[sale.saleId, 2600]]);
    expect(await unattachedCardPayments(manager)).toEqual([]);
    const [row] = await database().db.select().from(cardPayments).where(eq(cardPayments.id, payment.id));
    const day = `${row?.hostDate?.slice(0, 4)}-${row?.hostDate?.slice(4, 6)}-${row?.hostDate?.slice(6, 8)}`;
    expect(await cardReconciliation(manager, { from: day, to: day })).toMatchObject({ balanced: true });
    await expect(
      offerCardPaymentToLane(manager, { paymentId: payment.id, offerId: newId(), laneNumber: lane.number }),
    ).rejects.toMatchObject({ reason: 'card.not-unattached' });
  });

  it('only the lane it was offered to sees and adds it; the sale that started it no longer follows it', async () => {
    const payment = await approvalOnNoSale(1900);
    const other = await secondLane();
    await offerCardPaymentToLane(store.as('store_manager'), {
      paymentId: payment.id,
      offerId: newId(),
      laneNumber: other.lane.number,
    });
    const cashier = store.as('cashier');
    expect(await findCardPaymentOffer(cashier, { laneId: lane.id, shiftId })).toBeNull();
    expect(await findSaleCardPayment(cashier, { saleId: payment.saleId })).toBeNull();
    await expect(
      addOfferedCardPaymentToSale(cashier, { paymentId: payment.id, laneId: lane.id, shiftId, saleId: newId() }),
    ).rejects.toMatchObject({ reason: 'card.not-offered-here' });
    // Not from another cashier's shift either: a lane acts only from its own.
    await expect(
      addOfferedCardPaymentToSale(cashier, { paymentId: payment.id, laneId: other.lane.id, shiftId, saleId: newId() }),
    ).rejects.toMatchObject({ reason: 'sale.wrong-lane' });
    await expect(
      findCardPaymentOffer(cashier, { laneId: other.lane.id, shiftId: other.shiftId }),
    ).rejects.toMatchObject({ reason: 'shift.not-yours' });

    expect(await findCardPaymentOffer(other.cashier, { laneId: other.lane.id, shiftId: other.shiftId })).toMatchObject({
      id: payment.id,
    });
    const saleId = newId();
    await addOfferedCardPaymentToSale(other.cashier, {
      paymentId: payment.id,
      laneId: other.lane.id,
      shiftId: other.shiftId,
      saleId,
    });
    // Taken by one open sale, no other sale can have it.
    await expect(
      addOfferedCardPaymentToSale(other.cashier, {
        paymentId: payment.id,
        laneId: other.lane.id,
        shiftId: other.shiftId,
        saleId: newId(),
      }),
    ).rejects.toMatchObject({ reason: 'card.offer-taken' });
    const [row] = await database().db.select().from(cardPayments).where(eq(cardPayments.id, payment.id));
    expect(row?.saleId).toBe(saleId);
  });

  it('a payment given back cannot be offered, and an offer given back meanwhile cannot be added', async () => {
    const manager = store.as('store_manager');
    const cashier = store.as('cashier');
    const refunded = await approvalOnNoSale(1200);
    const refundId = newId();
    await settleUnattachedCardPayment(manager, { paymentId: refunded.id, followUpId: refundId, action: 'refund' });
    await expect(
      offerCardPaymentToLane(manager, { paymentId: refunded.id, offerId: newId(), laneNumber: lane.number }),
    ).rejects.toMatchObject({ reason: expect.stringMatching(/^card\.(being-given-back|not-unattached)$/) });
    expect(await followUpDone(refundId)).toMatchObject({ state: 'approved', txnType: '02' });
    await expect(
      offerCardPaymentToLane(manager, { paymentId: refunded.id, offerId: newId(), laneNumber: lane.number }),
    ).rejects.toMatchObject({ reason: 'card.not-unattached' });

    const voided = await approvalOnNoSale(1300);
    await offerCardPaymentToLane(manager, { paymentId: voided.id, offerId: newId(), laneNumber: lane.number });
    const voidId = newId();
    await settleUnattachedCardPayment(manager, { paymentId: voided.id, followUpId: voidId, action: 'void' });
    expect(await followUpDone(voidId)).toMatchObject({ state: 'approved', txnType: '01' });
    expect(await findCardPaymentOffer(cashier, { laneId: lane.id, shiftId })).toBeNull();
    await expect(
      addOfferedCardPaymentToSale(cashier, { paymentId: voided.id, laneId: lane.id, shiftId, saleId: newId() }),
    ).rejects.toMatchObject({ reason: 'card.being-given-back' });
    expect(await audits(voided.id, 'card.added-to-sale')).toEqual([]);
    expect(await unattachedCardPayments(manager)).toEqual([]);
  });

  it('refuses an offer to a lane the store does not have, and a payment on a sale', async () => {
    const manager = store.as('store_manager');
    const payment = await approvalOnNoSale(800);
    await expect(
      offerCardPaymentToLane(manager, { paymentId: payment.id, offerId: newId(), laneNumber: 99 }),
    ).rejects.toMatchObject({ reason: 'lane.not-found', fieldErrors: { laneNumber: [expect.any(String)] } });
    const product = await addProduct(store, { priceFen: 500 });
    const sale = saleInput(lane.id, lane.number, shiftId, [saleLine(product, 1)], []);
    const onOpenSale = await startCardPayment(store.as('cashier'), {
      paymentId: newId(),
      laneId: lane.id,
      shiftId,
      saleId: sale.saleId,
      kind: 'sale',
      amountFen: 500,
    });
    await cardTransactionRunning(onOpenSale.id);
    await expect(
      offerCardPaymentToLane(manager, { paymentId: onOpenSale.id, offerId: newId(), laneNumber: lane.number }),
    ).rejects.toMatchObject({ reason: 'card.not-unattached' });
    expect(await audits(payment.id, 'card.offered-to-lane')).toEqual([]);
  });
});
