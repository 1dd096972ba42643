import { cookies } from 'next/headers';
import { notFound, redirect } from 'next/navigation';
import { LaneApp } from '@/lanes/checkout/lane-app';
import { LaneSetup } from '@/lanes/setup/lane-setup';
import { LANE_DEVICE_COOKIE } from '@/server/auth/session-policy';
import { findLaneDevice } from '@/server/lanes/find-lane-device';
import { getLaneState } from '@/server/lanes/get-lane-state';
import { getDatabase } from '@/server/runtime/database';
import { listStores } from '@/server/stores/list-stores';

export const dynamic = 'force-dynamic';

/** The lane this device is bound to; without a binding, the setup screen — a lane URL never guesses its store. */
export default async function LanePage({ params }: { params: Promise<{ lane: string }> }) {
  const laneNumber = Number((await params).lane);
  if (!Number.isInteger(laneNumber) || laneNumber < 1 || laneNumber > 999) notFound();
  const { db } = await getDatabase();
  const ctx = { db, now: () => new Date() };
  const device = await findLaneDevice(ctx, (await cookies()).get(LANE_DEVICE_COOKIE)?.value);
  if (!device) {
    const stores = (await listStores(ctx)).map(({ code, name }) => ({ code, name }));
    return <LaneSetup laneNumber={laneNumber} stores={stores} />;
  }
  if (device.laneNumber !== laneNumber) redirect(`/lanes/${device.laneNumber}`);
  const state = await getLaneState(ctx, { laneId: device.laneId });
  return (
    <LaneApp
      config={{
        storeId: state.store.id,
        laneId: state.lane.id,
        laneNumber: state.lane.number,
        timeZone: state.store.timezone,
        layouts: state.store.embeddedBarcodeLayouts,
        negativeStockPolicy: state.store.negativeStockPolicy,
        hasPrinter: state.lane.hasPrinter,
        hasTerminal: state.lane.hasTerminal,
      }}
      store={{
        name: state.store.name,
        nameEn: state.store.nameEn,
        address: state.store.address,
        vatNumber: state.store.vatNumber,
        receiptLanguage: state.store.receiptLanguage,
      }}
    />
  );
}
