import { and, eq } from 'drizzle-orm';
import { beforeEach, expect, it } from 'vitest';
import { auditLog, lanes } from '../../db/schema';
import { createStore } from '../../db/seed/demo-seed';
import { resolveSession } from '../auth/resolve-session';
import { newId } from '../core/ids';
import { callerFor } from '../testing/caller';
import { bindLaneDevice } from '../testing/lane-device';
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

  const bind = (store: StoreFixture, operatorNo: string, laneNumber = 1, deviceId?: string) =>
    bindLaneDevice(store, operatorNo, laneNumber, deviceId);

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

  it('refuses every lane call from a device the moment it is unbound, and a lane session on any other device', async () => {
    const manager = storeA.members.store_manager.operatorNo;
    const device = await bind(storeA, manager, 1);
    const base = {
      db: storeA.db,
      now: storeA.clock.now,
      sessionToken: undefined,
      member: null,
      chosenStoreId: undefined,
      secureCookies: false,
    };
    const resHeaders = new Headers();
    await createCaller({
      ...base,
      laneSessionToken: undefined,
      laneMember: null,
      laneDeviceToken: device.token,
      resHeaders,
    }).lane.signIn({
      operatorNo: storeA.members.cashier.operatorNo,
      password: FIXTURE_PASSWORD,
      laneId: await laneIdOf(storeA, 1),
      shiftId: newId(),
      openingFloatFen: 0,
    });
    const laneSessionToken = /lk_lane_session=([^;]+)/.exec(resHeaders.get('set-cookie') ?? '')?.[1];
    // Each sign-in renews the device's cookie for the 400 days a browser keeps one.
    const renewed = /lk_lane_device=([^;]+);[^,]*Expires=([^;]+)/.exec(resHeaders.get('set-cookie') ?? '');
    expect(renewed?.[1]).toBe(device.token);
    expect(new Date(renewed?.[2] ?? 0).getTime() - storeA.clock.now().getTime()).toBeGreaterThan(399 * 86_400_000);
    const laneMember = await resolveSession({ db: storeA.db, now: storeA.clock.now }, laneSessionToken);
    const catalogOn = (laneDeviceToken: string | undefined) =>
      createCaller({ ...base, laneSessionToken, laneMember, laneDeviceToken, resHeaders: new Headers() }).lane.catalog({
        changedSince: null,
        after: null,
        limit: 1,
      });

    await expect(catalogOn(device.token)).resolves.toBeDefined();
    const notBound = { code: 'FORBIDDEN', cause: { reason: 'lane-device.not-bound' } };
    await expect(catalogOn(undefined)).rejects.toMatchObject(notBound);
    const otherStore = await bind(storeB, storeB.members.store_manager.operatorNo, 1);
    await expect(catalogOn(otherStore.token)).rejects.toMatchObject(notBound);

    await (await callerFor(storeA, 'store_manager')).store.revokeLaneDevices({ laneId: await laneIdOf(storeA, 1) });
    await expect(catalogOn(device.token)).rejects.toMatchObject(notBound);
  });

  it('gives a device bound again under its id a new token, audited with who bound it', async () => {
    const deviceId = newId();
    const first = await bind(storeA, storeA.members.store_manager.operatorNo, 1, deviceId);
    const again = await bind(storeA, storeA.members.head_office.operatorNo, 1, deviceId);
    expect(again.token).not.toBe(first.token);
    expect(await (await callerFor(storeA, null, { laneDeviceToken: first.token })).lane.state()).toBeNull();
    expect((await (await callerFor(storeA, null, { laneDeviceToken: again.token })).lane.state())?.store.id).toBe(
      storeA.storeId,
    );
    const audit = await database()
      .db.select({ action: auditLog.action, actorStaffId: auditLog.actorStaffId, changes: auditLog.changes })
      .from(auditLog)
      .where(and(eq(auditLog.entityId, await laneIdOf(storeA, 1)), eq(auditLog.storeId, storeA.storeId)));
    expect(audit.map((a) => a.action).sort()).toEqual(['lane-device.bound', 'lane-device.rebound']);
    expect(audit.find((a) => a.action === 'lane-device.rebound')).toMatchObject({
      actorStaffId: storeA.members.head_office.id,
      changes: { boundBy: { from: storeA.members.store_manager.id, to: storeA.members.head_office.id } },
    });
  });
});
