import type { StaffRole } from '../auth/permissions';
import { resolveSession } from '../auth/resolve-session';
import { createCallerFactory } from '../trpc/init';
import { appRouter } from '../trpc/root';
import { FIXTURE_PASSWORD, type StoreFixture } from './fixtures';

const createCaller = createCallerFactory(appRouter);

/**
 * A tRPC caller for the store's member of staff in `role`, signed in over the auth router as a browser would be
 * (cashiers at a lane, everyone else in the back office); without a role, a caller with no session.
 */
export async function callerFor(
  store: StoreFixture,
  role: StaffRole | null,
  { chosenStoreId = store.storeId, laneDeviceToken }: { chosenStoreId?: string; laneDeviceToken?: string } = {},
) {
  const base = {
    laneSessionToken: undefined,
    laneMember: null,
    laneDeviceToken,
    db: store.db,
    now: store.clock.now,
    chosenStoreId: store.storeId,
    secureCookies: false,
  };
  if (!role) return createCaller({ ...base, resHeaders: new Headers(), sessionToken: undefined, member: null });
  const resHeaders = new Headers();
  await createCaller({ ...base, resHeaders, sessionToken: undefined, member: null }).auth.signIn({
    operatorNo: store.members[role].operatorNo,
    password: FIXTURE_PASSWORD,
    area: role === 'cashier' ? 'lane' : 'back-office',
  });
  const token = /lk_session=([^;]+)/.exec(resHeaders.get('set-cookie') ?? '')?.[1];
  const member = await resolveSession({ db: store.db, now: store.clock.now }, token);
  if (member?.id !== store.members[role].id)
    throw new Error(`signing in as ${role} did not give that member a session`);
  return createCaller({ ...base, chosenStoreId, resHeaders: new Headers(), sessionToken: token, member });
}
