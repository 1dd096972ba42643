import { asc, eq } from 'drizzle-orm';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { cardPaymentAttempts, cardPayments, terminalSettlements } from '../../db/schema';
import { newId } from '../core/ids';
import { openCardLane, type CardLane } from '../testing/card-lane';
import { forEachDatabase } from '../testing/database-suite';
import { type createStoreFixture } from '../testing/fixtures';
import { type MisposSimulator } from './mispos-simulator';
import type { FaultsInput } from './mispos-simulator/control/faults';
import { ecrRefFor, TerminalLink } from './mispos/link';
import { resolveDueCardPayments, startCardPaymentResolver } from './resolve-due-card-payments';
import { cardTransactionRunning, signInTerminal } from './run-card-transaction';
import { startCardPayment } from './start-card-payment';
import { closeTerminalLinks, terminalLinkFor } from './terminal-links';

// A terminal may keep a customer at the PIN pad this long; a query must not wait as long.
process.env.MISPOS_ANSWER_TIMEOUT_MS = '90000';
process.env.MISPOS_QUERY_ANSWER_TIMEOUT_MS = '300';

forEachDatabase((database) => {
  let store: Awaited<ReturnType<typeof createStoreFixture>>;
  let simulator: MisposSimulator;
  let lane: { id: string; number: number };
  let shiftId: string;

  let rig: CardLane;
  beforeEach(async () => {
    rig = await openCardLane(database().db);
    ({ store, simulator, lane, shiftId } = rig);
  });
  afterEach(() => rig.close());

  const faults = async (input: FaultsInput) => {
    const response = await fetch(`http://127.0.0.1:${simulator.controlPort}/faults`, {
      method: 'POST',
      body: JSON.stringify(input),
    });
    expect(response.status).toBe(200);
  };
  const card = (body: unknown) =>
    fetch(`http://127.0.0.1:${simulator.controlPort}/card`, { method: 'POST', body: JSON.stringify(body) });
  const resolverContext = () => ({ db: database().db, now: store.clock.now });
  const payment = async (id: string) =>
    (await database().db.select().from(cardPayments).where(eq(cardPayments.id, id)))[0];
  const attempts = (paymentId: string) =>
    database()
      .db.select()
      .from(cardPaymentAttempts)
      .where(eq(cardPaymentAttempts.paymentId, paymentId))
      .orderBy(asc(cardPaymentAttempts.id));
  const sales = () => simulator.state().terminal.journal.filter((entry) => entry.txnType === '00');

  async function pay(amountFen: number) {
    const started = await startCardPayment(store.as('cashier'), {
      paymentId: newId(),
      laneId: lane.id,
      shiftId,
      saleId: newId(),
      kind: 'sale',
      amountFen,
    });
    const finished = await cardTransactionRunning(started.id);
    if (!finished) throw new Error('the payment did not run');
    return finished;
  }

  it('keeps the ecrRef of every attempt: A4, sign-in, then the approval of a new attempt', async () => {
    expect(await pay(1000)).toMatchObject({ state: 'approved' });
    // The terminal settles on its own (signing out) while the POS believes it signed in.
    const direct = new TerminalLink({ host: '127.0.0.1', port: simulator.port });
    const identity = { cardKind: '00', posId: 'LANE01', operatorId: '1', origDate: null, origRefNo: '' } as const;
    const settled = await direct.transact({
      ...identity,
      txnType: '06',
      amountFen: 0,
      origVoucherNo: 0,
      origAuthCode: '',
      ecrRef: ecrRefFor(newId()),
    });
    expect(settled).toMatchObject({ kind: 'answered', response: { respCode: '00' } });

    const retried = await pay(1100);
    expect(retried).toMatchObject({ state: 'approved', approvedAmountFen: 1100 });
    const tried = await attempts(retried.id);
    expect(tried.map((a) => [a.kind, a.outcome, a.respCode])).toEqual([
      ['request', 'answered', 'A4'],
      ['request', 'answered', '00'],
    ]);
    const [first, second] = tried;
    expect(first?.ecrRef).toBe(ecrRefFor(retried.id));
    expect(second?.ecrRef).not.toBe(first?.ecrRef);
    expect(retried.ecrRef).toBe(second?.ecrRef);
    expect(second).toMatchObject({ answeredAmountFen: 1100, storeId: store.storeId });
  });

  it('never takes an approval above the amount asked: unknown, then the query with the true amount approves', async () => {
    await faults({ overApproval: { fen: 100 } });
    const paid = await pay(1380);
    expect(paid).toMatchObject({ state: 'approved', approvedAmountFen: 1380 });
    expect((await attempts(paid.id)).map((a) => [a.kind, a.respCode, a.answeredAmountFen])).toEqual([
      ['request', '00', 1480],
      ['query', '00', 1380],
    ]);
    expect(sales()).toHaveLength(1);
  });

  it('leaves an approval stated above the amount asked unknown while every answer states it so', async () => {
    await faults({ overApproval: { fen: 100, untilCleared: true } });
    const paid = await pay(1380);
    expect(paid).toMatchObject({ state: 'unknown', approvedAmountFen: null, queries: 1 });
    expect(paid.message).toMatch(/¥14\.80 when ¥13\.80 was asked: more than asked/);
    expect(paid.nextQueryAt).not.toBeNull();
  });

  it('takes a 00 for less than asked as a fault, and 10 as the partial approval it is', async () => {
    await faults({ underApproval: { fen: 80, untilCleared: true } });
    const under = await pay(1380);
    expect(under).toMatchObject({ state: 'unknown', approvedAmountFen: null });
    expect(under.message).toMatch(/full approval for less/);
    await fetch(`http://127.0.0.1:${simulator.controlPort}/faults`, { method: 'DELETE' });

    await card({ kind: 'prepaid-partial' });
    const partial = await pay(15_000);
    expect(partial).toMatchObject({ state: 'approved', respCode: '10', approvedAmountFen: 10_000 });
  });

  it('gives up on a query the terminal ACKs and never answers after its own short timeout, not the card timeout', async () => {
    await faults({ queryUnanswered: { untilCleared: true } });
    const lost = await pay(2097);
    expect(lost).toMatchObject({ state: 'unknown', queries: 1 });
    expect((await attempts(lost.id)).map((a) => [a.kind, a.outcome, a.detail])).toEqual([
      ['request', 'unknown', expect.stringMatching(/lost after the request was sent/)],
      ['query', 'unknown', expect.stringMatching(/no answer within 300 ms/)],
    ]);
  });

  it('keeps asking a terminal that answers BY until it tells the approval, without a restart, sending only queries', async () => {
    await faults({ queryBusy: { forMs: 1_500 } });
    const lost = await pay(2197);
    expect(lost).toMatchObject({ state: 'unknown', queries: 1 });
    await expect
      .poll(
        async () => {
          store.clock.advanceMinutes(1);
          await resolveDueCardPayments(resolverContext());
          return (await payment(lost.id))?.state;
        },
        { timeout: 15_000, interval: 200 },
      )
      .toBe('approved');
    const resolved = await payment(lost.id);
    expect(resolved).toMatchObject({ approvedAmountFen: 2197, nextQueryAt: null });
    const tried = await attempts(lost.id);
    expect(tried.filter((a) => a.kind === 'request')).toHaveLength(1);
    expect(tried.filter((a) => a.kind === 'query').map((a) => a.respCode)).toEqual([
      ...Array<string>(tried.length - 2).fill('BY'),
      '00',
    ]);
    expect(sales()).toHaveLength(1);
  });

  it('finds the approval of a terminal still busy at the bank when the POS gave up, which answered queries BY', async () => {
    expect(await pay(1000)).toMatchObject({ state: 'approved' });
    process.env.MISPOS_ANSWER_TIMEOUT_MS = '300';
    closeTerminalLinks();
    try {
      const entry = terminalLinkFor({ laneId: lane.id, host: '127.0.0.1', port: simulator.port });
      expect(await signInTerminal(entry, { cardKind: '00', posId: 'LANE01', operatorId: '1' })).toBe(true);
      await faults({ bankDelay: { ms: 1_500 } });
      const gaveUp = await pay(2697);
      expect(gaveUp).toMatchObject({ state: 'unknown', queries: 1 });
      expect((await attempts(gaveUp.id)).map((a) => [a.kind, a.outcome, a.respCode])).toEqual([
        ['request', 'unknown', null],
        ['query', 'answered', 'BY'],
      ]);
    } finally {
      process.env.MISPOS_ANSWER_TIMEOUT_MS = '90000';
    }
    const gaveUp = (await database().db.select().from(cardPayments).where(eq(cardPayments.state, 'unknown'))).find(
      (row) => row.storeId === store.storeId,
    );
    await expect
      .poll(
        async () => {
          store.clock.advanceMinutes(1);
          await resolveDueCardPayments(resolverContext());
          return (await payment(gaveUp?.id ?? ''))?.state;
        },
        { timeout: 15_000, interval: 250 },
      )
      .toBe('approved');
    expect(sales().filter((sale) => sale.amountFen === 2697)).toHaveLength(1);
  });

  it('backs off 2 s, 5 s, 15 s, 30 s, then a minute, and asks nothing before the next query is due', async () => {
    await faults({ queryBusy: { untilCleared: true } });
    const lost = await pay(2297);
    const waits: number[] = [];
    for (let query = 1; query <= 5; query++) {
      const row = await payment(lost.id);
      if (!row?.nextQueryAt) throw new Error('no next query');
      waits.push(row.nextQueryAt.getTime() - store.clock.now().getTime());
      await resolveDueCardPayments(resolverContext());
      expect((await payment(lost.id))?.queries).toBe(query);
      store.clock.advanceMinutes(1);
      await resolveDueCardPayments(resolverContext());
      expect((await payment(lost.id))?.queries).toBe(query + 1);
    }
    expect(waits).toEqual([2_000, 5_000, 15_000, 30_000, 60_000]);
  });

  it('leaves to the manager a payment whose terminal has settled twice since, without asking', async () => {
    await faults({ queryBusy: { untilCleared: true } });
    const lost = await pay(2397);
    const settlement = (batchNo: number) => ({
      id: newId(),
      storeId: store.storeId,
      laneId: lane.id,
      staffId: store.members.supervisor.id,
      terminalId: '10000001',
      merchantId: '898310048990001',
      batchNo,
      businessDate: '2026-11-21',
      terminalTotals: zeroTotals,
      posTotals: zeroTotals,
      balanced: true,
      differences: [],
      settledAt: new Date(store.clock.now().getTime() + batchNo * 1000),
    });
    await database()
      .db.insert(terminalSettlements)
      .values([settlement(1), settlement(2)]);
    store.clock.advanceMinutes(1);
    await resolveDueCardPayments(resolverContext());
    const left = await payment(lost.id);
    expect(left).toMatchObject({ state: 'unknown', queries: 1, nextQueryAt: null });
    expect(left?.message).toMatch(/settled twice/);
    expect(await attempts(lost.id)).toHaveLength(2);
  });

  it("waits for the resolver's query on the lane's terminal before sending the next payment", async () => {
    await faults({ queryUnanswered: { times: 2 } });
    const lost = await pay(2597);
    expect(lost).toMatchObject({ state: 'unknown' });
    store.clock.advanceMinutes(1);
    const step = resolveDueCardPayments(resolverContext());
    await expect
      .poll(async () => (await attempts(lost.id)).filter((a) => a.kind === 'query' && a.outcome === null).length)
      .toBe(1);
    expect(await pay(1500)).toMatchObject({ state: 'approved', approvedAmountFen: 1500 });
    await step;
  });

  it('runs as a loop in the server process and resolves a due payment on its own', async () => {
    await faults({ queryBusy: {} });
    const lost = await pay(2497);
    expect(lost).toMatchObject({ state: 'unknown' });
    const resolver = startCardPaymentResolver({ db: database().db, now: () => new Date() }, 50);
    try {
      await expect.poll(async () => (await payment(lost.id))?.state, { timeout: 10_000 }).toBe('approved');
    } finally {
      await resolver.stop();
    }
    expect(sales()).toHaveLength(1);
  });
});

const zeroBlock = { debitCount: 0, debitAmountFen: 0, creditCount: 0, creditAmountFen: 0 };
const zeroTotals = { domestic: zeroBlock, foreign: zeroBlock };
