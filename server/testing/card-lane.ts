import { eq } from 'drizzle-orm';
import type { Database } from '../../db/client';
import { lanes } from '../../db/schema';
import { startMisposSimulator, type MisposSimulator, type MisposSimulatorOptions } from '../payments/mispos-simulator';
import { closeTerminalLinks } from '../payments/terminal-links';
import { createStoreFixture, testClock, type Clock, type StoreFixture } from './fixtures';
import { openShiftFor, storeLanes } from './sale-fixtures';

/** The card tests' rig: a store whose first lane's terminal is a simulator of its own, with the cashier's shift open. */
export interface CardLane {
  store: StoreFixture;
  simulator: MisposSimulator;
  lane: { id: string; number: number };
  shiftId: string;
  close(): Promise<void>;
}

export async function openCardLane(
  db: Database,
  { clock = testClock(), simulator: options = {} }: { clock?: Clock; simulator?: MisposSimulatorOptions } = {},
): Promise<CardLane> {
  const store = await createStoreFixture(db, clock);
  const simulator = await startMisposSimulator({
    port: 0,
    cardDelayMs: 5,
    pinDelayMs: 5,
    bankLatencyMs: 1,
    ...options,
  });
  const [lane] = await storeLanes(db, store.storeId);
  if (!lane) throw new Error('the store fixture has no lane');
  await db.update(lanes).set({ terminalHost: '127.0.0.1', terminalPort: simulator.port }).where(eq(lanes.id, lane.id));
  const shiftId = (await openShiftFor(store.as('cashier'), lane.id)).id;
  return {
    store,
    simulator,
    lane,
    shiftId,
    close: async () => {
      closeTerminalLinks();
      await simulator.close();
    },
  };
}
