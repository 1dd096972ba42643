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

  it('lets supervisors start and count, only a store manager apply or cancel, and cashiers nothing', async () => {
    const tea = await addProduct(store);
    const supervisor = await callerAs('supervisor');
    const stocktakeId = newId();
    await supervisor.stocktakes.start({ id: stocktakeId, scope: 'full' });
    await supervisor.stocktakes.count({ stocktakeId, entryId: newId(), productId: tea.id, quantity: 2 });
    await expect(supervisor.stocktakes.applyCount({ stocktakeId, adjustmentId: newId() })).rejects.toMatchObject({
      code: 'FORBIDDEN',
    });
    await expect(supervisor.stocktakes.cancel({ stocktakeId })).rejects.toMatchObject({ code: 'FORBIDDEN' });
    const cashier = await callerAs('cashier');
    await expect(cashier.stocktakes.list({})).rejects.toMatchObject({ code: 'FORBIDDEN' });
    const manager = await callerAs('store_manager');
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
