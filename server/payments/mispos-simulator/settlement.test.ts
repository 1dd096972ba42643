import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ecrRequest, startRig, type TestRig } from './test-ecr.test-support';

let rig: TestRig;
beforeEach(async () => {
  rig = await startRig();
});
afterEach(() => rig.close());

const settle = () => rig.ecr.transact(ecrRequest({ txnType: '06' }));

describe('settlement', () => {
  it('is A4 before any sign-in', async () => {
    expect((await settle()).response.respCode).toBe('A4');
  });

  it('reports balanced totals, closes the batch, signs out, and is X4 the second time', async () => {
    await rig.signIn();
    const sale = (await rig.sale(10_000)).response;
    await rig.sale(2_000);
    await rig.sale(151);
    await rig.ecr.transact(ecrRequest({ txnType: '01', origVoucherNo: sale.voucherNo }));
    await rig.card({ kind: 'foreign-credit' });
    await rig.sale(5_000);
    const refundOf = (await rig.sale(3_000)).response;
    await rig.ecr.transact(
      ecrRequest({ txnType: '02', amountFen: 1_000, origRefNo: refundOf.refNo, origDate: refundOf.txnDate }),
    );

    const { statuses, response } = await settle();
    expect(statuses).toEqual(['03', '04']);
    expect(response).toMatchObject({ respCode: '00', txnType: '06', batchNo: 1, message: '结算成功 对账平' });
    expect(response.totals).toEqual({
      domestic: { debitCount: 3, debitAmountFen: 15_000, creditCount: 2, creditAmountFen: 11_000 },
      foreign: { debitCount: 1, debitAmountFen: 5_000, creditCount: 0, creditAmountFen: 0 },
    });
    expect(response.slip).toContain('内卡借记 3笔 RMB 150.00');
    expect(response.slip).toContain('外卡对账平');
    expect(rig.simulator.state().bank.settlements.at(-1)).toMatchObject({ batchNo: 1, balanced: true });
    expect(rig.simulator.state().terminal).toMatchObject({ signedIn: false, batchNo: 2, batchSettled: true });

    expect((await settle()).response.respCode).toBe('X4');
    expect((await rig.sale(100)).response.respCode).toBe('A4');
    expect((await rig.signIn()).batchNo).toBe(2);
    const next = (await rig.sale(100)).response;
    expect(next).toMatchObject({ respCode: '00', batchNo: 2 });
  });

  it('settles an injected out-of-balance batch all the same, and says so', async () => {
    await rig.signIn();
    await rig.sale(1_000);
    await rig.faults({ unbalancedSettlement: {} });
    const { response } = await settle();
    expect(response).toMatchObject({ respCode: '00', message: '结算完成 对账不平' });
    expect(response.slip).toContain('内卡对账不平');
    expect(response.slip).toContain('外卡对账平');
    expect(rig.simulator.state().bank.settlements.at(-1)).toMatchObject({ balanced: false });
    expect(rig.simulator.state().terminal.batchNo).toBe(2);
  });

  it('keeps the batch open when the bank does not answer the settlement', async () => {
    await rig.signIn();
    await rig.faults({ bankSilent: {} });
    expect((await settle()).response.respCode).toBe('98');
    expect(rig.simulator.state().terminal).toMatchObject({ signedIn: true, batchNo: 1 });
    expect((await settle()).response.respCode).toBe('00');
  });

  it('reprints the last settlement slip (07), or answers 25 when there is none', async () => {
    expect((await rig.ecr.transact(ecrRequest({ txnType: '07' }))).response.respCode).toBe('25');
    await rig.signIn();
    await rig.sale(1_000);
    const settled = (await settle()).response;
    const reprint = await rig.ecr.transact(ecrRequest({ txnType: '07' }));
    expect(reprint.statuses).toEqual(['04']);
    expect(reprint.response).toMatchObject({ respCode: '00', txnType: '07', totals: settled.totals, batchNo: 1 });
    expect(reprint.response.slip).toBe(`***重打印 REPRINT***\n${settled.slip}`);
  });
});
