import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ecrRequest, startRig, type TestRig } from './test-ecr.test-support';

let rig: TestRig;
beforeEach(async () => {
  rig = await startRig();
  await rig.signIn();
});
afterEach(() => rig.close());

const queryOf = (ecrRef: string) => ecrRequest({ txnType: '20', ecrRef });

describe('faults of the query and of the approved amount', () => {
  it('answers queries BY a set number of times, then the stored answer; sales are not affected', async () => {
    const sale = await rig.sale(1500);
    await rig.faults({ queryBusy: { times: 2 } });
    expect((await rig.sale(1600)).response.respCode).toBe('00');
    const codes = [];
    for (let n = 0; n < 3; n++) codes.push((await rig.ecr.transact(queryOf(sale.response.ecrRef))).response.respCode);
    expect(codes).toEqual(['BY', 'BY', '00']);
  });

  it('answers queries BY for a while, then the stored answer', async () => {
    const sale = await rig.sale(1700);
    await rig.faults({ queryBusy: { forMs: 300 } });
    const first = await rig.ecr.transact(queryOf(sale.response.ecrRef));
    const second = await rig.ecr.transact(queryOf(sale.response.ecrRef));
    expect([first.response.respCode, second.response.respCode]).toEqual(['BY', 'BY']);
    await expect
      .poll(async () => (await rig.ecr.transact(queryOf(sale.response.ecrRef))).response, { interval: 100 })
      .toMatchObject({ respCode: '00', amountFen: 1700 });
    expect(rig.simulator.state().faults).toEqual({});
  });

  it('ACKs a query and never answers it while the fault lasts', async () => {
    const sale = await rig.sale(1800);
    await rig.faults({ queryUnanswered: { forMs: 400 } });
    await rig.ecr.sendRequest(queryOf(sale.response.ecrRef));
    await expect(rig.ecr.next((event) => event.type === 'frame', 250)).rejects.toThrow(/no such event/);
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect((await rig.ecr.transact(queryOf(sale.response.ecrRef))).response).toMatchObject({ respCode: '00' });
  });

  it('states more than the bank approved on the answer, while the journal and a query keep the true amount', async () => {
    await rig.faults({ overApproval: { fen: 100 } });
    const sale = await rig.sale(1380);
    expect(sale.response).toMatchObject({ respCode: '00', amountFen: 1480 });
    expect(rig.simulator.state().terminal.journal.at(-1)).toMatchObject({ amountFen: 1380 });
    expect((await rig.ecr.transact(queryOf(sale.response.ecrRef))).response).toMatchObject({ amountFen: 1380 });
  });

  it('states less with 00 until cleared, query answers included', async () => {
    await rig.faults({ underApproval: { fen: 80, untilCleared: true } });
    const sale = await rig.sale(1380);
    expect(sale.response).toMatchObject({ respCode: '00', amountFen: 1300 });
    expect((await rig.ecr.transact(queryOf(sale.response.ecrRef))).response).toMatchObject({ amountFen: 1300 });
    await rig.control('DELETE', '/faults/underApproval');
    expect((await rig.ecr.transact(queryOf(sale.response.ecrRef))).response).toMatchObject({ amountFen: 1380 });
  });
});
