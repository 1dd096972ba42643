import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ecrRequest, startRig, type TestRig } from './test-ecr.test-support';

let rig: TestRig;
beforeEach(async () => {
  rig = await startRig();
  await rig.signIn();
});
afterEach(() => rig.close());

const debitBalance = (rig: TestRig) =>
  rig.simulator.state().bank.accounts.find((account) => account.kind === 'domestic-debit')?.availableFen ?? 0;

describe('voids and refunds', () => {
  it('voids a sale of this batch once, for its full amount; a second void is X5', async () => {
    const before = debitBalance(rig);
    const sale = (await rig.sale(2500)).response;
    const voided = await rig.ecr.transact(ecrRequest({ txnType: '01', origVoucherNo: sale.voucherNo }));
    expect(voided.statuses).toEqual(['03', '04']);
    expect(voided.response).toMatchObject({
      respCode: '00',
      txnType: '01',
      amountFen: 2500,
      voucherNo: sale.voucherNo + 1,
      cardNo: sale.cardNo,
    });
    expect(voided.response.slip).toContain('交易类型: 撤销 VOID');
    expect(voided.response.slip).toContain(`原凭证号: ${String(sale.voucherNo).padStart(6, '0')}`);
    expect(voided.response.slip).not.toContain('持卡人签名');
    expect(debitBalance(rig)).toBe(before);

    const again = await rig.ecr.transact(ecrRequest({ txnType: '01', origVoucherNo: sale.voucherNo }));
    expect(again.response.respCode).toBe('X5');
  });

  it('voids the last transaction for voucher 000000, and refuses what is not a sale with X6', async () => {
    const sale = (await rig.sale(900)).response;
    const voidLast = await rig.ecr.transact(ecrRequest({ txnType: '01', origVoucherNo: 0 }));
    expect(voidLast.response).toMatchObject({ respCode: '00', amountFen: sale.amountFen });
    const voidTheVoid = await rig.ecr.transact(ecrRequest({ txnType: '01', origVoucherNo: 0 }));
    expect(voidTheVoid.response.respCode).toBe('X6');
    const declined = (await rig.sale(151)).response;
    const voidDecline = await rig.ecr.transact(ecrRequest({ txnType: '01', origVoucherNo: declined.voucherNo }));
    expect(voidDecline.response.respCode).toBe('X6');
    const unknown = await rig.ecr.transact(ecrRequest({ txnType: '01', origVoucherNo: 4242 }));
    expect(unknown.response.respCode).toBe('25');
  });

  it('refuses to void a sale of a settled batch with X6', async () => {
    const sale = (await rig.sale(900)).response;
    await rig.ecr.transact(ecrRequest({ txnType: '06' }));
    await rig.signIn();
    const voided = await rig.ecr.transact(ecrRequest({ txnType: '01', origVoucherNo: sale.voucherNo }));
    expect(voided.response.respCode).toBe('X6');
  });

  it('refunds up to the original amount in total, then answers 64', async () => {
    const sale = (await rig.sale(10_000)).response;
    const refund = (amountFen: number) =>
      rig.ecr.transact(
        ecrRequest({ txnType: '02', amountFen, origRefNo: sale.refNo, origDate: sale.txnDate ?? '20000101' }),
      );
    const first = await refund(6000);
    expect(first.statuses).toEqual(['01', '02', '03', '04']);
    expect(first.response).toMatchObject({ respCode: '00', txnType: '02', amountFen: 6000 });
    expect(first.response.slip).toContain('交易类型: 退货 REFUND');
    expect(first.response.slip).toContain(`原参考号: ${sale.refNo}`);
    expect((await refund(4001)).response.respCode).toBe('64');
    expect((await refund(4000)).response.respCode).toBe('00');
    expect((await refund(100)).response.respCode).toBe('64');
  });

  it('refunds to the card of the original, and answers 25 for an unknown reference or the wrong date', async () => {
    await rig.card({ kind: 'domestic-credit' });
    const sale = (await rig.sale(3000)).response;
    const refund = await rig.ecr.transact(
      ecrRequest({ txnType: '02', amountFen: 1000, origRefNo: sale.refNo, origDate: sale.txnDate }),
    );
    expect(refund.response).toMatchObject({ respCode: '00', cardOrg: 'CUP', fundingType: 'C' });
    const unknown = await rig.ecr.transact(
      ecrRequest({ txnType: '02', amountFen: 1000, origRefNo: '000000000000', origDate: sale.txnDate }),
    );
    expect(unknown.response.respCode).toBe('25');
    const wrongDate = await rig.ecr.transact(
      ecrRequest({ txnType: '02', amountFen: 1000, origRefNo: sale.refNo, origDate: '20000101' }),
    );
    expect(wrongDate.response.respCode).toBe('25');
  });
});
