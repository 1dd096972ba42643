import { eq } from 'drizzle-orm';
import { beforeEach, expect, it } from 'vitest';
import { auditLog, cashMovements, saleLines, sales } from '../../db/schema';
import { updateProduct } from '../catalog/update-product';
import { forEachDatabase } from '../testing/database-suite';
import { addStaff, createStoreFixture } from '../testing/fixtures';
import { addProduct, openShiftFor, saleInput, saleLine, storeLanes, stockOf } from '../testing/sale-fixtures';
import { finalizeSale } from './finalize-sale';

forEachDatabase((database) => {
  let store: Awaited<ReturnType<typeof createStoreFixture>>;
  beforeEach(async () => {
    store = await createStoreFixture(database().db);
  });

  const onHand = (productId: string) => stockOf(database().db, store.storeId, productId);

  it('records a cash sale with lines, change, stock movements and the drawer’s net cash', async () => {
    const [lane] = await storeLanes(database().db, store.storeId);
    if (!lane) throw new Error('no lane');
    const cashier = store.as('cashier');
    const shift = await openShiftFor(cashier, lane.id);
    const cola = await addProduct(store, { priceFen: 350 });
    const apples = await addProduct(store, { priceFen: 1290, unit: 'kg', plu: '7101' });
    const input = saleInput(
      lane.id,
      lane.number,
      shift.id,
      [saleLine(cola, 3), saleLine(apples, 1, { weightGrams: 1500 })],
      [{ kind: 'cash', amountFen: 5000 }],
    );
    const recorded = await finalizeSale(cashier, input);
    expect(recorded).toMatchObject({ totalFen: 1050 + 1935, changeFen: 5000 - 2985 });
    expect(await onHand(cola.id)).toEqual({ projection: -3, ledger: -3 });
    expect(await onHand(apples.id)).toEqual({ projection: -1500, ledger: -1500 });
    const [sale] = await database().db.select().from(sales).where(eq(sales.id, input.saleId));
    expect(sale).toMatchObject({
      businessDate: '2026-11-21',
      localHour: 10,
      customerSegment: 'F-30',
      priceDifferences: [],
    });
    const [cash] = await database().db.select().from(cashMovements).where(eq(cashMovements.saleId, input.saleId));
    expect(cash?.amountFen).toBe(2985);
  });

  it('records voided lines in the audit log with the sale', async () => {
    const [lane] = await storeLanes(database().db, store.storeId);
    if (!lane) throw new Error('no lane');
    const cashier = store.as('cashier');
    const shift = await openShiftFor(cashier, lane.id);
    const cola = await addProduct(store);
    const voided = saleLine(cola, 2);
    const input = {
      ...saleInput(lane.id, lane.number, shift.id, [saleLine(cola, 1)], [{ kind: 'cash' as const, amountFen: 350 }]),
      voidedLines: [{ line: voided, voidedAt: '2026-11-21T02:00:00Z' }],
    };
    await finalizeSale(cashier, input);
    await finalizeSale(cashier, input);
    const rows = await database().db.select().from(auditLog).where(eq(auditLog.entityId, input.saleId));
    expect(rows.map((r) => [r.action, r.actorStaffId])).toEqual([['sale.line-voided', store.members.cashier.id]]);
  });

  it('records a sale sent many times at once exactly once, with the same answer each time', async () => {
    const [lane] = await storeLanes(database().db, store.storeId);
    if (!lane) throw new Error('no lane');
    const cashier = store.as('cashier');
    const shift = await openShiftFor(cashier, lane.id);
    const cola = await addProduct(store);
    const input = saleInput(lane.id, lane.number, shift.id, [saleLine(cola, 2)], [{ kind: 'cash', amountFen: 1000 }]);
    const answers = await Promise.all(Array.from({ length: 6 }, () => finalizeSale(cashier, input)));
    for (const answer of answers) expect(answer).toEqual(answers[0]);
    const lines = await database().db.select().from(saleLines).where(eq(saleLines.saleId, input.saleId));
    expect(lines).toHaveLength(1);
    expect(await onHand(cola.id)).toEqual({ projection: -2, ledger: -2 });
    const cash = await database().db.select().from(cashMovements).where(eq(cashMovements.saleId, input.saleId));
    expect(cash).toHaveLength(1);
  });

  it('keeps the ledger and on-hand equal when many lanes sell the same products at once', async () => {
    const lanes = await storeLanes(database().db, store.storeId);
    const products = [await addProduct(store), await addProduct(store), await addProduct(store)];
    const cashiers = await Promise.all(lanes.map(() => addStaff(database().db, store.storeId, 'cashier')));
    const contexts = cashiers.map((c) => ({
      ...store.as('cashier'),
      actor: { staffId: c.id, role: 'cashier' as const, storeId: store.storeId },
    }));
    const shifts = await Promise.all(lanes.map((lane, i) => openShiftFor(contexts[i] ?? store.as('cashier'), lane.id)));
    const jobs = lanes.flatMap((lane, i) =>
      Array.from({ length: 10 }, (_, k) => {
        const ordered = k % 2 === 0 ? products : [...products].reverse();
        const lines = ordered.map((p, j) => saleLine(p, 1 + ((j + k) % 3)));
        const input = saleInput(lane.id, lane.number, shifts[i]?.id ?? '', lines, [
          { kind: 'cash', amountFen: 100_000 },
        ]);
        return finalizeSale(contexts[i] ?? store.as('cashier'), input).then(() => lines);
      }),
    );
    const soldLines = (await Promise.all(jobs)).flat();
    for (const product of products) {
      const sold = soldLines.filter((l) => l.productId === product.id).reduce((sum, l) => sum + l.quantity, 0);
      expect(await onHand(product.id)).toEqual({ projection: -sold, ledger: -sold });
    }
  });

  it('lets the lane’s price stand and flags the difference when the catalog price changed meanwhile', async () => {
    const [lane] = await storeLanes(database().db, store.storeId);
    if (!lane) throw new Error('no lane');
    const cashier = store.as('cashier');
    const shift = await openShiftFor(cashier, lane.id);
    const cola = await addProduct(store, { priceFen: 350 });
    const line = saleLine(cola, 1);
    await updateProduct(store.as('store_manager'), { id: cola.id, priceFen: 390 });
    const input = {
      ...saleInput(lane.id, lane.number, shift.id, [line], [{ kind: 'cash', amountFen: 350 }]),
      sentOffline: true,
    };
    const recorded = await finalizeSale(cashier, input);
    expect(recorded.totalFen).toBe(350);
    const [sale] = await database().db.select().from(sales).where(eq(sales.id, input.saleId));
    expect(sale?.priceDifferences).toEqual([{ productId: cola.id, lanePriceFen: 350, catalogPriceFen: 390 }]);
    expect(sale?.sentOffline).toBe(true);
  });

  it('refuses an unpaid sale, another cashier’s shift, and unknown products, recording nothing', async () => {
    const [lane] = await storeLanes(database().db, store.storeId);
    if (!lane) throw new Error('no lane');
    const cashier = store.as('cashier');
    const shift = await openShiftFor(cashier, lane.id);
    const cola = await addProduct(store);
    const unpaid = saleInput(lane.id, lane.number, shift.id, [saleLine(cola, 2)], [{ kind: 'cash', amountFen: 100 }]);
    await expect(finalizeSale(cashier, unpaid)).rejects.toMatchObject({ reason: 'sale.unpaid' });
    const stolen = saleInput(lane.id, lane.number, shift.id, [saleLine(cola, 1)], [{ kind: 'cash', amountFen: 350 }]);
    await expect(finalizeSale(store.as('supervisor'), stolen)).rejects.toMatchObject({ reason: 'shift.not-yours' });
    const other = await createStoreFixture(database().db);
    const foreign = await addProduct(other);
    const wrong = saleInput(lane.id, lane.number, shift.id, [saleLine(foreign, 1)], [{ kind: 'cash', amountFen: 350 }]);
    await expect(finalizeSale(cashier, wrong)).rejects.toMatchObject({ reason: 'sale.unknown-product' });
    const recorded = await database().db.select().from(sales).where(eq(sales.storeId, store.storeId));
    expect(recorded).toEqual([]);
    expect(await onHand(cola.id)).toEqual({ projection: 0, ledger: 0 });
  });
});
