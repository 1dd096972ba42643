import { beforeEach, expect, it } from 'vitest';
import { reorderRules } from '../../db/schema';
import { newId } from '../core/ids';
import { callerFor } from '../testing/caller';
import { forEachDatabase } from '../testing/database-suite';
import { createStoreFixture, type StoreFixture } from '../testing/fixtures';
import { addProduct, stockOf } from '../testing/sale-fixtures';

forEachDatabase((database) => {
  let store: StoreFixture;
  beforeEach(async () => {
    store = await createStoreFixture(database().db);
  });

  it('lets only a store manager adjust; supervisors read and transfer; cashiers see nothing', async () => {
    const tea = await addProduct(store);
    const adjustment = () => ({
      id: newId(),
      reason: 'damaged' as const,
      note: '破损',
      lines: [{ productId: tea.id, quantityDelta: -1 }],
    });
    const supervisor = await callerFor(store, 'supervisor');
    await expect(supervisor.stock.adjust(adjustment())).rejects.toMatchObject({ code: 'FORBIDDEN' });
    const headOffice = await callerFor(store, 'head_office');
    await expect(headOffice.stock.adjust(adjustment())).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(
      headOffice.stock.sendTransfer({ id: newId(), toStoreId: newId(), lines: [{ productId: tea.id, quantity: 1 }] }),
    ).rejects.toMatchObject({ code: 'FORBIDDEN' });
    const cashier = await callerFor(store, 'cashier');
    await expect(cashier.stock.list({})).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(cashier.stock.history({ productId: tea.id })).rejects.toMatchObject({ code: 'FORBIDDEN' });
    expect(await stockOf(database().db, store.storeId, tea.id)).toEqual({ projection: 0, ledger: 0 });

    const manager = await callerFor(store, 'store_manager');
    const made = await manager.stock.adjust(adjustment());
    expect(made.lines).toHaveLength(1);
    expect((await supervisor.stock.adjustments({})).items.map((a) => a.id)).toEqual([made.id]);
    expect(await supervisor.stock.transferDestinations()).not.toContainEqual(
      expect.objectContaining({ id: store.storeId }),
    );
    await expect(manager.stock.adjust({ ...adjustment(), note: '' })).rejects.toMatchObject({ code: 'BAD_REQUEST' });
  });

  it('lists stock with value, reorder point, negative and low flags, search and keyset pages', async () => {
    const manager = await callerFor(store, 'store_manager');
    const [low, negative, plenty] = [await addProduct(store), await addProduct(store), await addProduct(store)];
    await manager.stock.adjust({
      id: newId(),
      reason: 'found',
      note: '盘出',
      lines: [
        { productId: low.id, quantityDelta: 2 },
        { productId: plenty.id, quantityDelta: 50 },
      ],
    });
    await manager.stock.adjust({
      id: newId(),
      reason: 'theft',
      note: '丢失',
      lines: [{ productId: negative.id, quantityDelta: -3 }],
    });
    await database()
      .db.insert(reorderRules)
      .values([
        { storeId: store.storeId, productId: low.id, reorderPoint: 5, reorderQuantity: 20, updatedAt: new Date() },
        { storeId: store.storeId, productId: plenty.id, reorderPoint: 5, reorderQuantity: 20, updatedAt: new Date() },
      ]);
    const all = await manager.stock.list({});
    const row = (id: string) => all.items.find((item) => item.productId === id);
    expect(row(low.id)).toMatchObject({ onHand: 2, avgCostFen: 200, valueFen: 400, reorderPoint: 5, low: true });
    expect(row(negative.id)).toMatchObject({ onHand: -3, negative: true, low: false, reorderPoint: null });
    expect(row(plenty.id)).toMatchObject({ onHand: 50, valueFen: 10_000, low: false, negative: false });
    expect((await manager.stock.list({ negativeOnly: true })).items.map((i) => i.productId)).toEqual([negative.id]);
    expect((await manager.stock.list({ lowOnly: true })).items.map((i) => i.productId)).toEqual([low.id]);
    expect((await manager.stock.list({ query: plenty.code.toLowerCase() })).items.map((i) => i.productId)).toEqual([
      plenty.id,
    ]);
    const codes = all.items.map((item) => item.code);
    const first = await manager.stock.list({ pageSize: 2 });
    expect(first.items.map((i) => i.code)).toEqual(codes.slice(0, 2));
    expect(first.nextAfterCode).toBe(codes[1]);
    const rest = await manager.stock.list({ pageSize: 2, afterCode: first.nextAfterCode ?? '' });
    expect(rest.items.map((i) => i.code)).toEqual(codes.slice(2, 4));
  });
});
