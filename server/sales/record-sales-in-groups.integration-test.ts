import { eq, inArray } from 'drizzle-orm';
import { beforeEach, expect, it } from 'vitest';
import { products, saleLines, sales, stores } from '../../db/schema';
import { inTransaction } from '../core/context';
import { isUniqueViolation } from '../core/errors';
import { closeShift } from '../shifts/close-shift';
import { forEachDatabase } from '../testing/database-suite';
import { createStoreFixture } from '../testing/fixtures';
import { addProduct, openShiftFor, saleInput, saleLine, storeLanes, stockOf } from '../testing/sale-fixtures';
import { priceSale } from '../domain/sale';
import { checkSales } from './check-sales';
import { finalizeSale, FinalizeSaleInput } from './finalize-sale';
import { writeSales } from './write-sales';

forEachDatabase((database) => {
  let store: Awaited<ReturnType<typeof createStoreFixture>>;
  beforeEach(async () => {
    store = await createStoreFixture(database().db);
  });

  async function openLanes() {
    const [lane, otherLane] = await storeLanes(database().db, store.storeId);
    if (!lane || !otherLane) throw new Error('no lanes');
    const cashier = store.as('cashier');
    const shift = await openShiftFor(cashier, lane.id);
    return { lane, otherLane, cashier, shift, cola: await addProduct(store, { priceFen: 350 }) };
  }

  const cashSale = (lane: { id: string; number: number }, shiftId: string, line: ReturnType<typeof saleLine>) =>
    saleInput(lane.id, lane.number, shiftId, [line], [{ kind: 'cash', amountFen: 10_000 }]);

  /** A cash sale of one cola that has passed its checks, not yet written. */
  async function checkedCashSale() {
    const opened = await openLanes();
    const { lane, cashier, shift, cola } = opened;
    const input = FinalizeSaleInput.parse(cashSale(lane, shift.id, saleLine(cola, 1)));
    const totals = priceSale(input.lines, null);
    const [verdict] = await checkSales(database().db, [{ ctx: cashier, input, totals, changeFen: 10_000 - 350 }]);
    if (verdict?.kind !== 'new') throw new Error('the sale should pass its checks');
    return { ...opened, input, verdict };
  }

  const recordedIds = async (saleIds: string[]) =>
    (await database().db.select({ id: sales.id }).from(sales).where(inArray(sales.id, saleIds))).map((r) => r.id);

  const onHandOf = (productId: string) => stockOf(database().db, store.storeId, productId);

  it('answers each of the sales arriving together with its own answer or error, writing nothing for the refused', async () => {
    const { lane, otherLane, cashier, shift, cola } = await openLanes();
    const foreign = await addProduct(await createStoreFixture(database().db));
    const one = cashSale(lane, shift.id, saleLine(cola, 1));
    const two = cashSale(lane, shift.id, saleLine(cola, 2));
    const wrongLane = cashSale(otherLane, shift.id, saleLine(cola, 1));
    const notYours = cashSale(lane, shift.id, saleLine(cola, 1));
    const unknownProduct = cashSale(lane, shift.id, saleLine(foreign, 1));
    const settled = await Promise.allSettled([
      finalizeSale(cashier, one),
      finalizeSale(cashier, wrongLane),
      finalizeSale(store.as('supervisor'), notYours),
      finalizeSale(cashier, unknownProduct),
      finalizeSale(cashier, two),
    ]);
    expect(
      settled.map((s) => (s.status === 'fulfilled' ? s.value.totalFen : (s.reason as { reason: string }).reason)),
    ).toEqual([350, 'sale.wrong-lane', 'shift.not-yours', 'sale.unknown-product', 700]);
    const all = [one, two, wrongLane, notYours, unknownProduct].map((s) => s.saleId);
    expect((await recordedIds(all)).sort()).toEqual([one.saleId, two.saleId].sort());
    expect(await onHandOf(cola.id)).toEqual({ projection: -3, ledger: -3 });
  });

  it('judges each sale on what the database holds now, though the writer remembers an earlier sale’s facts', async () => {
    const { lane, cashier, shift, cola } = await openLanes();
    const first = cashSale(lane, shift.id, saleLine(cola, 1));
    await finalizeSale(cashier, first);
    await database().db.update(products).set({ priceFen: 400 }).where(eq(products.id, cola.id));
    await database().db.update(stores).set({ timezone: 'Europe/London' }).where(eq(stores.id, store.storeId));
    const next = cashSale(lane, shift.id, saleLine(cola, 1));
    expect(await finalizeSale(cashier, next)).toMatchObject({ totalFen: 350 });
    const recorded = await database()
      .db.select({ id: sales.id, priceDifferences: sales.priceDifferences, localHour: sales.localHour })
      .from(sales)
      .where(inArray(sales.id, [first.saleId, next.saleId]));
    expect(recorded.sort((a, b) => (a.id === first.saleId ? -1 : b.id === first.saleId ? 1 : 0))).toEqual([
      { id: first.saleId, priceDifferences: [], localHour: 10 },
      {
        id: next.saleId,
        priceDifferences: [{ productId: cola.id, lanePriceFen: 350, catalogPriceFen: 400 }],
        localHour: 2,
      },
    ]);
    expect(await onHandOf(cola.id)).toEqual({ projection: -2, ledger: -2 });
  });

  it('records the others one at a time when the group fails, so one bad sale is refused alone', async () => {
    const { lane, cashier, shift, cola } = await openLanes();
    const first = cashSale(lane, shift.id, saleLine(cola, 1));
    await finalizeSale(cashier, first);
    const two = cashSale(lane, shift.id, saleLine(cola, 2));
    const three = cashSale(lane, shift.id, saleLine(cola, 3));
    const clash = { ...cashSale(lane, shift.id, saleLine(cola, 4)), receiptNo: first.receiptNo };
    const settled = await Promise.allSettled([
      finalizeSale(cashier, two),
      finalizeSale(cashier, clash),
      finalizeSale(cashier, three),
    ]);
    expect(settled.map((s) => s.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
    const refusal = settled[1]?.status === 'rejected' ? (settled[1].reason as unknown) : null;
    expect(isUniqueViolation(refusal, 'sales_store_receipt_key')).toBe(true);
    expect(await recordedIds([clash.saleId])).toEqual([]);
    expect(await database().db.select().from(saleLines).where(eq(saleLines.saleId, clash.saleId))).toEqual([]);
    expect(await onHandOf(cola.id)).toEqual({ projection: -6, ledger: -6 });
  });

  it('records a sale sent twice at once a single time, and refuses its id to another store', async () => {
    const { lane, cashier, shift, cola } = await openLanes();
    const other = await createStoreFixture(database().db);
    const [otherStoreLane] = await storeLanes(database().db, other.storeId);
    if (!otherStoreLane) throw new Error('no lane');
    const otherShift = await openShiftFor(other.as('cashier'), otherStoreLane.id);
    const input = cashSale(lane, shift.id, saleLine(cola, 2));
    const taken = {
      ...cashSale(otherStoreLane, otherShift.id, saleLine(await addProduct(other), 1)),
      saleId: input.saleId,
    };
    const [once, twice, thrice] = await Promise.allSettled([
      finalizeSale(cashier, input),
      finalizeSale(cashier, input),
      finalizeSale(cashier, input),
    ]);
    expect(once).toMatchObject({ status: 'fulfilled', value: { saleId: input.saleId, totalFen: 700 } });
    expect(twice).toEqual(once);
    expect(thrice).toEqual(once);
    await expect(finalizeSale(other.as('cashier'), taken)).rejects.toMatchObject({
      code: 'CONFLICT',
      reason: 'sale.id-taken',
    });
    expect(await database().db.select().from(saleLines).where(eq(saleLines.saleId, input.saleId))).toHaveLength(1);
    expect(await onHandOf(cola.id)).toEqual({ projection: -2, ledger: -2 });
  });

  it('records a sale in the caller’s own transaction, not a group, so it rolls back with it', async () => {
    const { lane, cashier, shift, cola } = await openLanes();
    const input = cashSale(lane, shift.id, saleLine(cola, 1));
    await expect(
      inTransaction(cashier, async (tx) => {
        await finalizeSale(tx, input);
        expect(await tx.db.select({ id: sales.id }).from(sales).where(eq(sales.id, input.saleId))).toHaveLength(1);
        throw new Error('undone');
      }),
    ).rejects.toThrow('undone');
    expect(await recordedIds([input.saleId])).toEqual([]);
    expect(await onHandOf(cola.id)).toEqual({ projection: 0, ledger: 0 });
    await finalizeSale(cashier, input);
    expect(await recordedIds([input.saleId])).toEqual([input.saleId]);
  });

  it('answers a retry with the stored sale after its shift has closed', async () => {
    const { lane, cashier, shift, cola } = await openLanes();
    const input = cashSale(lane, shift.id, saleLine(cola, 1));
    const recorded = await finalizeSale(cashier, input);
    await closeShift(cashier, { shiftId: shift.id, countedCashFen: 50_350 });
    expect(await finalizeSale(cashier, input)).toEqual(recorded);
    await expect(finalizeSale(cashier, cashSale(lane, shift.id, saleLine(cola, 1)))).rejects.toMatchObject({
      reason: 'shift.closed',
    });
  });

  it('writes nothing for a sale whose shift closed between the check and the write, so the close counted it right', async () => {
    const { cashier, shift, cola, input, verdict } = await checkedCashSale();
    await closeShift(cashier, { shiftId: shift.id, countedCashFen: 0 });
    expect(await writeSales(database().db, [verdict.rows])).toEqual(new Set());
    expect(await recordedIds([input.saleId])).toEqual([]);
    expect(await onHandOf(cola.id)).toEqual({ projection: 0, ledger: 0 });
    await expect(finalizeSale(cashier, input)).rejects.toMatchObject({ reason: 'shift.closed' });
  });

  it('writes nothing for a sale whose product changed price between the check and the write, then judges it again', async () => {
    const { cashier, cola, input, verdict } = await checkedCashSale();
    await database().db.update(products).set({ priceFen: 380 }).where(eq(products.id, cola.id));
    expect(await writeSales(database().db, [verdict.rows])).toEqual(new Set());
    expect(await recordedIds([input.saleId])).toEqual([]);
    await finalizeSale(cashier, input);
    const [recorded] = await database()
      .db.select({ priceDifferences: sales.priceDifferences })
      .from(sales)
      .where(eq(sales.id, input.saleId));
    expect(recorded?.priceDifferences).toEqual([{ productId: cola.id, lanePriceFen: 350, catalogPriceFen: 380 }]);
    expect(await onHandOf(cola.id)).toEqual({ projection: -1, ledger: -1 });
  });
});
