import { and, eq } from 'drizzle-orm';
import { beforeEach, describe, expect, it } from 'vitest';
import { goodsReceipts, purchaseOrders, stockLevels, stockMovements } from '../../db/schema';
import { newId } from '../core/ids';
import { finalizeSale } from '../sales/finalize-sale';
import { forEachDatabase } from '../testing/database-suite';
import { createStoreFixture } from '../testing/fixtures';
import { addProduct, openShiftFor, saleInput, saleLine, stockOf, storeLanes } from '../testing/sale-fixtures';
import { cancelPurchaseOrder } from './cancel-purchase-order';
import { clearReorderRule } from './clear-reorder-rule';
import { closePurchaseOrder } from './close-purchase-order';
import { createPurchaseOrder } from './create-purchase-order';
import { createSupplier } from './create-supplier';
import { findReceivingProduct } from './find-receiving-product';
import { getPurchaseOrder } from './get-purchase-order';
import { listGoodsReceipts } from './list-goods-receipts';
import { listPurchaseOrders } from './list-purchase-orders';
import { listReorderRules } from './list-reorder-rules';
import { receiveGoods } from './receive-goods';
import { setReorderRule } from './set-reorder-rule';
import { updateSupplier } from './update-supplier';

forEachDatabase((database) => {
  let store: Awaited<ReturnType<typeof createStoreFixture>>;
  let supplierId: string;
  beforeEach(async () => {
    store = await createStoreFixture(database().db);
    supplierId = newId();
    await createSupplier(store.as('store_manager'), { id: supplierId, code: 'S01', name: '上海饮料批发' });
  });

  const manager = () => store.as('store_manager');
  const levelOf = async (productId: string) => {
    const [level] = await database()
      .db.select({ onHand: stockLevels.onHand, avgCostFen: stockLevels.avgCostFen })
      .from(stockLevels)
      .where(and(eq(stockLevels.storeId, store.storeId), eq(stockLevels.productId, productId)));
    return level;
  };
  const order = (lines: { productId: string; quantity: number; unitCostFen: number }[]) =>
    createPurchaseOrder(manager(), { id: newId(), supplierId, lines });

  describe('suppliers', () => {
    it('creates once per id, refuses a taken code, and updates', async () => {
      const id = newId();
      const first = await createSupplier(manager(), { id, code: 'S02', name: '蔬菜基地', phone: '021-5555' });
      expect(await createSupplier(manager(), { id, code: 'S02', name: '蔬菜基地', phone: '021-5555' })).toEqual(first);
      await expect(createSupplier(manager(), { id: newId(), code: 'S02', name: 'Other' })).rejects.toMatchObject({
        reason: 'supplier.code-taken',
      });
      expect(await updateSupplier(manager(), { id, contact: '赵经理' })).toMatchObject({ contact: '赵经理' });
    });
  });

  it('a receipt raises on hand, writes the ledger at the supplier’s cost and moves the average cost', async () => {
    const tea = await addProduct(store);
    const first = await receiveGoods(manager(), {
      id: newId(),
      supplierId,
      supplierDocumentNo: 'INV-778',
      lines: [{ productId: tea.id, quantity: 10, unitCostFen: 800 }],
    });
    expect(first).toMatchObject({ number: 'GR-20261121-001', totalFen: 8_000, supplierDocumentNo: 'INV-778' });
    const second = await receiveGoods(manager(), {
      id: newId(),
      supplierId,
      lines: [
        { productId: tea.id, quantity: 20, unitCostFen: 1_000 },
        { productId: tea.id, quantity: 10, unitCostFen: 1_000 },
      ],
    });
    expect(second.number).toBe('GR-20261121-002');
    expect(await levelOf(tea.id)).toEqual({ onHand: 40, avgCostFen: 950 });
    expect(await stockOf(database().db, store.storeId, tea.id)).toEqual({ projection: 40, ledger: 40 });
    const movements = await database()
      .db.select({ kind: stockMovements.kind, delta: stockMovements.quantityDelta, cost: stockMovements.unitCostFen })
      .from(stockMovements)
      .where(and(eq(stockMovements.sourceType, 'goods_receipt'), eq(stockMovements.sourceId, second.id)));
    expect(movements).toEqual([{ kind: 'receipt', delta: 30, cost: 1_000 }]);
    expect(await findReceivingProduct(manager(), { code: tea.code })).toMatchObject({
      id: tea.id,
      onHand: 40,
      suggestedCostFen: 950,
    });
    const listed = await listGoodsReceipts(manager(), {});
    expect(listed.items.map((r) => r.number)).toEqual(['GR-20261121-002', 'GR-20261121-001']);
  });

  it('weighed goods are received in grams at a cost per kg', async () => {
    const apples = await addProduct(store, { unit: 'kg', plu: '7301' });
    const receipt = await receiveGoods(manager(), {
      id: newId(),
      supplierId,
      lines: [{ productId: apples.id, quantity: 12_500, unitCostFen: 640 }],
    });
    expect(receipt.totalFen).toBe(8_000);
    expect(await levelOf(apples.id)).toEqual({ onHand: 12_500, avgCostFen: 640 });
  });

  it('receives a purchase order in parts, shows what is open, and closes it when all is in', async () => {
    const cola = await addProduct(store);
    const chips = await addProduct(store);
    const po = await order([
      { productId: cola.id, quantity: 24, unitCostFen: 250 },
      { productId: chips.id, quantity: 10, unitCostFen: 400 },
    ]);
    expect(po).toMatchObject({ number: 'PO-20261121-001', status: 'open', totalFen: 24 * 250 + 10 * 400 });
    const [colaLine, chipsLine] = po.lines;
    if (!colaLine || !chipsLine) throw new Error('lines missing');

    await receiveGoods(store.as('supervisor'), {
      id: newId(),
      supplierId,
      purchaseOrderId: po.id,
      lines: [
        { productId: cola.id, purchaseOrderLineId: colaLine.id, quantity: 10, unitCostFen: 250 },
        // Scanned without naming the order line: matched to the order's line for the product.
        { productId: chips.id, quantity: 10, unitCostFen: 400 },
      ],
    });
    const partly = await getPurchaseOrder(manager(), { id: po.id });
    expect(partly.status).toBe('open');
    expect(partly.lines.map((l) => [l.received, l.open, l.onHand])).toEqual([
      [10, 14, 10],
      [10, 0, 10],
    ]);
    const listed = await listPurchaseOrders(manager(), {});
    expect(listed.items[0]).toMatchObject({ id: po.id, status: 'open', lineCount: 2, openLineCount: 1 });

    await receiveGoods(manager(), {
      id: newId(),
      supplierId,
      purchaseOrderId: po.id,
      lines: [{ productId: cola.id, purchaseOrderLineId: colaLine.id, quantity: 14, unitCostFen: 260 }],
    });
    const done = await getPurchaseOrder(manager(), { id: po.id });
    expect(done.status).toBe('closed');
    expect(done.closedAt).not.toBeNull();
    expect(done.lines.map((l) => [l.received, l.open])).toEqual([
      [24, 0],
      [10, 0],
    ]);
    expect(done.receipts).toHaveLength(2);
    expect(await levelOf(cola.id)).toEqual({ onHand: 24, avgCostFen: Math.round((10 * 250 + 14 * 260) / 24) });
    await expect(
      receiveGoods(manager(), {
        id: newId(),
        supplierId,
        purchaseOrderId: po.id,
        lines: [{ productId: cola.id, quantity: 1, unitCostFen: 260 }],
      }),
    ).rejects.toMatchObject({ reason: 'purchase-order.not-open' });
  });

  it('a closed-by-hand order leaves what is open unreceived and off the order book; cancel only before receipts', async () => {
    const cola = await addProduct(store);
    const po = await order([{ productId: cola.id, quantity: 24, unitCostFen: 250 }]);
    await receiveGoods(manager(), {
      id: newId(),
      supplierId,
      purchaseOrderId: po.id,
      lines: [{ productId: cola.id, quantity: 4, unitCostFen: 250 }],
    });
    await expect(cancelPurchaseOrder(manager(), { id: po.id })).rejects.toMatchObject({
      reason: 'purchase-order.partly-received',
    });
    const closed = await closePurchaseOrder(manager(), { id: po.id });
    expect(closed.status).toBe('closed');
    expect(closed.lines.map((l) => [l.received, l.open])).toEqual([[4, 0]]);
    const other = await order([{ productId: cola.id, quantity: 6, unitCostFen: 250 }]);
    expect((await cancelPurchaseOrder(manager(), { id: other.id })).status).toBe('cancelled');
    expect((await cancelPurchaseOrder(manager(), { id: other.id })).status).toBe('cancelled');
    await expect(closePurchaseOrder(manager(), { id: other.id })).rejects.toMatchObject({
      reason: 'purchase-order.not-open',
    });
  });

  it('refuses more than is open unless a manager who may order accepts it; weighed goods get 5 % leeway', async () => {
    const cola = await addProduct(store);
    const bananas = await addProduct(store, { unit: 'kg', plu: '7302' });
    const po = await order([
      { productId: cola.id, quantity: 12, unitCostFen: 250 },
      { productId: bananas.id, quantity: 10_000, unitCostFen: 500 },
    ]);
    const base = { supplierId, purchaseOrderId: po.id };
    const tooMany = { productId: cola.id, quantity: 13, unitCostFen: 250 };
    await expect(
      receiveGoods(store.as('supervisor'), { ...base, id: newId(), lines: [tooMany] }),
    ).rejects.toMatchObject({
      reason: 'receiving.over-receipt',
      fieldErrors: { 'lines.0.quantity': [expect.any(String)] },
    });
    await expect(
      receiveGoods(store.as('supervisor'), { ...base, id: newId(), acceptOverReceipt: true, lines: [tooMany] }),
    ).rejects.toMatchObject({ reason: 'receiving.over-receipt-forbidden' });
    // Goods the order does not list count as more than ordered too.
    const extra = await addProduct(store);
    await expect(
      receiveGoods(manager(), { ...base, id: newId(), lines: [{ productId: extra.id, quantity: 1, unitCostFen: 1 }] }),
    ).rejects.toMatchObject({ reason: 'receiving.over-receipt' });
    expect(await stockOf(database().db, store.storeId, cola.id)).toEqual({ projection: 0, ledger: 0 });

    await receiveGoods(manager(), {
      ...base,
      id: newId(),
      lines: [{ productId: bananas.id, quantity: 10_500, unitCostFen: 500 }],
    });
    await receiveGoods(manager(), { ...base, id: newId(), acceptOverReceipt: true, lines: [tooMany] });
    const after = await getPurchaseOrder(manager(), { id: po.id });
    expect(after.lines.map((l) => l.received)).toEqual([13, 10_500]);
    expect(after.status).toBe('closed');
  });

  it('a retried receipt is recorded once and answers the same', async () => {
    const tea = await addProduct(store);
    const input = { id: newId(), supplierId, lines: [{ productId: tea.id, quantity: 5, unitCostFen: 700 }] };
    const first = await receiveGoods(manager(), input);
    const again = await receiveGoods(manager(), input);
    expect(again).toEqual(first);
    expect(await stockOf(database().db, store.storeId, tea.id)).toEqual({ projection: 5, ledger: 5 });
    const rows = await database().db.select().from(goodsReceipts).where(eq(goodsReceipts.id, input.id));
    expect(rows).toHaveLength(1);
    const po = { id: newId(), supplierId, lines: [{ productId: tea.id, quantity: 5, unitCostFen: 700 }] };
    expect(await createPurchaseOrder(manager(), po)).toEqual(await createPurchaseOrder(manager(), po));
    const orders = await database().db.select().from(purchaseOrders).where(eq(purchaseOrders.storeId, store.storeId));
    expect(orders).toHaveLength(1);
  });

  it('a bad line changes nothing', async () => {
    const tea = await addProduct(store);
    const other = await createStoreFixture(database().db);
    const theirs = await addProduct(other);
    const id = newId();
    await expect(
      receiveGoods(manager(), {
        id,
        supplierId,
        lines: [
          { productId: tea.id, quantity: 5, unitCostFen: 700 },
          { productId: theirs.id, quantity: 5, unitCostFen: 700 },
        ],
      }),
    ).rejects.toMatchObject({
      reason: 'stock.unknown-product',
      fieldErrors: { 'lines.1.productId': expect.any(Array) },
    });
    await expect(
      receiveGoods(manager(), { id, supplierId, lines: [{ productId: tea.id, quantity: 0, unitCostFen: 700 }] }),
    ).rejects.toThrow();
    await expect(
      receiveGoods(manager(), { id, supplierId: newId(), lines: [{ productId: tea.id, quantity: 1, unitCostFen: 7 }] }),
    ).rejects.toMatchObject({ reason: 'supplier.not-found' });
    expect(await stockOf(database().db, store.storeId, tea.id)).toEqual({ projection: 0, ledger: 0 });
    expect(await database().db.select().from(goodsReceipts).where(eq(goodsReceipts.id, id))).toEqual([]);
    expect(await levelOf(tea.id)).toBeUndefined();
  });

  it('suggests order quantities from the last 28 days of sales, less stock and what is on order, and orders them', async () => {
    const [lane] = await storeLanes(database().db, store.storeId);
    if (!lane) throw new Error('no lane');
    const cashier = store.as('cashier');
    const shift = await openShiftFor(cashier, lane.id);
    const cola = await addProduct(store);
    const chips = await addProduct(store);
    const quiet = await addProduct(store);
    await receiveGoods(manager(), {
      id: newId(),
      supplierId,
      lines: [
        { productId: cola.id, quantity: 100, unitCostFen: 250 },
        { productId: chips.id, quantity: 30, unitCostFen: 400 },
        { productId: quiet.id, quantity: 50, unitCostFen: 100 },
      ],
    });
    const sell = (lines: ReturnType<typeof saleLine>[], amountFen: number) =>
      finalizeSale(cashier, saleInput(lane.id, lane.number, shift.id, lines, [{ kind: 'cash', amountFen }]));
    // Sold 39 days before the list is asked for: outside the window.
    await sell([saleLine(cola, 30)], 30 * 350);
    store.clock.advanceMinutes(12 * 24 * 60);
    await sell([saleLine(cola, 60), saleLine(chips, 25)], 85 * 350);
    store.clock.advanceMinutes(27 * 24 * 60);
    await sell([saleLine(chips, 3)], 3 * 350);

    await setReorderRule(manager(), { productId: cola.id, reorderPoint: 10, reorderQuantity: 24 });
    await setReorderRule(manager(), { productId: chips.id, reorderPoint: 5, reorderQuantity: 6 });
    await setReorderRule(manager(), { productId: quiet.id, reorderPoint: 5, reorderQuantity: 6 });
    await setReorderRule(manager(), { productId: quiet.id, reorderPoint: 10, reorderQuantity: 12 });

    const low = await listReorderRules(manager(), { lowOnly: true, coverDays: 14 });
    expect(low.map((row) => row.productId).sort()).toEqual([cola.id, chips.id].sort());
    const colaRow = low.find((row) => row.productId === cola.id);
    const chipsRow = low.find((row) => row.productId === chips.id);
    // cola: sold 60 within 28 days → 60 / 28 × 14 = 30; 30 − 10 on hand = 20 → one 24.
    expect(colaRow).toMatchObject({ onHand: 10, soldInWindow: 60, openOnOrder: 0, suggestedQuantity: 24 });
    // chips: sold 25 + 3 → 28 / 28 × 14 = 14; 14 − 2 on hand = 12 → two 6s.
    expect(chipsRow).toMatchObject({ onHand: 2, soldInWindow: 28, suggestedQuantity: 12, unitCostFen: 400 });

    const all = await listReorderRules(manager(), {});
    expect(all.find((row) => row.productId === quiet.id)).toMatchObject({
      reorderPoint: 10,
      reorderQuantity: 12,
      low: false,
      suggestedQuantity: 0,
    });

    const po = await order(
      low.map((row) => ({ productId: row.productId, quantity: row.suggestedQuantity, unitCostFen: row.unitCostFen })),
    );
    expect(po.lines.map((line) => line.quantity).sort()).toEqual([12, 24]);
    const afterOrder = await listReorderRules(manager(), { lowOnly: true, coverDays: 14 });
    expect(afterOrder.map((row) => [row.openOnOrder, row.suggestedQuantity]).sort()).toEqual([
      [12, 0],
      [24, 0],
    ]);
    await clearReorderRule(manager(), { productId: cola.id });
    expect((await listReorderRules(manager(), { lowOnly: true })).map((row) => row.productId)).toEqual([chips.id]);
  });
});
