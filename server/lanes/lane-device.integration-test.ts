import { and, eq } from 'drizzle-orm';
import { beforeEach, expect, it } from 'vitest';
import { auditLog, lanes } from '../../db/schema';
import { createStore } from '../../db/seed/demo-seed';
import { newId } from '../core/ids';
import { callerFor } from '../testing/caller';
import { createCallerFactory } from '../trpc/init';
import { appRouter } from '../trpc/root';
import { forEachDatabase } from '../testing/database-suite';
import { addStaff, createStoreFixture, FIXTURE_PASSWORD, type StoreFixture } from '../testing/fixtures';

const createCaller = createCallerFactory(appRouter);

forEachDatabase((database) => {
  let storeA: StoreFixture;
  let storeB: StoreFixture;
  beforeEach(async () => {
    storeA = await createStoreFixture(database().db);
    storeB = await createStoreFixture(database().db);
    // A store whose code sorts before every other: the old lane page opened it when no store was named.
    await createStore(database().db, {
      code: `0${Date.now()}`,
      name: '先排序的门店',
      address: '测试路 2 号',
      vatNumber: '91310000TEST00002X',
      laneCount: 2,
    });
  });

  const laneIdOf = async (store: StoreFixture, number: number) => {
    const [lane] = await database()
      .db.select({ id: lanes.id })
      .from(lanes)
      .where(and(eq(lanes.storeId, store.storeId), eq(lanes.number, number)));
    if (!lane) throw new Error(`no lane ${number}`);
    return lane.id;
  };

  /** Binds a fresh device as `operatorNo` over the lane router and gives back the token its cookie holds. */
  const bind = async (store: StoreFixture, operatorNo: string, laneNumber = 1) => {
    const resHeaders = new Headers();
    const bound = await createCaller({
      db: store.db,
      now: store.clock.now,
      sessionToken: undefined,
      member: null,
      laneSessionToken: undefined,
      laneMember: null,
      laneDeviceToken: undefined,
      chosenStoreId: undefined,
      resHeaders,
      secureCookies: false,
    }).lane.bindDevice({
      deviceId: newId(),
      storeCode: store.code,
      laneNumber,
      operatorNo,
      password: FIXTURE_PASSWORD,
    });
    const cookie = resHeaders.get('set-cookie') ?? '';
    const token = /lk_lane_device=([^;]+)/.exec(cookie)?.[1];
    if (!token) throw new Error('no device cookie');
    return { bound, token, cookie };
  };

  it("keeps a device bound to store A's lane 1 on store A, whichever store's code sorts first", async () => {
    const { bound, token, cookie } = await bind(storeA, storeA.members.store_manager.operatorNo);
    expect(bound).toEqual({ storeCode: storeA.code, laneNumber: 1 });
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=Lax/);
    const state = await (await callerFor(storeA, null, { laneDeviceToken: token })).lane.state();
    expect(state?.store.id).toBe(storeA.storeId);
    expect(state?.lane.id).toBe(await laneIdOf(storeA, 1));
    const audit = await database()
      .db.select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'lane-device.bound'), eq(auditLog.storeId, storeA.storeId)));
    expect(audit).toHaveLength(1);
    expect(audit[0]?.actorStaffId).toBe(storeA.members.store_manager.id);
  });

  it('guesses no store for a device without a binding, or with a revoked one', async () => {
    expect(await (await callerFor(storeA, null)).lane.state()).toBeNull();
    expect(await (await callerFor(storeA, null, { laneDeviceToken: 'made-up' })).lane.state()).toBeNull();
    const { token } = await bind(storeA, storeA.members.store_manager.operatorNo, 2);
    const manager = await callerFor(storeA, 'store_manager');
    expect((await manager.store.settings()).lanes.map((l) => l.boundDevices)).toEqual([0, 1]);
    expect(await manager.store.revokeLaneDevices({ laneId: await laneIdOf(storeA, 2) })).toEqual({ revoked: 1 });
    expect(await (await callerFor(storeA, null, { laneDeviceToken: token })).lane.state()).toBeNull();
  });

  it("lets head office bind any store's lane, but not a cashier, a supervisor or another store's manager", async () => {
    await expect(bind(storeA, storeA.members.cashier.operatorNo)).rejects.toMatchObject({
      code: 'FORBIDDEN',
      cause: { reason: 'lane-device.bind-forbidden' },
    });
    await expect(bind(storeA, storeA.members.supervisor.operatorNo)).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(bind(storeA, storeB.members.store_manager.operatorNo)).rejects.toMatchObject({
      code: 'FORBIDDEN',
      cause: { reason: 'lane-device.bind-forbidden' },
    });
    const headOffice = await addStaff(database().db, null, 'head_office');
    const { token } = await bind(storeA, headOffice.operatorNo);
    expect((await (await callerFor(storeA, null, { laneDeviceToken: token })).lane.state())?.store.id).toBe(
      storeA.storeId,
    );
  });

  it('counts a wrong password at binding towards the same lockout as sign-in', async () => {
    const anonymous = await callerFor(storeA, null);
    for (let i = 0; i < 5; i++) {
      await expect(
        anonymous.lane.bindDevice({
          deviceId: newId(),
          storeCode: storeA.code,
          laneNumber: 1,
          operatorNo: storeA.members.store_manager.operatorNo,
          password: 'wrong-password',
        }),
      ).rejects.toMatchObject({ code: 'UNAUTHORIZED' });
    }
    await expect(bind(storeA, storeA.members.store_manager.operatorNo)).rejects.toMatchObject({
      code: 'TOO_MANY_REQUESTS',
    });
  });

  it('lets a cashier sign in only on a device bound to that lane', async () => {
    const laneOne = await laneIdOf(storeA, 1);
    const signInOn = async (laneDeviceToken: string | undefined) =>
      (await callerFor(storeA, null, { laneDeviceToken })).lane.signIn({
        operatorNo: storeA.members.cashier.operatorNo,
        password: FIXTURE_PASSWORD,
        laneId: laneOne,
        shiftId: newId(),
        openingFloatFen: 0,
      });
    await expect(signInOn(undefined)).rejects.toMatchObject({
      code: 'FORBIDDEN',
      cause: { reason: 'lane-device.not-bound' },
    });
    const otherLane = await bind(storeA, storeA.members.store_manager.operatorNo, 2);
    await expect(signInOn(otherLane.token)).rejects.toMatchObject({ cause: { reason: 'lane-device.not-bound' } });
    const otherStore = await bind(storeB, storeB.members.store_manager.operatorNo, 1);
    await expect(signInOn(otherStore.token)).rejects.toMatchObject({ cause: { reason: 'lane-device.not-bound' } });
    const thisLane = await bind(storeA, storeA.members.store_manager.operatorNo, 1);
    expect((await signInOn(thisLane.token)).shift.laneId).toBe(laneOne);
  });
});
