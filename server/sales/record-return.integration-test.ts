import { beforeEach, expect, it } from 'vitest';

import { newId } from '../core/ids';
import { receiptNumber } from '../domain/store-time';
import { shiftReport } from '../shifts/shift-report';
import { forEachDatabase } from '../testing/database-suite';
import { createStoreFixture } from '../testing/fixtures';
import { addProduct, openShiftFor, saleInput, saleLine, storeLanes, stockOf } from '../testing/sale-fixtures';
import { finalizeSale } from './finalize-sale';
import { findSaleForReturn } from './find-sale-for-return';
import { recordReturn } from './record-return';

forEachDatabase((database) => {
  let store: Awaited<ReturnType<typeof createStoreFixture>>;
  beforeEach(async () => {
    store = await createStoreFixture(database().db);
  });

  const onHandOf = (productId: string) => stockOf(database().db, store.storeId, productId);

  let returnMs = 0;
  const returnInput = (
    laneId: string,
    laneNumber: number,
    shiftId: string,
    originalSaleId: string,
    lines: { originalLineId: string; quantity: number }[],
  ) => {
    const returnedAt = new Date(Date.UTC(2026, 10, 21, 5, 0, 0) + ++returnMs);
    return {
      returnId: newId(),
      laneId,
      shiftId,
      receiptNo: receiptNumber(laneNumber, returnedAt, 'Asia/Shanghai'),
      returnedAt,
      originalSaleId,
      lines: lines.map((l) => ({ ...l, lineId: newId() })),
    };
  };

  async function sellThreeColas() {
    const [lane] = await storeLanes(database().db, store.storeId);
    if (!lane) throw new Error('no lane');
    const cashier = store.as('cashier');
    const shift = await openShiftFor(cashier, lane.id, 10_000);
    const cola = await addProduct(store, { priceFen: 350 });
    const sale = {
      ...saleInput(lane.id, lane.number, shift.id, [saleLine(cola, 3)], [{ kind: 'cash' as const, amountFen: 1050 }]),
      saleDiscount: { kind: 'amount' as const, fen: 50 },
    };
    sale.tenders[0] = { ...sale.tenders[0], tenderId: newId(), kind: 'cash', amountFen: 1000, reference: null };
    const recorded = await finalizeSale(cashier, sale);
    return { lane, cashier, shift, cola, sale, recorded };
  }

  it('returns part of a receipt at what was paid, puts stock back once, and pays the refund from the drawer', async () => {
    const { lane, cashier, shift, cola, recorded, sale } = await sellThreeColas();
    const found = await findSaleForReturn(cashier, { receiptNo: recorded.receiptNo });
    const line = found.lines[0];
    if (!line) throw new Error('no line');
    expect(line.returnableQuantity).toBe(3);
    const input = returnInput(lane.id, lane.number, shift.id, sale.saleId, [
      { originalLineId: line.lineId, quantity: 2 },
    ]);
    const first = await recordReturn(cashier, input);
    expect(first.refundFen).toBe(667);
    expect(await recordReturn(cashier, input)).toEqual(first);
    expect(await onHandOf(cola.id)).toEqual({ projection: -1, ledger: -1 });
    expect((await findSaleForReturn(cashier, { receiptNo: recorded.receiptNo })).lines[0]?.returnableQuantity).toBe(1);
    const report = await shiftReport(cashier, { shiftId: shift.id });
    expect(report.cash).toMatchObject({ salesFen: 1000, refundsFen: -667, expectedFen: 10_000 + 1000 - 667 });
    expect(report.returns).toEqual({ count: 1, totalFen: -667 });
  });

  it('never returns a line twice, even when two returns race', async () => {
    const { lane, cashier, shift, cola, recorded, sale } = await sellThreeColas();
    const line = (await findSaleForReturn(cashier, { receiptNo: recorded.receiptNo })).lines[0];
    if (!line) throw new Error('no line');
    const attempts = await Promise.allSettled([
      recordReturn(
        cashier,
        returnInput(lane.id, lane.number, shift.id, sale.saleId, [{ originalLineId: line.lineId, quantity: 2 }]),
      ),
      recordReturn(
        cashier,
        returnInput(lane.id, lane.number, shift.id, sale.saleId, [{ originalLineId: line.lineId, quantity: 2 }]),
      ),
    ]);
    expect(attempts.map((a) => a.status).sort()).toEqual(['fulfilled', 'rejected']);
    expect(attempts.find((a) => a.status === 'rejected')).toMatchObject({ reason: { reason: 'return.too-many' } });
    expect(await onHandOf(cola.id)).toEqual({ projection: -1, ledger: -1 });
    await recordReturn(
      cashier,
      returnInput(lane.id, lane.number, shift.id, sale.saleId, [{ originalLineId: line.lineId, quantity: 1 }]),
    );
    await expect(
      recordReturn(
        cashier,
        returnInput(lane.id, lane.number, shift.id, sale.saleId, [{ originalLineId: line.lineId, quantity: 1 }]),
      ),
    ).rejects.toMatchObject({ reason: 'return.too-many' });
    expect(await onHandOf(cola.id)).toEqual({ projection: 0, ledger: 0 });
  });

  it('refunds exactly what was paid when a line comes back one unit at a time', async () => {
    const { lane, cashier, shift, recorded, sale } = await sellThreeColas();
    const line = (await findSaleForReturn(cashier, { receiptNo: recorded.receiptNo })).lines[0];
    if (!line) throw new Error('no line');
    const refunds = [];
    for (let i = 0; i < 3; i++) {
      const done = await recordReturn(
        cashier,
        returnInput(lane.id, lane.number, shift.id, sale.saleId, [{ originalLineId: line.lineId, quantity: 1 }]),
      );
      refunds.push(done.refundFen);
    }
    expect(refunds).toEqual([333, 334, 333]);
    expect(refunds.reduce((a, b) => a + b)).toBe(recorded.totalFen);
  });

  it('takes a return only on the lane the cashier’s shift is on', async () => {
    const { cashier, shift, recorded, sale } = await sellThreeColas();
    const [, otherLane] = await storeLanes(database().db, store.storeId);
    if (!otherLane) throw new Error('no second lane');
    const line = (await findSaleForReturn(cashier, { receiptNo: recorded.receiptNo })).lines[0];
    if (!line) throw new Error('no line');
    await expect(
      recordReturn(
        cashier,
        returnInput(otherLane.id, otherLane.number, shift.id, sale.saleId, [
          { originalLineId: line.lineId, quantity: 1 },
        ]),
      ),
    ).rejects.toMatchObject({ reason: 'sale.wrong-lane' });
  });

  it('refuses to return a return, and an unknown receipt', async () => {
    const { lane, cashier, shift, recorded, sale } = await sellThreeColas();
    const line = (await findSaleForReturn(cashier, { receiptNo: recorded.receiptNo })).lines[0];
    if (!line) throw new Error('no line');
    const done = await recordReturn(
      cashier,
      returnInput(lane.id, lane.number, shift.id, sale.saleId, [{ originalLineId: line.lineId, quantity: 1 }]),
    );
    await expect(findSaleForReturn(cashier, { receiptNo: done.receiptNo })).rejects.toMatchObject({
      reason: 'return.not-returnable',
    });
    await expect(findSaleForReturn(cashier, { receiptNo: '01-20260101-000000000' })).rejects.toMatchObject({
      reason: 'sale.not-found',
    });
  });
});
