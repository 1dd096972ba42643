import { beforeEach, expect, it } from 'vitest';
import type { StaffRole } from '../auth/permissions';
import { resolveSession } from '../auth/resolve-session';
import { newId } from '../core/ids';
import { forEachDatabase } from '../testing/database-suite';
import { createStoreFixture, FIXTURE_PASSWORD } from '../testing/fixtures';
import { addProduct, stockOf } from '../testing/sale-fixtures';
import { createCallerFactory } from '../trpc/init';
import { appRouter } from '../trpc/root';

const createCaller = createCallerFactory(appRouter);

forEachDatabase((database) => {
  let store: Awaited<ReturnType<typeof createStoreFixture>>;
  beforeEach(async () => {
    store = await createStoreFixture(database().db);
  });

  const callerAs = async (role: StaffRole) => {
    const base = {
      laneSessionToken: undefined,
      laneMember: null,
      db: database().db,
      now: store.clock.now,
      chosenStoreId: store.storeId,
      secureCookies: false,
    };
    const resHeaders = new Headers();
    await createCaller({ ...base, resHeaders, sessionToken: undefined, member: null }).auth.signIn({
      operatorNo: store.members[role].operatorNo,
      password: FIXTURE_PASSWORD,
      area: role === 'cashier' ? 'lane' : 'back-office',
    });
    const token = /lk_session=([^;]+)/.exec(resHeaders.get('set-cookie') ?? '')?.[1];
    const member = await resolveSession({ db: database().db, now: store.clock.now }, token);
    return createCaller({ ...base, resHeaders: new Headers(), sessionToken: token, member });
  };

  it('lets supervisors receive but only a store manager order, and cashiers nothing', async () => {
    const tea = await addProduct(store);
    const manager = await callerAs('store_manager');
    const supervisor = await callerAs('supervisor');
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
    const cashier = await callerAs('cashier');
    await expect(cashier.receiving.receipts({})).rejects.toMatchObject({ code: 'FORBIDDEN' });
  });
});
