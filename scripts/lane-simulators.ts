import { and, asc, eq, isNull, or } from 'drizzle-orm';
import type { Database } from '../db/client';
import { lanes, stores } from '../db/schema';
import { DEMO_STORE_CODE } from '../db/seed/demo-seed';
import { BankHost, startMisposSimulator, type MisposSimulator } from '../server/payments/mispos-simulator';

const LOOPBACK = '127.0.0.1';

/**
 * One simulated bank terminal per demo lane, sharing one bank host, on ports `basePort`, `basePort + 2`, …
 * (each control interface on the port after). A lane pointed at a real terminal in the settings keeps it.
 */
export async function startLaneSimulators(db: Database, basePort: number): Promise<MisposSimulator[]> {
  const demoLanes = await db
    .select({ id: lanes.id, number: lanes.number, host: lanes.terminalHost })
    .from(lanes)
    .innerJoin(stores, eq(stores.id, lanes.storeId))
    .where(and(eq(stores.code, DEMO_STORE_CODE), or(isNull(lanes.terminalHost), eq(lanes.terminalHost, LOOPBACK))))
    .orderBy(asc(lanes.number));
  const bankHost = new BankHost();
  const simulators: MisposSimulator[] = [];
  for (const lane of demoLanes) {
    const simulator = await startMisposSimulator({
      port: basePort + 2 * (lane.number - 1),
      host: LOOPBACK,
      terminalId: `1000${String(lane.number).padStart(4, '0')}`,
      bankHost,
      cardDelayMs: Number(process.env.MISPOS_SIM_CARD_DELAY_MS ?? 800),
      pinDelayMs: Number(process.env.MISPOS_SIM_CARD_DELAY_MS ?? 800),
    });
    simulators.push(simulator);
    await db
      .update(lanes)
      .set({ terminalHost: LOOPBACK, terminalPort: simulator.port })
      .where(eq(lanes.id, lane.id));
  }
  return simulators;
}
