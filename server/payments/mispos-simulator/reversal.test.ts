import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { SimulatorState } from './state-view';
import { ecrRequest, startRig, type TestRig } from './test-ecr.test-support';

let rig: TestRig;
beforeEach(async () => {
  rig = await startRig();
  await rig.signIn();
});
afterEach(() => rig.close());

const bankLog = (rig: TestRig) => rig.simulator.state().bank.log.map((entry) => `${entry.mti} ${entry.kind}`);
const account = (state: SimulatorState, kind: string) => state.bank.accounts.find((a) => a.kind === kind)?.availableFen;

describe('a bank that does not answer', () => {
  it('answers Z1 for amount 98, queues a reversal and sends it before the next transaction', async () => {
    const { statuses, response } = await rig.sale(1098);
    expect(statuses).toEqual(['01', '02', '03']);
    expect(response).toMatchObject({ respCode: 'Z1', amountFen: 1098, voucherNo: 1, slip: '' });
    expect(rig.simulator.state().terminal.pendingReversals).toEqual([{ voucherNo: 1, batchNo: 1, tries: 0 }]);

    const next = await rig.sale(500);
    expect(next.response.respCode).toBe('00');
    expect(bankLog(rig)).toEqual(['0800 signIn', '0200 sale', '0400 reversal of sale', '0200 sale']);
    expect(rig.simulator.state().terminal.pendingReversals).toEqual([]);
  });

  it('reverses a sale the host approved but whose answer was lost, and leaves it out of settlement', async () => {
    const before = account(rig.simulator.state(), 'domestic-debit');
    await rig.faults({ bankSilent: { times: 1 } });
    expect((await rig.sale(700)).response.respCode).toBe('Z1');
    const host = rig.simulator.state().bank.ledger;
    expect(host.map((entry) => [entry.kind, entry.state])).toEqual([['sale', 'approved']]);
    expect(account(rig.simulator.state(), 'domestic-debit')).toBe((before ?? 0) - 700);

    await rig.sale(300);
    const after = rig.simulator.state();
    expect(after.bank.ledger.map((entry) => [entry.amountFen, entry.state])).toEqual([
      [700, 'reversed'],
      [300, 'approved'],
    ]);
    expect(account(after, 'domestic-debit')).toBe((before ?? 0) - 300);

    const settlement = await rig.ecr.transact(ecrRequest({ txnType: '06' }));
    expect(settlement.response.respCode).toBe('00');
    expect(settlement.response.totals?.domestic).toEqual({
      debitCount: 1,
      debitAmountFen: 300,
      creditCount: 0,
      creditAmountFen: 0,
    });
    expect(rig.simulator.state().bank.settlements.at(-1)?.balanced).toBe(true);
  });

  it('tries a reversal 3 times at most, then gives it up and goes on', async () => {
    await rig.faults({ bankSilent: { times: 4 } });
    expect((await rig.sale(700)).response.respCode).toBe('Z1');
    expect((await rig.sale(300)).response.respCode).toBe('00');
    expect(bankLog(rig).filter((line) => line.startsWith('0400'))).toHaveLength(3);
    expect(rig.simulator.state().terminal.abandonedReversals).toEqual([{ voucherNo: 1, batchNo: 1, tries: 3 }]);
  });

  it('answers Z1 when the bank answers after the terminal gave up waiting', async () => {
    await rig.faults({ bankDelay: { ms: 500 } });
    expect((await rig.sale(800)).response.respCode).toBe('Z1');
    await rig.faults({ bankDelay: { ms: 20 } });
    expect((await rig.sale(800)).response.respCode).toBe('00');
  });

  it('answers 98 for a balance inquiry without answer: nothing to reverse', async () => {
    await rig.faults({ bankSilent: {} });
    const { response } = await rig.ecr.transact(ecrRequest({ txnType: '03' }));
    expect(response.respCode).toBe('98');
    expect(rig.simulator.state().terminal.pendingReversals).toEqual([]);
  });

  it('reverses an unanswered void, so the sale stays voidable', async () => {
    const sale = (await rig.sale(1500)).response;
    await rig.faults({ bankSilent: {} });
    const lost = await rig.ecr.transact(ecrRequest({ txnType: '01', origVoucherNo: sale.voucherNo }));
    expect(lost.response.respCode).toBe('Z1');
    const again = await rig.ecr.transact(ecrRequest({ txnType: '01', origVoucherNo: sale.voucherNo }));
    expect(again.response.respCode).toBe('00');
    expect(bankLog(rig).slice(-2)).toEqual(['0400 reversal of saleVoid', '0200 saleVoid']);
  });
});
