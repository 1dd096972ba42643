import { spawn } from 'node:child_process';
import { once } from 'node:events';
import path from 'node:path';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { cardPayments, lanes, sales } from '../../db/schema';
import { newId } from '../core/ids';
import { finalizeSale } from '../sales/finalize-sale';
import { createStoreFixture } from '../testing/fixtures';
import { addProduct, openShiftFor, saleInput, saleLine, storeLanes } from '../testing/sale-fixtures';
import { createTestDatabase, type TestDatabase } from '../testing/test-database';
import { startMisposSimulator, type MisposSimulator, type SimulatorState } from './mispos-simulator';
import { ecrRefFor } from './mispos/link';
import { recoverCardPayments } from './recover-card-payments';
import { closeTerminalLinks } from './terminal-links';

// Two processes share the database, so this needs PostgreSQL; PGlite lives inside one process.
const postgres = Boolean(process.env.TEST_DATABASE_URL);
let database: TestDatabase;
let simulator: MisposSimulator;

beforeAll(async () => {
  if (!postgres) return;
  database = await createTestDatabase('postgres');
  simulator = await startMisposSimulator({ port: 0, cardDelayMs: 5, pinDelayMs: 5, bankLatencyMs: 1 });
});
afterAll(async () => {
  if (!postgres) return;
  closeTerminalLinks();
  await simulator.close();
  await database.dispose();
});

const control = (pathname: string, body: unknown) =>
  fetch(`http://127.0.0.1:${simulator.controlPort}${pathname}`, { method: 'POST', body: JSON.stringify(body) });

/** The terminal's journal as its control interface shows it. */
const terminalJournal = async () =>
  ((await (await fetch(`http://127.0.0.1:${simulator.controlPort}/state`)).json()) as SimulatorState).terminal.journal;

/** A store whose lane uses the simulated terminal, and a 60-yuan sale waiting for its card payment. */
async function saleAwaitingCard() {
  const store = await createStoreFixture(database.db);
  const [lane] = await storeLanes(database.db, store.storeId);
  if (!lane) throw new Error('no lane');
  await database.db
    .update(lanes)
    .set({ terminalHost: '127.0.0.1', terminalPort: simulator.port })
    .where(eq(lanes.id, lane.id));
  const cashier = store.as('cashier');
  const shift = await openShiftFor(cashier, lane.id);
  const cola = await addProduct(store, { priceFen: 3000 });
  const sale = saleInput(lane.id, lane.number, shift.id, [saleLine(cola, 2)], []);
  const paymentId = newId();
  const payment = { paymentId, laneId: lane.id, shiftId: shift.id, saleId: sale.saleId, kind: 'sale', amountFen: 6000 };
  const cashierJson = { staffId: store.members.cashier.id, storeId: store.storeId };
  return { cashier, sale, paymentId, payment, cashierJson };
}

/** The stand-in server process that starts the card payment, to be killed with SIGKILL. */
function startServerProcess(payment: object, cashier: object) {
  return spawn(
    process.execPath,
    [
      '--import',
      'tsx',
      path.join(import.meta.dirname, '../testing/card-payment-process.ts'),
      JSON.stringify(payment),
      JSON.stringify(cashier),
    ],
    { env: { ...process.env, CRASH_TEST_DATABASE_URL: database.url ?? '' }, stdio: ['ignore', 'pipe', 'inherit'] },
  );
}

const paymentState = async (paymentId: string) =>
  (await database.db.select().from(cardPayments).where(eq(cardPayments.id, paymentId)))[0];

it.skipIf(!postgres)(
  'a server killed with a card payment in flight finds it approved at restart; the sale completes once',
  async () => {
    const { cashier, sale, paymentId, payment, cashierJson } = await saleAwaitingCard();
    await control('/pinpad', { wait: true });

    const server = startServerProcess(payment, cashierJson);
    // Killed while the sale itself (not the sign-in before it) waits at the PIN pad.
    await expect.poll(() => simulator.state().terminal.inFlight?.txnType, { timeout: 20_000 }).toBe('00');
    server.kill('SIGKILL');
    await once(server, 'exit');
    const left = await paymentState(paymentId);
    expect(left?.state).toBe('in_flight');

    // The customer finishes at the PIN pad: the terminal approves, with no server left to hear it.
    await control('/pinpad', { wait: false });
    await expect
      .poll(() => simulator.state().terminal.journal.filter((entry) => entry.outcome === 'approved').length)
      .toBe(1);

    const ctx = { db: database.db, now: () => new Date() };
    expect(await recoverCardPayments(ctx)).toEqual([{ paymentId, state: 'approved' }]);
    const card = { tenderId: newId(), kind: 'bank_card' as const, amountFen: 6000, reference: paymentId };
    const first = await finalizeSale(cashier, { ...sale, tenders: [card] });
    expect(await finalizeSale(cashier, { ...sale, tenders: [card] })).toEqual(first);
    expect(await database.db.select().from(sales).where(eq(sales.id, sale.saleId))).toHaveLength(1);
    expect(simulator.state().terminal.journal.filter((entry) => entry.txnType === '00')).toHaveLength(1);
  },
);

it.skipIf(!postgres)(
  'a server killed just after the terminal approved, before it heard the answer, recovers it by query; the sale completes once',
  async () => {
    const { cashier, sale, paymentId, payment, cashierJson } = await saleAwaitingCard();
    const ecrRef = ecrRefFor(paymentId);
    const journalBefore = (await terminalJournal()).length;
    await control('/pinpad', { wait: true });

    const server = startServerProcess(payment, cashierJson);
    await expect.poll(() => simulator.state().terminal.inFlight?.ecrRef, { timeout: 20_000 }).toBe(ecrRef);
    // From here the terminal keeps its next approval from the server for a minute: the kill comes in between.
    expect((await control('/faults', { answerDelay: { ms: 60_000 } })).status).toBe(200);
    await control('/pinpad', { wait: false });
    await expect
      .poll(async () => (await terminalJournal()).slice(journalBefore), { timeout: 5_000 })
      .toEqual([expect.objectContaining({ txnType: '00', outcome: 'approved', amountFen: 6000, ecrRef })]);
    expect((await paymentState(paymentId))?.state).toBe('in_flight');
    server.kill('SIGKILL');
    await once(server, 'exit');
    expect((await paymentState(paymentId))?.state).toBe('in_flight');

    const ctx = { db: database.db, now: () => new Date() };
    expect(await recoverCardPayments(ctx)).toEqual([{ paymentId, state: 'approved' }]);
    const [approval] = (await terminalJournal()).slice(journalBefore);
    expect(await paymentState(paymentId)).toMatchObject({
      state: 'approved',
      respCode: '00',
      approvedAmountFen: 6000,
      voucherNo: approval?.voucherNo,
      refNo: approval?.rrn,
      queries: 1,
    });
    const card = { tenderId: newId(), kind: 'bank_card' as const, amountFen: 6000, reference: paymentId };
    const first = await finalizeSale(cashier, { ...sale, tenders: [card] });
    expect(await finalizeSale(cashier, { ...sale, tenders: [card] })).toEqual(first);
    expect(await database.db.select().from(sales).where(eq(sales.id, sale.saleId))).toHaveLength(1);
    // One charge: recovery asked by query and sent nothing new to the terminal.
    expect((await terminalJournal()).slice(journalBefore)).toHaveLength(1);
  },
);
