import { expect, it } from 'vitest';
import { inTransaction } from '../core/context';
import { newId } from '../core/ids';
import { forEachDatabase } from '../testing/database-suite';
import { createStoreFixture } from '../testing/fixtures';
import { addProduct, stockOf } from '../testing/sale-fixtures';
import { nextDocumentNumber } from './document-number';
import { movingAverage, postStockMovements } from './post-stock-movements';

forEachDatabase((database) => {
  it('posts a receipt: ledger and projection agree, and the average cost moves', async () => {
    const store = await createStoreFixture(database().db);
    const tea = await addProduct(store, { priceFen: 1_500 });
    const manager = store.as('store_manager');
    const receive = (quantityDelta: number, unitCostFen: number) =>
      inTransaction(manager, (tx) =>
        postStockMovements(tx, 'receipt', { type: 'goods_receipt', id: newId() }, [
          { productId: tea.id, quantityDelta, unitCostFen },
        ]),
      );
    expect(await receive(10, 800)).toEqual([{ productId: tea.id, onHand: 10, avgCostFen: 800 }]);
    expect(await receive(30, 1_000)).toEqual([{ productId: tea.id, onHand: 40, avgCostFen: 950 }]);
    const [damaged] = await inTransaction(manager, (tx) =>
      postStockMovements(tx, 'adjustment', { type: 'stock_adjustment', id: newId() }, [
        { productId: tea.id, quantityDelta: -5 },
      ]),
    );
    expect(damaged).toEqual({ productId: tea.id, onHand: 35, avgCostFen: 950 });
    expect(await stockOf(database().db, store.storeId, tea.id)).toEqual({ projection: 35, ledger: 35 });
  });

  it('refuses a product of another store and writes nothing', async () => {
    const store = await createStoreFixture(database().db);
    const other = await createStoreFixture(database().db);
    const theirs = await addProduct(other);
    const ours = await addProduct(store);
    await expect(
      inTransaction(store.as('store_manager'), (tx) =>
        postStockMovements(tx, 'adjustment', { type: 'stock_adjustment', id: newId() }, [
          { productId: ours.id, quantityDelta: 1 },
          { productId: theirs.id, quantityDelta: 1 },
        ]),
      ),
    ).rejects.toMatchObject({ reason: 'stock.unknown-product' });
    expect(await stockOf(database().db, store.storeId, ours.id)).toEqual({ projection: 0, ledger: 0 });
  });

  it('numbers the first document of a store’s business day', async () => {
    const store = await createStoreFixture(database().db);
    const manager = store.as('store_manager');
    const first = await inTransaction(manager, (tx) => nextDocumentNumber(tx, 'goods_receipts'));
    expect(first).toBe('GR-20261121-001');
  });
});

it('moving average: stock below zero carries no value', () => {
  expect(movingAverage(10, 800, 30, 30_000)).toBe(950);
  expect(movingAverage(-4, 800, 10, 9_000)).toBe(900);
  expect(movingAverage(0, 0, 3, 1_000)).toBe(333);
});
