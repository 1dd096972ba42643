import { beforeEach, expect, it } from 'vitest';
import { updateStore } from '../stores/update-store';
import { forEachDatabase } from '../testing/database-suite';
import { createStoreFixture } from '../testing/fixtures';
import { addProduct, openShiftFor, saleInput, saleLine, storeLanes } from '../testing/sale-fixtures';
import { finalizeSale } from '../sales/finalize-sale';
import { laneStockLevels } from './lane-stock-levels';

forEachDatabase((database) => {
  let store: Awaited<ReturnType<typeof createStoreFixture>>;
  beforeEach(async () => {
    store = await createStoreFixture(database().db);
  });

  it('pages every on-hand figure once, then only what moved, with the store’s policy', async () => {
    const [lane] = await storeLanes(database().db, store.storeId);
    if (!lane) throw new Error('no lane');
    const cashier = store.as('cashier');
    const shift = await openShiftFor(cashier, lane.id);
    const [a, b, c] = [await addProduct(store), await addProduct(store), await addProduct(store)];
    const sell = (product: typeof a, quantity: number) =>
      finalizeSale(
        cashier,
        saleInput(lane.id, lane.number, shift.id, [saleLine(product, quantity)], [{ kind: 'cash', amountFen: 5000 }]),
      );
    await sell(a, 1);
    await sell(b, 2);
    // Sales stamped now are not settled yet: a window ending a moment ago leaves them for the next download.
    const early = await laneStockLevels(cashier, { changedSince: null, after: null });
    expect(early.levels).toEqual([]);
    store.clock.advanceMinutes(1);

    const first = await laneStockLevels(cashier, { changedSince: null, after: null, limit: 1 });
    const rest = await laneStockLevels(cashier, {
      changedSince: null,
      until: first.until,
      after: first.next,
      limit: 1,
    });
    const last = await laneStockLevels(cashier, { changedSince: null, until: first.until, after: rest.next, limit: 1 });
    const all = [...first.levels, ...rest.levels, ...last.levels];
    expect(last.next).toBeNull();
    expect(new Map(all.map((l) => [l.productId, l.onHand]))).toEqual(
      new Map([
        [a.id, -1],
        [b.id, -2],
      ]),
    );
    expect(first.policy).toBe('allow');

    store.clock.advanceMinutes(1);
    const nothing = await laneStockLevels(cashier, { changedSince: first.until, after: null });
    expect(nothing.levels).toEqual([]);
    await sell(c, 4);
    await sell(a, 1);
    await updateStore(store.as('store_manager'), { negativeStockPolicy: 'block' });
    store.clock.advanceMinutes(1);
    const moved = await laneStockLevels(cashier, { changedSince: nothing.until, after: null });
    expect(new Map(moved.levels.map((l) => [l.productId, l.onHand]))).toEqual(
      new Map([
        [a.id, -2],
        [c.id, -4],
      ]),
    );
    expect(moved.policy).toBe('block');
  });
});
