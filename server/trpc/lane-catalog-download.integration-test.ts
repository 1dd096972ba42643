import { and, eq } from 'drizzle-orm';
import { beforeEach, expect, it } from 'vitest';
import { barcodes, lanes, products } from '../../db/schema';
import { generateLargeCatalog } from '../../db/seed/catalog-data';
import { insertCatalog } from '../../db/seed/demo-seed';
import { LANE_DEVICE_COOKIE, LANE_SESSION_COOKIE } from '../auth/session-policy';
import { newId } from '../core/ids';
import { laneCatalog } from '../lanes/lane-catalog';
import type { LaneCatalogSnapshot } from '../lanes/lane-catalog-snapshot';
import { forEachDatabase } from '../testing/database-suite';
import { createStoreFixture, FIXTURE_PASSWORD, type StoreFixture } from '../testing/fixtures';
import { callerFor } from '../testing/caller';
import { bindLaneDevice } from '../testing/lane-device';
import { createCallerFactory } from './init';
import { downloadLaneCatalog } from './lane-catalog-download';
import { appRouter } from './root';

const createCaller = createCallerFactory(appRouter);

forEachDatabase((database) => {
  let storeA: StoreFixture;
  let storeB: StoreFixture;

  const addCatalog = async (store: StoreFixture, count: number) => {
    const catalog = [...generateLargeCatalog(count)];
    const departments = new Map(catalog.map((p) => [p.departmentCode, store.departmentId(p.departmentCode)] as const));
    await insertCatalog(store.db, store.storeId, departments, catalog);
  };

  beforeEach(async () => {
    storeA = await createStoreFixture(database().db);
    storeB = await createStoreFixture(database().db);
    await addCatalog(storeA, 7);
    await addCatalog(storeB, 3);
  });

  /** The store's cashier signed in at lane 1 on a device bound to it: the cookies a lane's browser sends. */
  const signedInLane = async (store: StoreFixture) => {
    const device = await bindLaneDevice(store, store.members.store_manager.operatorNo, 1);
    const [lane] = await store.db
      .select({ id: lanes.id })
      .from(lanes)
      .where(and(eq(lanes.storeId, store.storeId), eq(lanes.number, 1)));
    const resHeaders = new Headers();
    await createCaller({
      db: store.db,
      now: store.clock.now,
      sessionToken: undefined,
      member: null,
      laneSessionToken: undefined,
      laneMember: null,
      laneDeviceToken: device.token,
      chosenStoreId: undefined,
      resHeaders,
      secureCookies: false,
    }).lane.signIn({
      operatorNo: store.members.cashier.operatorNo,
      password: FIXTURE_PASSWORD,
      laneId: lane?.id ?? '',
      shiftId: newId(),
      openingFloatFen: 0,
    });
    const session = new RegExp(`${LANE_SESSION_COOKIE}=([^;]+)`).exec(resHeaders.get('set-cookie') ?? '')?.[1];
    if (!session) throw new Error('no lane session cookie');
    return { session, device: device.token };
  };

  const download = (store: StoreFixture, cookies: { session?: string; device?: string }) => {
    const cookie = [
      cookies.session && `${LANE_SESSION_COOKIE}=${cookies.session}`,
      cookies.device && `${LANE_DEVICE_COOKIE}=${cookies.device}`,
    ]
      .filter(Boolean)
      .join('; ');
    return downloadLaneCatalog(
      { db: store.db, now: store.clock.now },
      new Request('http://lane.test/api/lane-catalog', { headers: { cookie } }),
    );
  };

  /** Every page of `lane.catalog` from the start, as the lane stores it (barcodes in a fixed order). */
  const pagedCatalog = async (store: StoreFixture) => {
    const pages = [];
    let after: string | null = null;
    do {
      const page = await laneCatalog(store.as('cashier'), { changedSince: null, after, limit: 3 });
      pages.push(...page.products);
      after = page.next;
    } while (after);
    return pages;
  };

  const sortedByBarcodes = (list: LaneCatalogSnapshot['products']) =>
    list.map((p) => ({ ...p, barcodes: [...p.barcodes].sort() })).sort((a, b) => a.id.localeCompare(b.id));

  it("gives a bound lane its own store's whole catalog as the pages give it, with the newest stamp", async () => {
    const product = (await pagedCatalog(storeA))[0];
    // An inactive product and one with a second barcode come too, as in the pages.
    await storeA.db
      .update(products)
      .set({ active: false })
      .where(eq(products.id, product?.id ?? ''));
    await storeA.db.insert(barcodes).values({
      id: newId(),
      storeId: storeA.storeId,
      productId: product?.id ?? '',
      code: '20000001',
      kind: 'internal',
    });
    const response = await download(storeA, await signedInLane(storeA));

    expect(response.status).toBe(200);
    expect(response.headers.get('cache-control')).toBe('no-store');
    const snapshot = (await response.json()) as LaneCatalogSnapshot;
    const paged = await pagedCatalog(storeA);
    expect(paged.length).toBeGreaterThanOrEqual(7);
    expect(sortedByBarcodes(snapshot.products)).toEqual(sortedByBarcodes(paged.map(({ updatedAt: _, ...p }) => p)));
    expect(snapshot.products.find((p) => p.id === product?.id)).toMatchObject({ active: false });
    expect(snapshot.products.find((p) => p.id === product?.id)?.barcodes).toContain('20000001');
    const newest = paged
      .map((p) => p.updatedAt.toISOString())
      .sort()
      .at(-1);
    expect(snapshot.syncedAt).toBe(newest);
    const storeBIds = new Set((await pagedCatalog(storeB)).map((p) => p.id));
    expect(snapshot.products.some((p) => storeBIds.has(p.id))).toBe(false);
  });

  it('refuses a device that is not bound, bound to another store or unbound since, and a device without a signed-in cashier', async () => {
    const laneA = await signedInLane(storeA);
    const laneB = await signedInLane(storeB);

    const unbound = await download(storeA, { session: laneA.session });
    expect(unbound.status).toBe(403);
    expect(await unbound.json()).toMatchObject({ reason: 'lane-device.not-bound' });

    const otherStore = await download(storeA, { session: laneA.session, device: laneB.device });
    expect(otherStore.status).toBe(403);
    expect(await otherStore.json()).toMatchObject({ reason: 'lane-device.not-bound' });

    const noCashier = await download(storeA, { device: laneA.device });
    expect(noCashier.status).toBe(401);
    expect(await noCashier.json()).toMatchObject({ reason: 'auth.sign-in-required' });

    expect((await download(storeA, laneA)).status).toBe(200);
    const [lane] = await storeA.db
      .select({ id: lanes.id })
      .from(lanes)
      .where(and(eq(lanes.storeId, storeA.storeId), eq(lanes.number, 1)));
    await (await callerFor(storeA, 'store_manager')).store.revokeLaneDevices({ laneId: lane?.id ?? '' });
    const revoked = await download(storeA, laneA);
    expect(revoked.status).toBe(403);
    expect(await revoked.json()).toMatchObject({ reason: 'lane-device.not-bound' });
  });
});
