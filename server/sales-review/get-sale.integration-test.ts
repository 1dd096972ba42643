import { expect, it } from 'vitest';
import { newId } from '../core/ids';
import { receiptNumber } from '../domain/store-time';
import { finalizeSale } from '../sales/finalize-sale';
import { recordReturn } from '../sales/record-return';
import { callerFor } from '../testing/caller';
import { forEachDatabase } from '../testing/database-suite';
import { createStoreFixture } from '../testing/fixtures';
import { addProduct, openShiftFor, saleInput, saleLine, storeLanes } from '../testing/sale-fixtures';
import { listStockHistory } from '../stock/list-stock-history';
import { getSale } from './get-sale';

forEachDatabase((database) => {
  it('shows a sale and its return as stored, in the store’s time zone, to its own store only', async () => {
    const store = await createStoreFixture(database().db);
    const other = await createStoreFixture(database().db);
    const [lane] = await storeLanes(database().db, store.storeId);
    if (!lane) throw new Error('no lane');
    const cashier = store.as('cashier');
    const shift = await openShiftFor(cashier, lane.id, 10_000);
    const cola = await addProduct(store, { priceFen: 350 });
    const apples = await addProduct(store, { priceFen: 1_200, unit: 'kg', plu: '4401' });
    const sale = {
      ...saleInput(
        lane.id,
        lane.number,
        shift.id,
        [saleLine(cola, 3, { discount: { kind: 'amount', fen: 50 } }), saleLine(apples, 1, { weightGrams: 1_250 })],
        [{ kind: 'cash', amountFen: 2_600 }],
      ),
    };
    const recorded = await finalizeSale(cashier, sale);
    const returnedAt = new Date(sale.soldAt.getTime() + 3_600_000);
    const colaLineId = sale.lines[0]?.lineId;
    if (!colaLineId) throw new Error('no cola line');
    const returnId = newId();
    await recordReturn(cashier, {
      returnId,
      laneId: lane.id,
      shiftId: shift.id,
      receiptNo: receiptNumber(lane.number, returnedAt, 'Asia/Shanghai'),
      returnedAt,
      originalSaleId: sale.saleId,
      lines: [{ lineId: newId(), originalLineId: colaLineId, quantity: 1 }],
    });

    const shown = await getSale(store.as('supervisor'), { saleId: sale.saleId });
    expect(shown).toMatchObject({
      id: sale.saleId,
      kind: 'sale',
      status: 'completed',
      receiptNo: recorded.receiptNo,
      timeZone: 'Asia/Shanghai',
      laneNumber: lane.number,
      cashierNo: store.members.cashier.operatorNo,
      grossFen: 1_050 + 1_500,
      discountFen: 50,
      totalFen: 2_500,
      changeFen: 100,
      originalSale: null,
      tenders: [{ kind: 'cash', amountFen: 2_600 }],
    });
    expect(shown.soldAt).toEqual(sale.soldAt);
    expect(shown.lines).toMatchObject([
      { lineNo: 1, productId: cola.id, code: cola.code, unit: 'each', quantity: 3, weightGrams: null },
      { lineNo: 2, productId: apples.id, unit: 'kg', weightGrams: 1_250, unitPriceFen: 1_200, totalFen: 1_500 },
    ]);
    expect(shown.lines[0]).toMatchObject({ unitPriceFen: 350, grossFen: 1_050, lineDiscountFen: 50, totalFen: 1_000 });

    const returned = await getSale(store.as('supervisor'), { saleId: returnId });
    expect(returned).toMatchObject({
      kind: 'return',
      originalSale: { id: sale.saleId, receiptNo: recorded.receiptNo },
      lines: [{ productId: cola.id, quantity: -1 }],
    });
    expect(returned.totalFen).toBeLessThan(0);

    // The stock history names the sale and the return by the ids this page is opened with.
    const history = await listStockHistory(store.as('supervisor'), { productId: cola.id });
    expect(history.items.map((item) => item.source)).toEqual([
      expect.objectContaining({ type: 'sale', id: returnId, isReturn: true }),
      expect.objectContaining({ type: 'sale', id: sale.saleId, isReturn: false, receiptNo: recorded.receiptNo }),
    ]);

    await expect(getSale(other.as('store_manager'), { saleId: sale.saleId })).rejects.toMatchObject({
      reason: 'sale.not-found',
    });
    await expect(getSale(store.as('supervisor'), { saleId: newId() })).rejects.toMatchObject({
      reason: 'sale.not-found',
    });
    const supervisor = await callerFor(store, 'supervisor');
    expect((await supervisor.salesReview.sale({ saleId: sale.saleId })).receiptNo).toBe(recorded.receiptNo);
    await expect(
      (await callerFor(other, 'store_manager')).salesReview.sale({ saleId: sale.saleId }),
    ).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect((await callerFor(store, 'cashier')).salesReview.sale({ saleId: sale.saleId })).rejects.toMatchObject({
      code: 'FORBIDDEN',
    });
    await expect(supervisor.salesReview.sale({ saleId: 'not-an-id' })).rejects.toMatchObject({ code: 'BAD_REQUEST' });
  });
});
