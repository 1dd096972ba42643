import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { MisposResponse } from '../mispos';
import { ecrRequest, startRig, type TestRig } from './test-ecr.test-support';

let rig: TestRig;
beforeEach(async () => {
  rig = await startRig();
  await rig.signIn();
});
afterEach(() => rig.close());

const debitBalance = (rig: TestRig) =>
  rig.simulator.state().bank.accounts.find((account) => account.kind === 'domestic-debit')?.availableFen ?? 0;

async function preAuth(amountFen: number): Promise<MisposResponse> {
  const { statuses, response } = await rig.ecr.transact(ecrRequest({ txnType: '10', amountFen }));
  expect(statuses).toEqual(['01', '02', '03', '04']);
  return response;
}

const operation = (txnType: '11' | '12', auth: MisposResponse, amountFen: number) =>
  rig.ecr.transact(ecrRequest({ txnType, amountFen, origRefNo: auth.refNo, origAuthCode: auth.authCode }));

describe('pre-authorisation', () => {
  it('holds the amount, completes for less, releases the rest, and counts the completion in settlement', async () => {
    const before = debitBalance(rig);
    const auth = await preAuth(50_000);
    expect(auth).toMatchObject({ respCode: '00', txnType: '10', amountFen: 50_000 });
    expect(auth.authCode).toMatch(/^[0-9]{6}$/);
    expect(debitBalance(rig)).toBe(before - 50_000);

    expect((await operation('12', auth, 50_001)).response.respCode).toBe('64');
    const completion = await operation('12', auth, 42_000);
    expect(completion.response).toMatchObject({ respCode: '00', txnType: '12', amountFen: 42_000 });
    expect(completion.response.slip).toContain('交易类型: 预授权完成');
    expect(debitBalance(rig)).toBe(before - 42_000);
    expect((await operation('12', auth, 1_000)).response.respCode).toBe('12');

    const settled = (await rig.ecr.transact(ecrRequest({ txnType: '06' }))).response;
    expect(settled.totals?.domestic).toEqual({
      debitCount: 1,
      debitAmountFen: 42_000,
      creditCount: 0,
      creditAmountFen: 0,
    });
  });

  it('voids a completion (13), which reopens the pre-auth', async () => {
    const before = debitBalance(rig);
    const auth = await preAuth(30_000);
    const completion = (await operation('12', auth, 30_000)).response;
    const voided = await rig.ecr.transact(ecrRequest({ txnType: '13', origVoucherNo: completion.voucherNo }));
    expect(voided.response).toMatchObject({ respCode: '00', txnType: '13', amountFen: 30_000 });
    expect(debitBalance(rig)).toBe(before - 30_000);
    expect(
      (await rig.ecr.transact(ecrRequest({ txnType: '13', origVoucherNo: completion.voucherNo }))).response.respCode,
    ).toBe('X5');
    expect(
      (await rig.ecr.transact(ecrRequest({ txnType: '13', origVoucherNo: auth.voucherNo }))).response.respCode,
    ).toBe('X6');
    expect((await operation('11', auth, 30_000)).response.respCode).toBe('00');
    expect(debitBalance(rig)).toBe(before);
  });

  it('cancels a pre-auth for its exact amount only, with the right auth code', async () => {
    const auth = await preAuth(20_000);
    expect((await operation('11', auth, 19_999)).response.respCode).toBe('64');
    expect((await operation('11', { ...auth, authCode: '000000' }, 20_000)).response.respCode).toBe('25');
    const cancelled = await operation('11', auth, 20_000);
    expect(cancelled.response).toMatchObject({ respCode: '00', txnType: '11' });
    expect((await operation('12', auth, 1_000)).response.respCode).toBe('12');
  });

  it('answers Z1 and reverses a pre-auth the bank did not answer, releasing the hold', async () => {
    const before = debitBalance(rig);
    await rig.faults({ bankSilent: {} });
    expect((await rig.ecr.transact(ecrRequest({ txnType: '10', amountFen: 7_000 }))).response.respCode).toBe('Z1');
    expect(debitBalance(rig)).toBe(before - 7_000);
    await rig.ecr.transact(ecrRequest({ txnType: '03' }));
    expect(debitBalance(rig)).toBe(before);
  });
});
