import { eq } from 'drizzle-orm';
import { beforeEach, expect, it } from 'vitest';
import { auditLog, saleUploadRejections, sales } from '../../db/schema';
import { updateProduct } from '../catalog/update-product';
import { closeShift } from '../shifts/close-shift';
import { forEachDatabase } from '../testing/database-suite';
import { createStoreFixture } from '../testing/fixtures';
import { addProduct, openShiftFor, saleInput, saleLine, storeLanes } from '../testing/sale-fixtures';
import { uploadSale } from '../sales/upload-sale';
import { listPriceDifferences } from './list-price-differences';
import { listUploadRejections } from './list-upload-rejections';
import { resolveUploadRejection } from './resolve-upload-rejection';

forEachDatabase((database) => {
  let store: Awaited<ReturnType<typeof createStoreFixture>>;
  beforeEach(async () => {
    store = await createStoreFixture(database().db);
  });

  async function openLane() {
    const [lane] = await storeLanes(database().db, store.storeId);
    if (!lane) throw new Error('no lane');
    const cashier = store.as('cashier');
    const shift = await openShiftFor(cashier, lane.id, 0);
    return { lane, cashier, shift };
  }

  it('keeps a finished sale the server refused for the manager, counts repeats, and settles it once, audited', async () => {
    const { lane, cashier, shift } = await openLane();
    const cola = await addProduct(store, { priceFen: 350 });
    const offline = saleInput(lane.id, lane.number, shift.id, [saleLine(cola, 2)], [{ kind: 'cash', amountFen: 700 }]);
    await closeShift(cashier, { shiftId: shift.id, countedCashFen: 0 });

    for (let attempt = 0; attempt < 2; attempt++) {
      await expect(uploadSale(cashier, offline)).rejects.toMatchObject({ reason: 'shift.closed' });
    }
    expect(await database().db.select().from(sales).where(eq(sales.id, offline.saleId))).toEqual([]);
    const manager = store.as('store_manager');
    const open = await listUploadRejections(manager, {});
    expect(open).toMatchObject([
      {
        saleId: offline.saleId,
        receiptNo: offline.receiptNo,
        totalFen: 700,
        reason: 'shift.closed',
        attempts: 2,
        laneNumber: lane.number,
        cashierNo: store.members.cashier.operatorNo,
      },
    ]);
    const [stored] = await database()
      .db.select()
      .from(saleUploadRejections)
      .where(eq(saleUploadRejections.saleId, offline.saleId));
    expect(stored?.payload).toMatchObject({ saleId: offline.saleId, lines: [{ productId: cola.id, quantity: 2 }] });

    await expect(resolveUploadRejection(manager, { saleId: offline.saleId, note: ' ' })).rejects.toThrow();
    await resolveUploadRejection(manager, { saleId: offline.saleId, note: '现金已入账，库存已手工调整' });
    await expect(resolveUploadRejection(manager, { saleId: offline.saleId, note: 'again' })).rejects.toMatchObject({
      reason: 'rejection.already-resolved',
    });
    expect(await listUploadRejections(manager, {})).toEqual([]);
    expect(await listUploadRejections(manager, { status: 'resolved' })).toMatchObject([
      { saleId: offline.saleId, resolutionNote: '现金已入账，库存已手工调整' },
    ]);
    const audit = await database().db.select().from(auditLog).where(eq(auditLog.entityId, offline.saleId));
    expect(audit).toMatchObject([{ action: 'sale.rejection-resolved', actorStaffId: store.members.store_manager.id }]);

    const elsewhere = await createStoreFixture(database().db);
    expect(await listUploadRejections(elsewhere.as('store_manager'), { status: 'resolved' })).toEqual([]);
  });

  it('lists sales rung up at another price than the catalog’s, with what the difference cost', async () => {
    const { lane, cashier, shift } = await openLane();
    const cola = await addProduct(store, { priceFen: 350 });
    const apples = await addProduct(store, { priceFen: 1280, unit: 'kg', plu: '7101' });
    const steady = await addProduct(store, { priceFen: 100 });
    const lines = [saleLine(cola, 3), saleLine(apples, 1, { weightGrams: 500 }), saleLine(steady, 1)];
    await updateProduct(store.as('store_manager'), { id: cola.id, priceFen: 390 });
    await updateProduct(store.as('store_manager'), { id: apples.id, priceFen: 1180 });
    const input = {
      ...saleInput(lane.id, lane.number, shift.id, lines, [{ kind: 'cash', amountFen: 10_000 }]),
      sentOffline: true,
    };
    await uploadSale(cashier, input);
    await uploadSale(
      cashier,
      saleInput(lane.id, lane.number, shift.id, [saleLine(steady, 2)], [{ kind: 'cash', amountFen: 200 }]),
    );

    const { rows } = await listPriceDifferences(store.as('store_manager'), { from: '2026-11-21', to: '2026-11-21' });
    expect(rows).toHaveLength(2);
    expect(rows.find((r) => r.productId === cola.id)).toMatchObject({
      receiptNo: input.receiptNo,
      sentOffline: true,
      quantity: 3,
      lanePriceFen: 350,
      catalogPriceFen: 390,
      effectFen: -120,
    });
    expect(rows.find((r) => r.productId === apples.id)).toMatchObject({ weightGrams: 500, effectFen: 50 });
    expect(await listPriceDifferences(store.as('store_manager'), { from: '2026-11-22', to: '2026-11-30' })).toEqual({
      from: '2026-11-22',
      to: '2026-11-30',
      rows: [],
    });
    // Without dates: the store's last seven days by its own clock (the fixture's is 2026-11-21 09:00 in Shanghai).
    expect(await listPriceDifferences(store.as('store_manager'), {})).toMatchObject({
      from: '2026-11-15',
      to: '2026-11-21',
      rows: [{}, {}],
    });
  });
});
