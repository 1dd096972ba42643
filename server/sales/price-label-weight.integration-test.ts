import { and, eq } from 'drizzle-orm';
import { beforeEach, expect, it } from 'vitest';
import { saleLines, stockMovements } from '../../db/schema';
import { newId } from '../core/ids';
import { receiptNumber } from '../domain/store-time';
import { receiptData } from '../printing/print-receipt';
import { getSale } from '../sales-review/get-sale';
import { forEachDatabase } from '../testing/database-suite';
import { createStoreFixture } from '../testing/fixtures';
import { addProduct, openShiftFor, saleInput, saleLine, stockOf, storeLanes } from '../testing/sale-fixtures';
import { finalizeSale } from './finalize-sale';
import { recordReturn } from './record-return';

forEachDatabase((database) => {
  let store: Awaited<ReturnType<typeof createStoreFixture>>;
  beforeEach(async () => {
    store = await createStoreFixture(database().db);
  });

  async function sellingLane() {
    const [lane] = await storeLanes(database().db, store.storeId);
    if (!lane) throw new Error('no lane');
    const cashier = store.as('cashier');
    const shift = await openShiftFor(cashier, lane.id);
    return { lane, cashier, shift };
  }

  const movementsOf = (saleId: string) =>
    database()
      .db.select({ productId: stockMovements.productId, quantityDelta: stockMovements.quantityDelta })
      .from(stockMovements)
      .where(and(eq(stockMovements.storeId, store.storeId), eq(stockMovements.sourceId, saleId)));

  it('moves a price label’s weight in grams, prints weight × price, and a return puts the grams back', async () => {
    const { lane, cashier, shift } = await sellingLane();
    const bananas = await addProduct(store, { priceFen: 690, unit: 'kg', plu: '1003' });
    // As an older lane sends it: the label total (¥9.87) and no weight.
    const line = saleLine(bananas, 1, { scannedCode: '2001003009876', labelTotalFen: 987 });
    const sale = saleInput(lane.id, lane.number, shift.id, [line], [{ kind: 'cash', amountFen: 1000 }]);
    const recorded = await finalizeSale(cashier, sale);

    expect(recorded).toMatchObject({ totalFen: 987, changeFen: 13 });
    expect(await movementsOf(sale.saleId)).toEqual([{ productId: bananas.id, quantityDelta: -1430 }]);
    expect(await stockOf(database().db, store.storeId, bananas.id)).toEqual({ projection: -1430, ledger: -1430 });
    const [stored] = await database().db.select().from(saleLines).where(eq(saleLines.id, line.lineId));
    expect(stored).toMatchObject({ weightGrams: 1430, labelTotalFen: 987, totalFen: 987 });
    const receipt = await receiptData(cashier, recorded.receiptNo, false);
    expect(receipt.lines).toEqual([
      { names: [bananas.nameZh], detail: '1.430kg × 6.90/kg', amountFen: 987, discount: null },
    ]);

    const returnedAt = new Date(Date.UTC(2026, 10, 21, 5, 0, 0));
    const returned = await recordReturn(cashier, {
      returnId: newId(),
      laneId: lane.id,
      shiftId: shift.id,
      receiptNo: receiptNumber(lane.number, returnedAt, 'Asia/Shanghai'),
      returnedAt,
      originalSaleId: sale.saleId,
      lines: [{ lineId: newId(), originalLineId: line.lineId, quantity: 1 }],
    });
    expect(returned.refundFen).toBe(987);
    expect(await movementsOf(returned.returnId)).toEqual([{ productId: bananas.id, quantityDelta: 1430 }]);
    expect(await stockOf(database().db, store.storeId, bananas.id)).toEqual({ projection: 0, ledger: 0 });
  });

  it('weighs a price label recorded before the server stored its weight, when printed again and returned', async () => {
    const { lane, cashier, shift } = await sellingLane();
    const bananas = await addProduct(store, { priceFen: 690, unit: 'kg', plu: '1003' });
    const line = saleLine(bananas, 1, { scannedCode: '2001003009876', labelTotalFen: 987 });
    const sale = saleInput(lane.id, lane.number, shift.id, [line], [{ kind: 'cash', amountFen: 987 }]);
    const recorded = await finalizeSale(cashier, sale);
    await database().db.update(saleLines).set({ weightGrams: null }).where(eq(saleLines.id, line.lineId));

    const receipt = await receiptData(cashier, recorded.receiptNo, true);
    expect(receipt.lines[0]?.detail).toBe('1.430kg × 6.90/kg');
    const salePage = await getSale(store.as('store_manager'), { saleId: sale.saleId });
    expect(salePage.lines[0]?.weightGrams).toBe(1430);
    const returnedAt = new Date(Date.UTC(2026, 10, 21, 6, 0, 0));
    const returned = await recordReturn(cashier, {
      returnId: newId(),
      laneId: lane.id,
      shiftId: shift.id,
      receiptNo: receiptNumber(lane.number, returnedAt, 'Asia/Shanghai'),
      returnedAt,
      originalSaleId: sale.saleId,
      lines: [{ lineId: newId(), originalLineId: line.lineId, quantity: 1 }],
    });
    expect(await movementsOf(returned.returnId)).toEqual([{ productId: bananas.id, quantityDelta: 1430 }]);
  });

  it('weighs a price label from its total whatever weight the lane sent; weight labels and counted goods keep theirs', async () => {
    const { lane, cashier, shift } = await sellingLane();
    const bananas = await addProduct(store, { priceFen: 690, unit: 'kg', plu: '1003' });
    const apples = await addProduct(store, { priceFen: 690, unit: 'kg', plu: '1004' });
    const cake = await addProduct(store, { priceFen: 690, unit: 'each', plu: '1005' });
    const lines = [
      saleLine(bananas, 1, { scannedCode: '2001003009876', weightGrams: 5000, labelTotalFen: 987 }),
      // A weight label of 1.431 kg prices to the same ¥9.87: its weight stands.
      saleLine(apples, 1, { scannedCode: '2101004014319', weightGrams: 1431, labelTotalFen: 987 }),
      saleLine(cake, 1, { scannedCode: '2001005009874', labelTotalFen: 987 }),
    ];
    const voided = saleLine(cake, 1);
    const sale = {
      // A voided line takes the sale down the path of its own transaction: it must weigh the same.
      ...saleInput(lane.id, lane.number, shift.id, lines, [{ kind: 'cash', amountFen: 3000 }]),
      voidedLines: [{ line: voided, voidedAt: '2026-11-21T02:00:00Z' }],
    };
    await finalizeSale(cashier, sale);

    const moved = new Map((await movementsOf(sale.saleId)).map((m) => [m.productId, m.quantityDelta]));
    expect(moved).toEqual(
      new Map([
        [bananas.id, -1430],
        [apples.id, -1431],
        [cake.id, -1],
      ]),
    );
  });
});
