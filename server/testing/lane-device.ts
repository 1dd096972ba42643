import { newId } from '../core/ids';
import { createCallerFactory } from '../trpc/init';
import { appRouter } from '../trpc/root';
import { FIXTURE_PASSWORD, type StoreFixture } from './fixtures';

const createCaller = createCallerFactory(appRouter);

/** Binds a fresh device to the store's lane as `operatorNo` over the lane router; gives back the device cookie's token. */
export async function bindLaneDevice(store: StoreFixture, operatorNo: string, laneNumber = 1, deviceId = newId()) {
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
  }).lane.bindDevice({ deviceId, storeCode: store.code, laneNumber, operatorNo, password: FIXTURE_PASSWORD });
  const cookie = resHeaders.get('set-cookie') ?? '';
  const token = /lk_lane_device=([^;]+)/.exec(cookie)?.[1];
  if (!token) throw new Error('no device cookie');
  return { bound, token, cookie };
}
