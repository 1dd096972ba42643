import { afterEach, describe, expect, it } from 'vitest';
import { BankHost } from './bank/bank-host';
import { ecrRequest, startRig, type TestRig } from './test-ecr.test-support';

const rigs: TestRig[] = [];
afterEach(async () => {
  await Promise.all(rigs.splice(0).map((rig) => rig.close()));
});

describe('several terminals, one acquirer', () => {
  it('lets a refund on one lane find a sale of another, and settles each terminal on its own', async () => {
    const bankHost = new BankHost();
    const lane1 = await startRig({ bankHost, terminalId: 'LANE0001' });
    const lane2 = await startRig({ bankHost, terminalId: 'LANE0002' });
    rigs.push(lane1, lane2);
    await lane1.signIn();
    await lane2.signIn();
    const sale = (await lane1.sale(8_800)).response;
    const refund = await lane2.ecr.transact(
      ecrRequest({ txnType: '02', amountFen: 8_800, origRefNo: sale.refNo, origDate: sale.txnDate }),
    );
    expect(refund.response).toMatchObject({ respCode: '00', terminalId: 'LANE0002', voucherNo: 1 });

    const settle1 = (await lane1.ecr.transact(ecrRequest({ txnType: '06' }))).response;
    const settle2 = (await lane2.ecr.transact(ecrRequest({ txnType: '06' }))).response;
    expect(settle1.totals?.domestic).toMatchObject({ debitCount: 1, creditCount: 0 });
    expect(settle2.totals?.domestic).toMatchObject({ debitCount: 0, creditCount: 1 });
    expect(bankHost.snapshot().settlements.map((s) => [s.terminalId, s.balanced])).toEqual([
      ['LANE0001', true],
      ['LANE0002', true],
    ]);
  });

  it('refuses options that do not fit the protocol', async () => {
    await expect(startRig({ terminalId: 'TOO-LONG-ID' })).rejects.toThrow();
    await expect(startRig({ merchantName: '😀' })).rejects.toThrow();
  });
});
