import { eq } from 'drizzle-orm';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { lanes } from '../../db/schema';
import { newId } from '../core/ids';
import { forEachDatabase } from '../testing/database-suite';
import { createStoreFixture } from '../testing/fixtures';
import { openShiftFor, storeLanes } from '../testing/sale-fixtures';
import { bindLaneDevice } from '../testing/lane-device';
import { createCallerFactory } from '../trpc/init';
import { appRouter } from '../trpc/root';
import { listPreAuths } from './list-pre-auths';
import { startMisposSimulator, type MisposSimulator } from './mispos-simulator';
import { cardTransactionRunning } from './run-card-transaction';
import { settleTerminal } from './settle-terminal';
import { startCardPayment, type StartCardPaymentInput } from './start-card-payment';
import { closeTerminalLinks } from './terminal-links';

process.env.MISPOS_ANSWER_TIMEOUT_MS = '3000';

const createCaller = createCallerFactory(appRouter);

forEachDatabase((database) => {
  let store: Awaited<ReturnType<typeof createStoreFixture>>;
  let simulator: MisposSimulator;
  let lane: { id: string; number: number };
  let otherLaneId: string;
  let shiftId: string;

  beforeEach(async () => {
    store = await createStoreFixture(database().db);
    simulator = await startMisposSimulator({ port: 0, cardDelayMs: 5, pinDelayMs: 5, bankLatencyMs: 1 });
    const [first, second] = await storeLanes(database().db, store.storeId);
    if (!first || !second) throw new Error('no lanes');
    lane = first;
    otherLaneId = second.id;
    await database()
      .db.update(lanes)
      .set({ terminalHost: '127.0.0.1', terminalPort: simulator.port })
      .where(eq(lanes.id, lane.id));
    shiftId = (await openShiftFor(store.as('supervisor'), lane.id)).id;
  });
  afterEach(async () => {
    closeTerminalLinks();
    await simulator.close();
  });

  async function run(input: Pick<StartCardPaymentInput, 'kind' | 'amountFen' | 'originalPaymentId'>) {
    const started = await startCardPayment(store.as('supervisor'), {
      paymentId: newId(),
      laneId: lane.id,
      shiftId,
      saleId: null,
      ...input,
    });
    const finished = await cardTransactionRunning(started.id);
    if (!finished) throw new Error('the card transaction did not run');
    return finished;
  }
  const preAuth = (amountFen: number) => run({ kind: 'pre-auth', amountFen, originalPaymentId: null });
  const complete = (preAuthId: string, amountFen: number) =>
    run({ kind: 'completion', amountFen, originalPaymentId: preAuthId });
  const listed = async (paymentId: string) =>
    (await listPreAuths(store.as('supervisor'), { laneId: lane.id })).find((p) => p.paymentId === paymentId);

  it('a supervisor pre-authorises, completes part of it once, and the list shows it completed', async () => {
    const auth = await preAuth(50_000);
    expect(auth).toMatchObject({ state: 'approved', txnType: '10', approvedAmountFen: 50_000 });
    expect(await listed(auth.id)).toMatchObject({
      status: 'open',
      amountFen: 50_000,
      approvedAmountFen: 50_000,
      cardNoMasked: auth.cardNoMasked,
      authCode: auth.authCode,
      refNo: auth.refNo,
      laneNumber: lane.number,
      completion: null,
    });

    const completion = await complete(auth.id, 42_000);
    expect(completion).toMatchObject({ state: 'approved', txnType: '12', approvedAmountFen: 42_000 });
    expect(await listed(auth.id)).toMatchObject({
      status: 'completed',
      completion: { paymentId: completion.id, amountFen: 42_000, laneId: lane.id, voidable: true },
    });
    await expect(complete(auth.id, 1_000)).rejects.toMatchObject({ reason: 'card.pre-auth-completed' });
    await expect(run({ kind: 'pre-auth-cancel', amountFen: 0, originalPaymentId: auth.id })).rejects.toMatchObject({
      reason: 'card.pre-auth-completed',
    });
  });

  it('refuses a completion above the authorised amount, or of nothing', async () => {
    const auth = await preAuth(20_000);
    await expect(complete(auth.id, 20_001)).rejects.toMatchObject({
      code: 'INVALID',
      reason: 'card.completion-too-much',
    });
    await expect(complete(auth.id, 0)).rejects.toMatchObject({ reason: 'card.amount-required' });
    expect((await listed(auth.id))?.status).toBe('open');
  });

  it('cancels a pre-authorisation for its whole amount, after which it cannot be completed', async () => {
    const auth = await preAuth(20_000);
    const cancel = await run({ kind: 'pre-auth-cancel', amountFen: 0, originalPaymentId: auth.id });
    expect(cancel).toMatchObject({ state: 'approved', txnType: '11', amountFen: 20_000 });
    expect(await listed(auth.id)).toMatchObject({ status: 'cancelled', completion: null });
    await expect(complete(auth.id, 1_000)).rejects.toMatchObject({ reason: 'card.already-voided' });
  });

  it('voiding a completion opens the pre-authorisation again; once settled, a completion is no longer voidable', async () => {
    const auth = await preAuth(30_000);
    const first = await complete(auth.id, 30_000);
    const voided = await run({ kind: 'completion-void', amountFen: 0, originalPaymentId: first.id });
    expect(voided).toMatchObject({ state: 'approved', txnType: '13', amountFen: 30_000 });
    expect(await listed(auth.id)).toMatchObject({ status: 'open', completion: null });
    await expect(run({ kind: 'completion-void', amountFen: 0, originalPaymentId: first.id })).rejects.toMatchObject({
      reason: 'card.already-voided',
    });

    const second = await complete(auth.id, 10_000);
    expect(second.state).toBe('approved');
    expect(await listed(auth.id)).toMatchObject({
      status: 'completed',
      completion: { paymentId: second.id, amountFen: 10_000, voidable: true },
    });
    await settleTerminal(store.as('supervisor'), { settlementId: newId(), laneId: lane.id });
    expect((await listed(auth.id))?.completion?.voidable).toBe(false);
    await expect(run({ kind: 'completion-void', amountFen: 0, originalPaymentId: second.id })).rejects.toMatchObject({
      reason: 'card.not-voidable',
    });
  });

  it('lists newest first, by lane, only the last 30 days, and only approved pre-authorisations', async () => {
    const older = await preAuth(10_000);
    store.clock.advanceMinutes(1);
    const declined = await preAuth(10_051);
    expect(declined.state).toBe('declined');
    const newer = await preAuth(12_000);
    const storeWide = await listPreAuths(store.as('store_manager'), {});
    expect(storeWide.map((p) => p.paymentId)).toEqual([newer.id, older.id]);
    expect(await listPreAuths(store.as('supervisor'), { laneId: otherLaneId })).toEqual([]);
    store.clock.advanceMinutes(30 * 24 * 60);
    expect((await listPreAuths(store.as('supervisor'), {})).map((p) => p.paymentId)).toEqual([newer.id]);
  });

  it('refuses pre-authorisations to a cashier, at the service and at the lane procedure', async () => {
    await expect(
      startCardPayment(store.as('cashier'), {
        paymentId: newId(),
        laneId: lane.id,
        shiftId,
        kind: 'pre-auth',
        amountFen: 10_000,
      }),
    ).rejects.toMatchObject({ code: 'FORBIDDEN', reason: 'card.pre-auth-supervisor' });
    const { token: laneDeviceToken } = await bindLaneDevice(store, store.members.store_manager.operatorNo, lane.number);
    const laneCaller = (role: 'cashier' | 'supervisor') => {
      const member = store.members[role];
      return createCaller({
        db: database().db,
        now: store.clock.now,
        sessionToken: undefined,
        member: null,
        laneSessionToken: 'signed-in-at-the-lane',
        laneDeviceToken,
        laneMember: { id: member.id, operatorNo: member.operatorNo, name: role, role, storeId: store.storeId },
        chosenStoreId: undefined,
        resHeaders: new Headers(),
        secureCookies: false,
      });
    };
    await expect(laneCaller('cashier').lane.preAuths({ laneId: lane.id })).rejects.toMatchObject({
      code: 'FORBIDDEN',
    });
    const auth = await preAuth(15_000);
    expect((await laneCaller('supervisor').lane.preAuths({ laneId: lane.id })).map((p) => p.paymentId)).toEqual([
      auth.id,
    ]);
  });
});
