import { and, eq } from 'drizzle-orm';
import { expect, it } from 'vitest';
import {
  auditLog,
  stockAdjustmentLines,
  stockAdjustments,
  stockMovements,
  stocktakeCounts,
  stocktakeItems,
} from '../../db/schema';
import { createProduct } from '../catalog/create-product';
import { inTransaction } from '../core/context';
import { newId } from '../core/ids';
import { completeEan13 } from '../domain/barcode';
import { buildEmbeddedBarcode, defaultEmbeddedBarcodeLayouts } from '../domain/embedded-barcode';
import { postStockMovements } from '../inventory/post-stock-movements';
import { finalizeSale } from '../sales/finalize-sale';
import { forEachDatabase } from '../testing/database-suite';
import { createStoreFixture } from '../testing/fixtures';
import { openShiftFor, saleInput, saleLine, stockOf, storeLanes } from '../testing/sale-fixtures';
import { applyStocktake } from './apply-stocktake';
import { cancelStocktake } from './cancel-stocktake';
import { getStocktakeReport } from './get-stocktake-report';
import { listCounts } from './list-counts';
import { listStocktakes } from './list-stocktakes';
import { recordCount } from './record-count';
import { startStocktake } from './start-stocktake';
import { stockValueFen, type VarianceLine } from './variance-lines';

type Store = Awaited<ReturnType<typeof createStoreFixture>>;

let productSeq = 0;
async function product(
  store: Store,
  options: { department?: string; costFen?: number; unit?: 'each' | 'kg'; plu?: string; active?: boolean } = {},
) {
  const code = `ST${process.pid % 1000}${++productSeq}${Math.floor(Math.random() * 1e6)}`;
  const barcode = completeEan13(`69${String(Math.floor(Math.random() * 1e10)).padStart(10, '0')}`);
  const created = await createProduct(store.as('store_manager'), {
    id: newId(),
    code,
    nameZh: `盘点商品${code}`,
    nameEn: `Count ${code}`,
    departmentId: store.departmentId(options.department ?? '20'),
    unit: options.unit ?? 'each',
    priceFen: 500,
    costFen: options.costFen ?? 200,
    vatRateBps: 1300,
    plu: options.plu ?? null,
    active: options.active ?? true,
    barcodes: [{ code: barcode }],
  });
  return { ...created, barcode };
}

async function receive(store: Store, productId: string, quantityDelta: number, unitCostFen: number) {
  await inTransaction(store.as('store_manager'), (tx) =>
    postStockMovements(tx, 'receipt', { type: 'goods_receipt', id: newId() }, [
      { productId, quantityDelta, unitCostFen },
    ]),
  );
}

async function sell(store: Store, item: Awaited<ReturnType<typeof product>>, quantity: number) {
  const [lane] = await storeLanes(store.as('cashier').db, store.storeId);
  if (!lane) throw new Error('no lane');
  const cashier = store.as('cashier');
  const shift = await openShiftFor(cashier, lane.id).catch(() => null);
  const shiftId = shift?.id ?? openShifts.get(store.storeId);
  if (!shiftId) throw new Error('no shift');
  openShifts.set(store.storeId, shiftId);
  await finalizeSale(
    cashier,
    saleInput(
      lane.id,
      lane.number,
      shiftId,
      [saleLine(item, quantity)],
      [{ kind: 'cash', amountFen: item.priceFen * quantity }],
    ),
  );
}
const openShifts = new Map<string, string>();

