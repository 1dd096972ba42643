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

  it('lets supervisors start and count, only a store manager apply or cancel, and cashiers nothing', async () => {
    const tea = await addProduct(store);
    const supervisor = await callerFor(store, 'supervisor');
    const stocktakeId = newId();
    await supervisor.stocktakes.start({ id: stocktakeId, scope: 'full' });
    await supervisor.stocktakes.count({ stocktakeId, entryId: newId(), productId: tea.id, quantity: 2 });
    await expect(supervisor.stocktakes.applyCount({ stocktakeId, adjustmentId: newId() })).rejects.toMatchObject({
      code: 'FORBIDDEN',
    });
    await expect(supervisor.stocktakes.cancel({ stocktakeId })).rejects.toMatchObject({ code: 'FORBIDDEN' });
    const cashier = await callerFor(store, 'cashier');
    await expect(cashier.stocktakes.list({})).rejects.toMatchObject({ code: 'FORBIDDEN' });
    const manager = await callerFor(store, 'store_manager');
    const report = await manager.stocktakes.report({ stocktakeId });
    expect(report.lines.find((line) => line.productId === tea.id)).toMatchObject({
      expected: 0,
      counted: 2,
      variance: 2,
    });
    await manager.stocktakes.applyCount({ stocktakeId, adjustmentId: newId() });
    expect(await stockOf(database().db, store.storeId, tea.id)).toEqual({ projection: 2, ledger: 2 });
    expect((await supervisor.stocktakes.get({ stocktakeId })).status).toBe('applied');
  });
});
