import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ecrRequest, startRig, type TestRig } from './test-ecr.test-support';

let rig: TestRig;
beforeEach(async () => {
  rig = await startRig();
});
afterEach(() => rig.close());

describe('a sale at the simulated terminal', () => {
  it('refuses a sale before sign-in with A4, without asking for a card', async () => {
    const { statuses, response } = await rig.sale(1000);
    expect(statuses).toEqual([]);
    expect(response.respCode).toBe('A4');
    expect(response.message).toBe('终端未签到');
  });

  it('signs in, then approves a sale with a domestic debit card: statuses, masked card, slip', async () => {
    const signIn = await rig.signIn();
    expect(signIn).toMatchObject({ respCode: '00', txnType: '05', batchNo: 1, terminalId: '10000001' });

    const request = ecrRequest({ txnType: '00', amountFen: 2599 });
    const { statuses, response } = await rig.ecr.transact(request);
    expect(statuses).toEqual(['01', '02', '03', '04']);
    expect(response).toMatchObject({
      respCode: '00',
      txnType: '00',
      ecrRef: request.ecrRef,
      nonce: request.nonce,
      amountFen: 2599,
      issuerCode: '0102',
      issuerName: '工商银行',
      cardNo: '622202*********4458',
      cardOrg: 'CUP',
      fundingType: 'D',
      voucherNo: 1,
      batchNo: 1,
      merchantId: '898310048990001',
    });
    expect(response.refNo).toMatch(/^[0-9]{12}$/);
    expect(response.authCode).toMatch(/^[0-9]{6}$/);
    expect(response.txnDate).toMatch(/^20[0-9]{6}$/);
    expect(response.slip).toContain('商户名称: Lanekeeper 演示超市');
    expect(response.slip).toContain('卡号: 622202*********4458 CUP');
    expect(response.slip).toContain('交易类型: 消费 SALE');
    expect(response.slip).toContain('金额: RMB 25.99');
    expect(response.slip).toContain(`参考号: ${response.refNo}`);
    expect(response.slip).toContain('持卡人签名');
    expect(response.slip).not.toContain('6222021001122334458');
  });

  it('numbers vouchers one up per financial transaction, declines included', async () => {
    await rig.signIn();
    const vouchers = [];
    for (const amountFen of [100, 151, 200]) vouchers.push((await rig.sale(amountFen)).response.voucherNo);
    expect(vouchers).toEqual([1, 2, 3]);
  });

  it.each([
    [1051, '51', '余额不足'],
    [1055, '55', '密码错误'],
    [1054, '54', '过期卡'],
    [1091, '91', '发卡行暂不能处理'],
  ])('declines an amount of %i fen with %s', async (amountFen, code, message) => {
    await rig.signIn();
    const { statuses, response } = await rig.sale(amountFen);
    expect(statuses.slice(0, 1)).toEqual(['01']);
    expect(statuses).not.toContain('04');
    expect(response).toMatchObject({ respCode: code, message, amountFen, authCode: '', slip: '' });
  });

  it('answers a balance inquiry with the available balance and prints nothing', async () => {
    await rig.signIn();
    const { statuses, response } = await rig.ecr.transact(ecrRequest({ txnType: '03' }));
    expect(statuses).toEqual(['01', '02', '03']);
    expect(response).toMatchObject({ respCode: '00', txnType: '03', amountFen: 10_000_000_000, slip: '' });
  });

  it('presents the card chosen on the control interface: a foreign credit card needs no PIN', async () => {
    await rig.signIn();
    await rig.card({ kind: 'foreign-credit' });
    const { statuses, response } = await rig.sale(5000);
    expect(statuses).toEqual(['01', '03', '04']);
    expect(response).toMatchObject({
      respCode: '00',
      cardOrg: 'VIS',
      fundingType: 'C',
      cardNo: '476173******0010',
      issuerName: '境外银行',
    });
    expect((await rig.sale(5000)).response.cardOrg).toBe('CUP');
  });

  it('approves part of a sale on a prepaid card with code 10', async () => {
    await rig.signIn();
    await rig.card({ kind: 'prepaid-partial' });
    const { response } = await rig.sale(25_000);
    expect(response).toMatchObject({ respCode: '10', amountFen: 10_000 });
    expect(response.slip).toContain('RMB 100.00');
  });

  it('declines with any bank code injected on the control interface', async () => {
    await rig.signIn();
    await rig.faults({ bankDecline: { code: '05' } });
    expect((await rig.sale(1000)).response.respCode).toBe('05');
    expect((await rig.sale(1000)).response.respCode).toBe('00');
  });

  it('reprints the last slip and a slip by voucher number, and answers 25 for an unknown voucher', async () => {
    await rig.signIn();
    const first = (await rig.sale(1200)).response;
    const second = (await rig.sale(3400)).response;
    const last = await rig.ecr.transact(ecrRequest({ txnType: '04', origVoucherNo: 0 }));
    expect(last.statuses).toEqual(['04']);
    expect(last.response).toMatchObject({ respCode: '00', txnType: '04', voucherNo: second.voucherNo });
    expect(last.response.slip).toBe(`***重打印 REPRINT***\n${second.slip}`);
    const byVoucher = await rig.ecr.transact(ecrRequest({ txnType: '04', origVoucherNo: first.voucherNo }));
    expect(byVoucher.response).toMatchObject({ respCode: '00', refNo: first.refNo, amountFen: 1200 });
    const unknown = await rig.ecr.transact(ecrRequest({ txnType: '04', origVoucherNo: 999 }));
    expect(unknown.response.respCode).toBe('25');
  });

  it('refuses a sale without an amount with 13', async () => {
    await rig.signIn();
    expect((await rig.sale(0)).response.respCode).toBe('13');
  });
});