forEachDatabase((database) => {
  it('counts a movement stamped before the start but written after the freeze as moved during the count', async () => {
    const store = await createStoreFixture(database().db);
    const manager = store.as('store_manager');
    const tea = await product(store);
    await receive(store, tea.id, 10, 300);
    store.clock.advanceMinutes(5);
    const stocktakeId = newId();
    await startStocktake(manager, { id: stocktakeId, scope: 'department', departmentId: store.departmentId('20') });
    // A sale checked (and stamped) 10 s before the start, whose write reached the ledger only after the freeze.
    const stampedEarlier = { ...manager, now: () => new Date(store.clock.now().getTime() - 10_000) };
    await inTransaction(stampedEarlier, (tx) =>
      postStockMovements(tx, 'adjustment', { type: 'stock_adjustment', id: newId() }, [
        { productId: tea.id, quantityDelta: -3 },
      ]),
    );
    store.clock.advanceMinutes(1);
    await recordCount(manager, { stocktakeId, entryId: newId(), code: tea.barcode, quantity: 7 });
    const report = await getStocktakeReport(manager, { stocktakeId });
    const line = report.lines.find((l) => l.productId === tea.id);
    expect(line).toMatchObject({ frozenOnHand: 10, movedSinceStart: -3, expected: 7, counted: 7, variance: 0 });
  });

  it('freezes expected stock, sums several counters, accounts for sales during the count, and applies once', async () => {
    const db = database().db;
    const store = await createStoreFixture(db);
    const supervisor = store.as('supervisor');
    const manager = store.as('store_manager');
    const tea = await product(store);
    const rice = await product(store);
    const salt = await product(store, { costFen: 150 });
    const soap = await product(store, { department: '30' });
    const oldStock = await product(store, { active: false });
    const discontinued = await product(store, { active: false });
    await receive(store, tea.id, 10, 300);
    await receive(store, rice.id, 6, 800);
    await receive(store, soap.id, 4, 100);
    await receive(store, oldStock.id, 2, 100);
    await sell(store, rice, 1);

    const stocktakeId = newId();
    const started = await startStocktake(supervisor, {
      id: stocktakeId,
      scope: 'department',
      departmentId: store.departmentId('20'),
    });
    expect(started).toMatchObject({ status: 'counting', number: 'ST-20261121-001', scope: 'department' });
    expect(
      await startStocktake(supervisor, {
        id: stocktakeId,
        scope: 'department',
        departmentId: store.departmentId('20'),
      }),
    ).toEqual(started);
    const items = await db.select().from(stocktakeItems).where(eq(stocktakeItems.stocktakeId, stocktakeId));
    expect(new Map(items.map((i) => [i.productId, [i.frozenOnHand, i.unitCostFen]]))).toEqual(
      new Map([
        [tea.id, [10, 300]],
        [rice.id, [5, 800]],
        [salt.id, [0, 150]],
        [oldStock.id, [2, 100]],
      ]),
    );
    expect(items.map((i) => i.productId)).not.toContain(discontinued.id);

    // During the count: a sale of tea before it is counted, a sale of rice after it was counted.
    store.clock.advanceMinutes(1);
    await sell(store, tea, 2);
    store.clock.advanceMinutes(1);
    const count = (ctx: typeof supervisor, input: Omit<Parameters<typeof recordCount>[1], 'stocktakeId' | 'entryId'>) =>
      recordCount(ctx, { stocktakeId, entryId: newId(), ...input });
    await count(supervisor, { code: tea.barcode });
    await count(supervisor, { code: tea.barcode });
    await count(supervisor, { code: tea.barcode, quantity: 1 });
    const teaByManager = await count(manager, { productId: tea.id, quantity: 4 });
    expect(teaByManager.countedTotal).toBe(7);
    await count(manager, { code: rice.code, quantity: 5, mode: 'set' });
    const corrected = await count(supervisor, { code: rice.barcode, quantity: 4, mode: 'set' });
    expect(corrected).toMatchObject({ countedTotal: 4, entry: { quantity: -1 } });
    await count(supervisor, { productId: salt.id, quantity: 0 });
    store.clock.advanceMinutes(1);
    await sell(store, rice, 1);
    store.clock.advanceMinutes(1);

    await expect(count(supervisor, { productId: soap.id, quantity: 1 })).rejects.toMatchObject({
      reason: 'stocktake.product-not-in-scope',
    });
    const mine = await listCounts(supervisor, { stocktakeId, mine: true });
    expect(mine.map((entry) => entry.quantity)).toEqual([0, -1, 1, 1, 1]);
    expect(await listCounts(manager, { stocktakeId, productId: tea.id })).toHaveLength(4);

    const report = await getStocktakeReport(manager, { stocktakeId });
    const line = (id: string) => report.lines.find((l) => l.productId === id);
    expect(line(tea.id)).toMatchObject({
      frozenOnHand: 10,
      movedSinceStart: -2,
      expected: 8,
      counted: 7,
      entries: 4,
      variance: -1,
      varianceFen: -300,
    });
    expect(line(rice.id)).toMatchObject({
      frozenOnHand: 5,
      movedSinceStart: 0,
      expected: 5,
      counted: 4,
      variance: -1,
      varianceFen: -800,
    });
    expect(line(salt.id)).toMatchObject({ expected: 0, counted: 0, variance: 0, varianceFen: 0 });
    expect(line(oldStock.id)).toMatchObject({ expected: 2, counted: null, variance: null });
    expect(report.totals).toEqual({
      products: 4,
      counted: 3,
      uncounted: 1,
      differing: 2,
      gainFen: 0,
      lossFen: -1_100,
      netFen: -1_100,
      uncountedValueFen: 200,
    });

    const adjustmentId = newId();
    await expect(applyStocktake(supervisor, { stocktakeId, adjustmentId })).rejects.toMatchObject({
      reason: 'stocktake.apply-forbidden',
    });
    const applied = await applyStocktake(manager, { stocktakeId, adjustmentId });
    expect(applied).toMatchObject({ adjustmentNumber: 'ADJ-20261121-001' });
    expect(await applyStocktake(manager, { stocktakeId, adjustmentId })).toEqual(applied);
    await expect(applyStocktake(manager, { stocktakeId, adjustmentId: newId() })).rejects.toMatchObject({
      reason: 'stocktake.already-applied',
    });

    expect(await stockOf(db, store.storeId, tea.id)).toEqual({ projection: 7, ledger: 7 });
    // Rice counted 4, then one more sold after its count: the count is kept, the later sale too.
    expect(await stockOf(db, store.storeId, rice.id)).toEqual({ projection: 3, ledger: 3 });
    expect(await stockOf(db, store.storeId, salt.id)).toEqual({ projection: 0, ledger: 0 });
    expect(await stockOf(db, store.storeId, oldStock.id)).toEqual({ projection: 2, ledger: 2 });
    const [adjustment] = await db.select().from(stockAdjustments).where(eq(stockAdjustments.id, adjustmentId));
    expect(adjustment).toMatchObject({ reason: 'count', stocktakeId, approvedBy: store.members.store_manager.id });
    const lines = await db
      .select({
        productId: stockAdjustmentLines.productId,
        quantityDelta: stockAdjustmentLines.quantityDelta,
        unitCostFen: stockAdjustmentLines.unitCostFen,
      })
      .from(stockAdjustmentLines)
      .where(eq(stockAdjustmentLines.stockAdjustmentId, adjustmentId));
    expect(lines).toHaveLength(2);
    expect(lines).toEqual(
      expect.arrayContaining([
        { productId: tea.id, quantityDelta: -1, unitCostFen: 300 },
        { productId: rice.id, quantityDelta: -1, unitCostFen: 800 },
      ]),
    );
    const movements = await db
      .select({
        kind: stockMovements.kind,
        productId: stockMovements.productId,
        quantityDelta: stockMovements.quantityDelta,
      })
      .from(stockMovements)
      .where(and(eq(stockMovements.sourceType, 'stock_adjustment'), eq(stockMovements.sourceId, adjustmentId)));
    expect(movements).toHaveLength(2);
    expect(movements.every((m) => m.kind === 'count' && m.quantityDelta === -1)).toBe(true);
    const audit = await db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.entityId, stocktakeId), eq(auditLog.action, 'stocktake.applied')));
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({
      actorStaffId: store.members.store_manager.id,
      approverStaffId: store.members.store_manager.id,
    });

    // The applied report stays as it was: its own adjustment is not a movement during the count.
    const after = await getStocktakeReport(manager, { stocktakeId });
    expect(after.stocktake).toMatchObject({ status: 'applied', adjustmentNumber: 'ADJ-20261121-001' });
    expect(after.lines.find((l) => l.productId === tea.id)).toMatchObject({ expected: 8, counted: 7, variance: -1 });

    await expect(count(supervisor, { productId: tea.id, quantity: 1 })).rejects.toMatchObject({
      reason: 'stocktake.already-applied',
    });
    await expect(cancelStocktake(manager, { stocktakeId })).rejects.toMatchObject({
      reason: 'stocktake.already-applied',
    });
    const entries = await db.select().from(stocktakeCounts).where(eq(stocktakeCounts.stocktakeId, stocktakeId));
    expect(entries).toHaveLength(7);
  });

  it('judges a product counted in two places against its first entry: a sale between the entries is no variance', async () => {
    const db = database().db;
    const store = await createStoreFixture(db);
    const counterA = store.as('supervisor');
    const counterB = store.as('store_manager');
    const tea = await product(store);
    await receive(store, tea.id, 10, 300);
    const stocktakeId = newId();
    await startStocktake(counterA, { id: stocktakeId, scope: 'department', departmentId: store.departmentId('20') });
    store.clock.advanceMinutes(1);
    await recordCount(counterA, { stocktakeId, entryId: newId(), code: tea.barcode, quantity: 8 });
    store.clock.advanceMinutes(1);
    await sell(store, tea, 1);
    store.clock.advanceMinutes(1);
    await recordCount(counterB, { stocktakeId, entryId: newId(), productId: tea.id, quantity: 2 });
    store.clock.advanceMinutes(1);

    const report = await getStocktakeReport(counterB, { stocktakeId });
    expect(report.lines.find((l) => l.productId === tea.id)).toMatchObject({
      frozenOnHand: 10,
      movedSinceStart: 0,
      expected: 10,
      counted: 10,
      entries: 2,
      variance: 0,
      varianceFen: 0,
      onHand: 9,
    });
    expect(report.totals).toMatchObject({ differing: 0, gainFen: 0, lossFen: 0, netFen: 0 });
    const applied = await applyStocktake(counterB, { stocktakeId, adjustmentId: newId() });
    expect(applied.lines).toEqual([]);
    expect(await stockOf(db, store.storeId, tea.id)).toEqual({ projection: 9, ledger: 9 });
  });

  it('places a first entry recorded before entries kept a ledger position by its time', async () => {
    const db = database().db;
    const store = await createStoreFixture(db);
    const manager = store.as('store_manager');
    const tea = await product(store);
    await receive(store, tea.id, 10, 300);
    const stocktakeId = newId();
    await startStocktake(manager, { id: stocktakeId, scope: 'department', departmentId: store.departmentId('20') });
    store.clock.advanceMinutes(1);
    const first = await recordCount(manager, { stocktakeId, entryId: newId(), code: tea.barcode, quantity: 8 });
    await db.update(stocktakeCounts).set({ ledgerSeq: null }).where(eq(stocktakeCounts.id, first.entry.id));
    store.clock.advanceMinutes(1);
    await sell(store, tea, 1);
    store.clock.advanceMinutes(1);
    await recordCount(manager, { stocktakeId, entryId: newId(), productId: tea.id, quantity: 2 });
    const report = await getStocktakeReport(manager, { stocktakeId });
    expect(report.lines.find((l) => l.productId === tea.id)).toMatchObject({ expected: 10, counted: 10, variance: 0 });
  });

  it('counts a sale before a product’s first entry against that entry, and keeps one after it in stock', async () => {
    const db = database().db;
    const store = await createStoreFixture(db);
    const counterA = store.as('supervisor');
    const counterB = store.as('store_manager');
    const tea = await product(store);
    await receive(store, tea.id, 10, 300);
    const stocktakeId = newId();
    await startStocktake(counterA, { id: stocktakeId, scope: 'department', departmentId: store.departmentId('20') });
    store.clock.advanceMinutes(1);
    await sell(store, tea, 2);
    store.clock.advanceMinutes(1);
    // The shelf holds 6 where 8 should be after the sale: one went missing before the count.
    await recordCount(counterA, { stocktakeId, entryId: newId(), code: tea.barcode, quantity: 6 });
    store.clock.advanceMinutes(1);
    await sell(store, tea, 1);
    store.clock.advanceMinutes(1);
    await recordCount(counterB, { stocktakeId, entryId: newId(), productId: tea.id, quantity: 1 });
    store.clock.advanceMinutes(1);

    const report = await getStocktakeReport(counterB, { stocktakeId });
    expect(report.lines.find((l) => l.productId === tea.id)).toMatchObject({
      movedSinceStart: -2,
      expected: 8,
      counted: 7,
      variance: -1,
      varianceFen: -300,
      onHand: 7,
    });
    const applied = await applyStocktake(counterB, { stocktakeId, adjustmentId: newId() });
    expect(applied.lines).toEqual([{ productId: tea.id, quantityDelta: -1 }]);
    // On hand is what was counted plus what moved after the first entry: 7 − 1.
    expect(await stockOf(db, store.storeId, tea.id)).toEqual({ projection: 6, ledger: 6 });
  });

  it('allows one counting stocktake per overlapping scope; cancelling moves nothing', async () => {
    const store = await createStoreFixture(database().db);
    const supervisor = store.as('supervisor');
    const manager = store.as('store_manager');
    const tea = await product(store);
    await receive(store, tea.id, 3, 100);
    const grocery = newId();
    await startStocktake(supervisor, { id: grocery, scope: 'department', departmentId: store.departmentId('20') });
    await expect(startStocktake(supervisor, { id: newId(), scope: 'full' })).rejects.toMatchObject({
      reason: 'stocktake.overlapping',
    });
    await expect(
      startStocktake(supervisor, { id: newId(), scope: 'department', departmentId: store.departmentId('20') }),
    ).rejects.toMatchObject({ reason: 'stocktake.overlapping' });
    const household = newId();
    await startStocktake(supervisor, { id: household, scope: 'department', departmentId: store.departmentId('30') });
    await recordCount(supervisor, { stocktakeId: grocery, entryId: newId(), productId: tea.id, quantity: 9 });
    expect(await cancelStocktake(manager, { stocktakeId: grocery })).toMatchObject({ status: 'cancelled' });
    expect(await cancelStocktake(manager, { stocktakeId: grocery })).toMatchObject({ status: 'cancelled' });
    await expect(
      recordCount(supervisor, { stocktakeId: grocery, entryId: newId(), productId: tea.id, quantity: 1 }),
    ).rejects.toMatchObject({ reason: 'stocktake.cancelled' });
    expect(await stockOf(database().db, store.storeId, tea.id)).toEqual({ projection: 3, ledger: 3 });
    await expect(startStocktake(supervisor, { id: newId(), scope: 'full' })).rejects.toMatchObject({
      reason: 'stocktake.overlapping',
    });
    await cancelStocktake(manager, { stocktakeId: household });
    const full = await startStocktake(supervisor, { id: newId(), scope: 'full' });
    expect(full.scope).toBe('full');
    const listed = await listStocktakes(supervisor, {});
    expect(listed.map((s) => s.status)).toEqual(['counting', 'cancelled', 'cancelled']);
  });

  it('counts idempotently, by weight label too, refuses a count below zero, and zeroes uncounted goods when asked', async () => {
    const db = database().db;
    const store = await createStoreFixture(db);
    const supervisor = store.as('supervisor');
    const manager = store.as('store_manager');
    const tea = await product(store);
    const forgotten = await product(store, { department: '30' });
    const apples = await product(store, { unit: 'kg', plu: '4321', costFen: 600 });
    await receive(store, tea.id, 5, 100);
    await receive(store, forgotten.id, 4, 100);
    await receive(store, apples.id, 2_000, 600);
    const stocktakeId = newId();
    await startStocktake(supervisor, { id: stocktakeId, scope: 'full' });
    const entryId = newId();
    const first = await recordCount(supervisor, { stocktakeId, entryId, code: tea.barcode, quantity: 2 });
    expect(await recordCount(supervisor, { stocktakeId, entryId, code: tea.barcode, quantity: 2 })).toEqual(first);
    await expect(
      recordCount(supervisor, { stocktakeId, entryId: newId(), productId: tea.id, quantity: -3 }),
    ).rejects.toMatchObject({
      reason: 'stocktake.count-below-zero',
    });
    await expect(
      recordCount(supervisor, { stocktakeId, entryId: newId(), code: '9999999999994' }),
    ).rejects.toMatchObject({
      reason: 'barcode.not-found',
    });
    await expect(
      recordCount(supervisor, { stocktakeId, entryId: newId(), productId: apples.id }),
    ).rejects.toMatchObject({
      reason: 'stocktake.quantity-required',
    });
    const weightLayout = defaultEmbeddedBarcodeLayouts.find((l) => l.valueKind === 'weight');
    if (!weightLayout) throw new Error('no weight layout');
    const label = buildEmbeddedBarcode(weightLayout, '4321', 1_250);
    expect(await recordCount(supervisor, { stocktakeId, entryId: newId(), code: label })).toMatchObject({
      countedTotal: 1_250,
      product: { id: apples.id },
    });
    const report = await getStocktakeReport(manager, { stocktakeId });
    expect(report.lines.find((l) => l.productId === apples.id)).toMatchObject({ variance: -750, varianceFen: -450 });
    await applyStocktake(manager, { stocktakeId, adjustmentId: newId(), uncountedAsZero: true });
    expect(await stockOf(db, store.storeId, tea.id)).toEqual({ projection: 2, ledger: 2 });
    expect(await stockOf(db, store.storeId, forgotten.id)).toEqual({ projection: 0, ledger: 0 });
    expect(await stockOf(db, store.storeId, apples.id)).toEqual({ projection: 1_250, ledger: 1_250 });
  });

  it('pages the report by filter and search, with totals over the whole stocktake', async () => {
    const store = await createStoreFixture(database().db);
    const supervisor = store.as('supervisor');
    const manager = store.as('store_manager');
    const items = [];
    for (let n = 0; n < 7; n++) items.push(await product(store, { costFen: 100 + n }));
    const apples = await product(store, { unit: 'kg', plu: '4322', costFen: 500 });
    for (const item of items) await receive(store, item.id, 10, item.costFen);
    await receive(store, apples.id, 1_000, 500);
    const stocktakeId = newId();
    await startStocktake(supervisor, { id: stocktakeId, scope: 'department', departmentId: store.departmentId('20') });
    const counts: [string, number][] = [
      [items[0]?.id ?? '', 10],
      [items[1]?.id ?? '', 9],
      [items[2]?.id ?? '', 12],
      [items[3]?.id ?? '', 10],
      // 3 g short at ¥5/kg: 1.5 fen, rounded like stockValueFen.
      [apples.id, 997],
    ];
    for (const [productId, quantity] of counts) {
      await recordCount(supervisor, { stocktakeId, entryId: newId(), productId, quantity });
    }

    const pageSize = 3;
    const allPages = async (show: 'all' | 'differing' | 'uncounted', search = '') => {
      const pages: VarianceLine[][] = [];
      let after: { counted: boolean; code: string } | null = null;
      do {
        const page = await getStocktakeReport(manager, { stocktakeId, show, search, after, pageSize });
        pages.push(page.lines);
        after = page.next;
      } while (after && pages.length < 10);
      return pages;
    };

    const first = await getStocktakeReport(manager, { stocktakeId, pageSize });
    expect(first.lines).toHaveLength(pageSize);
    expect(first.lines.every((line) => line.counted !== null)).toBe(true);
    const pages = await allPages('all');
    const lines = pages.flat();
    expect(pages.map((page) => page.length)).toEqual([3, 3, 2]);
    expect(lines.map((line) => line.productId).sort()).toEqual([...items, apples].map((item) => item.id).sort());
    expect(lines.filter((line) => line.counted !== null).map((line) => line.code)).toEqual(
      counts.map(([id]) => lines.find((line) => line.productId === id)?.code).sort(),
    );
    expect(lines.find((line) => line.productId === apples.id)).toMatchObject({
      expected: 1_000,
      variance: -3,
      varianceFen: stockValueFen(-3, 'kg', 500),
    });

    const sum = (values: number[]) => values.reduce((total, value) => total + value, 0);
    const counted = lines.filter((line) => line.counted !== null);
    const fen = counted.map((line) => line.varianceFen ?? 0);
    const uncountedValueFen = sum(
      lines
        .filter((line) => line.counted === null)
        .map((line) => stockValueFen(Math.max(line.expected, 0), line.unit, line.unitCostFen)),
    );
    expect(first.totals).toEqual({
      products: 8,
      counted: 5,
      uncounted: 3,
      differing: 3,
      gainFen: sum(fen.filter((value) => value > 0)),
      lossFen: sum(fen.filter((value) => value < 0)),
      netFen: sum(fen),
      uncountedValueFen,
    });
    expect(first.totals).toMatchObject({ gainFen: 204, lossFen: -102, uncountedValueFen: 10 * (104 + 105 + 106) });

    const differing = (await allPages('differing')).flat();
    expect(differing.map((line) => line.productId).sort()).toEqual(
      [items[1]?.id, items[2]?.id, apples.id].map(String).sort(),
    );
    expect(differing.every((line) => line.variance !== null && line.variance !== 0)).toBe(true);
    const uncounted = (await allPages('uncounted')).flat();
    expect(uncounted.map((line) => line.productId).sort()).toEqual(
      [items[4]?.id, items[5]?.id, items[6]?.id].map(String).sort(),
    );
    const searched = await getStocktakeReport(manager, { stocktakeId, search: items[5]?.code ?? '' });
    expect(searched.lines.map((line) => line.productId)).toEqual([items[5]?.id]);
    expect(searched.totals).toEqual(first.totals);
  });
});
