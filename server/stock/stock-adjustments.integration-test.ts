import { eq } from 'drizzle-orm';
import { beforeEach, expect, it } from 'vitest';
import { auditLog, stockAdjustments, stockMovements } from '../../db/schema';
import { inTransaction } from '../core/context';
import { newId } from '../core/ids';
import { postStockMovements } from '../inventory/post-stock-movements';
import { forEachDatabase } from '../testing/database-suite';
import { createStoreFixture } from '../testing/fixtures';
import { addProduct, stockOf } from '../testing/sale-fixtures';
import { createStockAdjustment } from './create-stock-adjustment';
import { getProductStock } from './get-product-stock';
import { listStockAdjustments } from './list-stock-adjustments';
import { listStockHistory } from './list-stock-history';

forEachDatabase((database) => {
  let store: Awaited<ReturnType<typeof createStoreFixture>>;
  beforeEach(async () => {
    store = await createStoreFixture(database().db);
  });
  const manager = () => store.as('store_manager');
  const receive = (productId: string, quantityDelta: number, unitCostFen: number) =>
    inTransaction(manager(), (tx) =>
      postStockMovements(tx, 'receipt', { type: 'goods_receipt', id: newId() }, [
        { productId, quantityDelta, unitCostFen },
      ]),
    );

  it('takes damaged goods out: movement, projection, lines at the average cost, number and audit in one go', async () => {
    const tea = await addProduct(store);
    const rice = await addProduct(store, { unit: 'kg', plu: String(10_000 + Math.floor(Math.random() * 89_999)) });
    await receive(tea.id, 20, 800);
    await receive(rice.id, 5_000, 600);
    const id = newId();
    const adjustment = await createStockAdjustment(manager(), {
      id,
      reason: 'damaged',
      note: '货架倒塌',
      lines: [
        { productId: tea.id, quantityDelta: -3 },
        { productId: rice.id, quantityDelta: -1_250 },
      ],
    });
    expect(adjustment).toMatchObject({ id, number: 'ADJ-20261121-001', reason: 'damaged', note: '货架倒塌' });
    expect(adjustment.lines).toMatchObject([
      { productId: tea.id, quantityDelta: -3, unitCostFen: 800, valueFen: -2_400 },
      { productId: rice.id, quantityDelta: -1_250, unitCostFen: 600, valueFen: -750 },
    ]);
    expect(await stockOf(database().db, store.storeId, tea.id)).toEqual({ projection: 17, ledger: 17 });
    expect(await stockOf(database().db, store.storeId, rice.id)).toEqual({ projection: 3_750, ledger: 3_750 });
    const moves = await database().db.select().from(stockMovements).where(eq(stockMovements.sourceId, id));
    expect(moves.map((m) => [m.kind, m.sourceType, m.quantityDelta]).sort()).toEqual(
      [
        ['adjustment', 'stock_adjustment', -3],
        ['adjustment', 'stock_adjustment', -1_250],
      ].sort(),
    );
    const audit = await database().db.select().from(auditLog).where(eq(auditLog.entityId, id));
    expect(audit).toMatchObject([
      { action: 'stock-adjustment.created', actorStaffId: store.members.store_manager.id, storeId: store.storeId },
    ]);
    expect(await getProductStock(manager(), { productId: rice.id })).toMatchObject({
      onHand: 3_750,
      avgCostFen: 600,
      valueFen: 2_250,
    });
    const listed = await listStockAdjustments(manager(), {});
    expect(listed.items).toMatchObject([{ id, number: 'ADJ-20261121-001', lineCount: 2 }]);
  });

  it('is idempotent on its id: the same adjustment twice moves stock once', async () => {
    const tea = await addProduct(store);
    const input = {
      id: newId(),
      reason: 'found' as const,
      note: '仓库角落找到',
      lines: [{ productId: tea.id, quantityDelta: 4 }],
    };
    const [first, second] = await Promise.all([
      createStockAdjustment(manager(), input),
      createStockAdjustment(manager(), input),
    ]);
    expect(second).toEqual(first);
    expect(await createStockAdjustment(manager(), input)).toEqual(first);
    expect(await stockOf(database().db, store.storeId, tea.id)).toEqual({ projection: 4, ledger: 4 });
    const audits = await database().db.select().from(auditLog).where(eq(auditLog.entityId, input.id));
    expect(audits).toHaveLength(1);
  });

  it('refuses bad input and changes nothing', async () => {
    const tea = await addProduct(store);
    const other = await createStoreFixture(database().db);
    const theirs = await addProduct(other);
    await receive(tea.id, 10, 500);
    const base = { reason: 'theft' as const, note: '监控发现', lines: [{ productId: tea.id, quantityDelta: -1 }] };
    const attempts = [
      { ...base, id: newId(), note: '   ' },
      { ...base, id: newId(), reason: 'count' },
      { ...base, id: newId(), reason: undefined },
      { ...base, id: newId(), lines: [] },
      { ...base, id: newId(), lines: [{ productId: tea.id, quantityDelta: 0 }] },
      { ...base, id: newId(), lines: [{ productId: tea.id, quantityDelta: 1.5 }] },
      { ...base, id: 'not-a-uuid' },
    ];
    for (const attempt of attempts) {
      await expect(createStockAdjustment(manager(), attempt as never)).rejects.toMatchObject({ name: 'ZodError' });
    }
    await expect(
      createStockAdjustment(manager(), {
        ...base,
        id: newId(),
        lines: [
          { productId: tea.id, quantityDelta: -1 },
          { productId: theirs.id, quantityDelta: -1 },
        ],
      }),
    ).rejects.toMatchObject({ reason: 'stock.unknown-product' });
    const ours = newId();
    await createStockAdjustment(manager(), { ...base, id: ours });
    await expect(
      createStockAdjustment(other.as('store_manager'), {
        ...base,
        id: ours,
        lines: [{ productId: theirs.id, quantityDelta: -1 }],
      }),
    ).rejects.toMatchObject({ reason: 'stock-adjustment.id-taken' });
    expect(await stockOf(database().db, store.storeId, tea.id)).toEqual({ projection: 9, ledger: 9 });
    expect(await stockOf(database().db, other.storeId, theirs.id)).toEqual({ projection: 0, ledger: 0 });
    const documents = await database()
      .db.select({ id: stockAdjustments.id })
      .from(stockAdjustments)
      .where(eq(stockAdjustments.storeId, store.storeId));
    expect(documents).toEqual([{ id: ours }]);
  });

  it('moves stock only the way its reason goes: loss out, found in, a correction either way', async () => {
    const tea = await addProduct(store);
    const milk = await addProduct(store);
    await receive(tea.id, 50, 500);
    await receive(milk.id, 50, 300);
    const cases = [
      { reason: 'damaged', allowed: [-1], refused: 1, key: 'stock-adjustment.reason-takes-out' },
      { reason: 'expired', allowed: [-1], refused: 2, key: 'stock-adjustment.reason-takes-out' },
      { reason: 'theft', allowed: [-1], refused: 3, key: 'stock-adjustment.reason-takes-out' },
      { reason: 'found', allowed: [1], refused: -1, key: 'stock-adjustment.reason-puts-in' },
      { reason: 'correction', allowed: [-2, 3], refused: null, key: null },
    ] as const;
    let expected = 50;
    for (const { reason, allowed, refused, key } of cases) {
      for (const quantityDelta of allowed) {
        await createStockAdjustment(manager(), {
          id: newId(),
          reason,
          note: '核对',
          lines: [{ productId: tea.id, quantityDelta }],
        });
        expected += quantityDelta;
      }
      if (refused === null) continue;
      // the second line goes against the reason: the error names it, and the first line is not posted either
      const error = await createStockAdjustment(manager(), {
        id: newId(),
        reason,
        note: '核对',
        lines: [
          { productId: milk.id, quantityDelta: -refused },
          { productId: tea.id, quantityDelta: refused },
        ],
      }).catch((cause: unknown) => cause);
      expect(error, reason).toMatchObject({
        name: 'DomainError',
        reason: key,
        message: expect.stringContaining('Line 2'),
        fieldErrors: { 'lines.1.quantityDelta': [expect.stringContaining('Line 2')] },
      });
    }
    expect(await stockOf(database().db, store.storeId, tea.id)).toEqual({ projection: expected, ledger: expected });
    expect(expected).toBe(47 + 1 + 1);
    expect(await stockOf(database().db, store.storeId, milk.id)).toEqual({ projection: 50, ledger: 50 });
    const listed = await listStockAdjustments(manager(), {});
    expect(listed.items.map((item) => item.reason).sort()).toEqual(
      ['correction', 'correction', 'damaged', 'expired', 'found', 'theft'].sort(),
    );
    await expect(
      createStockAdjustment(manager(), {
        id: newId(),
        reason: 'correction',
        note: ' ',
        lines: [{ productId: tea.id, quantityDelta: 1 }],
      }),
    ).rejects.toMatchObject({ name: 'ZodError' });
  });

  it('shows the adjustment in the product’s history with its number, reason and the on hand after it', async () => {
    const tea = await addProduct(store);
    const receiptId = newId();
    await inTransaction(manager(), (tx) =>
      postStockMovements(tx, 'receipt', { type: 'goods_receipt', id: receiptId }, [
        { productId: tea.id, quantityDelta: 12, unitCostFen: 700 },
      ]),
    );
    store.clock.advanceMinutes(5);
    const id = newId();
    await createStockAdjustment(manager(), {
      id,
      reason: 'expired',
      note: '过期',
      lines: [{ productId: tea.id, quantityDelta: -2 }],
    });
    const history = await listStockHistory(manager(), { productId: tea.id });
    expect(history.items).toMatchObject([
      {
        kind: 'adjustment',
        quantityDelta: -2,
        unitCostFen: 700,
        onHandAfter: 10,
        source: { type: 'stock_adjustment', id, number: 'ADJ-20261121-001', reason: 'expired' },
      },
      {
        kind: 'receipt',
        quantityDelta: 12,
        onHandAfter: 12,
        // no goods_receipts row behind it here: the history still names the source
        source: { type: 'goods_receipt', id: receiptId, number: null },
      },
    ]);
    expect(history.nextCursor).toBeNull();
  });
});
