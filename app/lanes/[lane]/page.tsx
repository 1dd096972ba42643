import { notFound } from 'next/navigation';
import { LaneApp } from '@/lanes/checkout/lane-app';
import { getLaneState } from '@/server/lanes/get-lane-state';
import { getDatabase } from '@/server/runtime/database';

export const dynamic = 'force-dynamic';

export default async function LanePage({
  params,
  searchParams,
}: {
  params: Promise<{ lane: string }>;
  searchParams: Promise<{ store?: string }>;
}) {
  const laneNumber = Number((await params).lane);
  if (!Number.isInteger(laneNumber) || laneNumber < 1) notFound();
  const { db } = await getDatabase();
  const state = await getLaneState(
    { db, now: () => new Date() },
    { laneNumber, storeCode: (await searchParams).store },
  ).catch(() => null);
  if (!state) notFound();
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
      store={{ name: state.store.name, address: state.store.address, vatNumber: state.store.vatNumber }}
    />
  );
}
