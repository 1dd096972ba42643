import { beforeEach, expect, it } from 'vitest';
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

  it('lets supervisors receive but only a store manager order, and cashiers nothing', async () => {
    const tea = await addProduct(store);
    const manager = await callerFor(store, 'store_manager');
    const supervisor = await callerFor(store, 'supervisor');
    const supplierId = newId();
    await expect(
      supervisor.receiving.createSupplier({ id: supplierId, code: 'S9', name: '茶叶' }),
    ).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await manager.receiving.createSupplier({ id: supplierId, code: 'S9', name: '茶叶' });
    const order = { id: newId(), supplierId, lines: [{ productId: tea.id, quantity: 6, unitCostFen: 900 }] };
    await expect(supervisor.receiving.createPurchaseOrder(order)).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(
      supervisor.receiving.setReorderRule({ productId: tea.id, reorderPoint: 2, reorderQuantity: 6 }),
    ).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await manager.receiving.createPurchaseOrder(order);
    await supervisor.receiving.receiveGoods({
      id: newId(),
      supplierId,
      purchaseOrderId: order.id,
      lines: [{ productId: tea.id, quantity: 6, unitCostFen: 900 }],
    });
    expect((await supervisor.receiving.purchaseOrder({ id: order.id })).status).toBe('closed');
    expect(await stockOf(database().db, store.storeId, tea.id)).toEqual({ projection: 6, ledger: 6 });
    const cashier = await callerFor(store, 'cashier');
    await expect(cashier.receiving.receipts({})).rejects.toMatchObject({ code: 'FORBIDDEN' });
  });
});
