import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ecrRequest, startRig, TestEcr, type TestRig } from './test-ecr.test-support';

let rig: TestRig;
beforeEach(async () => {
  rig = await startRig();
  await rig.signIn();
});
afterEach(() => rig.close());

const debitBalance = (rig: TestRig) =>
  rig.simulator.state().bank.accounts.find((account) => account.kind === 'domestic-debit')?.availableFen ?? 0;

describe('an answer the ECR never gets', () => {
  it('drops the connection for amount 97 after the bank approved; a query then returns the approval', async () => {
    const before = debitBalance(rig);
    const sale = ecrRequest({ txnType: '00', amountFen: 1997 });
    await rig.ecr.sendRequest(sale);
    await rig.ecr.next((event) => event.type === 'closed');
    const answers = rig.ecr.frames.filter((message) => message.kind === 'RS');
    expect(answers.map((message) => message.response.txnType)).toEqual(['05']);

    const ecr = await TestEcr.connect(rig.simulator.port);
    try {
      const query = ecrRequest({ txnType: '20', ecrRef: sale.ecrRef });
      const { statuses, response } = await ecr.transact(query);
      expect(statuses).toEqual([]);
      expect(response).toMatchObject({
        respCode: '00',
        txnType: '20',
        ecrRef: sale.ecrRef,
        nonce: query.nonce,
        amountFen: 1997,
        voucherNo: 1,
        cardNo: '622202*********4458',
      });
      expect(response.slip).toContain('RMB 19.97');

      // The same sale sent again (same ecrRef) is answered from memory, not charged a second time.
      const repeat = await ecr.transact({ ...sale, nonce: (sale.nonce + 1) % 1000 });
      expect(repeat.response).toMatchObject({ respCode: '00', refNo: response.refNo, nonce: (sale.nonce + 1) % 1000 });
      expect(debitBalance(rig)).toBe(before - 1997);
      expect(rig.simulator.state().bank.ledger).toHaveLength(1);
    } finally {
      ecr.close();
    }
  });

  it('answers a query about an ecrRef it never got with 25', async () => {
    const { response } = await rig.ecr.transact(ecrRequest({ txnType: '20', ecrRef: 'never-seen' }));
    expect(response).toMatchObject({ respCode: '25', txnType: '20', ecrRef: 'never-seen' });
  });

  it('remembers answers of the previous batch after settlement, but not of the one before', async () => {
    const declined = ecrRequest({ txnType: '00', amountFen: 151 });
    await rig.ecr.transact(declined);
    const query = () => rig.ecr.transact(ecrRequest({ txnType: '20', ecrRef: declined.ecrRef }));
    expect((await query()).response.respCode).toBe('51');
    await rig.ecr.transact(ecrRequest({ txnType: '06' }));
    expect((await query()).response).toMatchObject({ respCode: '51', batchNo: 1 });
    await rig.signIn();
    await rig.ecr.transact(ecrRequest({ txnType: '06' }));
    expect((await query()).response.respCode).toBe('25');
  });

  it('drops the connection on the injected fault, once', async () => {
    await rig.faults({ dropConnection: {} });
    await rig.ecr.sendRequest(ecrRequest({ txnType: '00', amountFen: 1000 }));
    await rig.ecr.next((event) => event.type === 'closed');
    const ecr = await TestEcr.connect(rig.simulator.port);
    try {
      expect((await ecr.transact(ecrRequest({ txnType: '00', amountFen: 1000 }))).response.respCode).toBe('00');
    } finally {
      ecr.close();
    }
  });

  it('holds the answer after the bank approved on the injected fault; the journal and a query have it at once', async () => {
    await rig.faults({ answerDelay: { ms: 60_000 } });
    const sale = ecrRequest({ txnType: '00', amountFen: 2500 });
    await rig.ecr.sendRequest(sale);
    await expect
      .poll(() => rig.simulator.state().terminal.journal.map(({ ecrRef, outcome }) => ({ ecrRef, outcome })))
      .toEqual([{ ecrRef: sale.ecrRef, outcome: 'approved' }]);

    const ecr = await TestEcr.connect(rig.simulator.port);
    try {
      const query = ecrRequest({ txnType: '20', ecrRef: sale.ecrRef });
      expect((await ecr.transact(query)).response).toMatchObject({ respCode: '00', amountFen: 2500, voucherNo: 1 });
      const answered = rig.ecr.frames.flatMap((message) => (message.kind === 'RS' ? [message.response.txnType] : []));
      expect(answered).toEqual(['05']);
      expect(rig.simulator.state().faults).toEqual({});
    } finally {
      ecr.close();
    }
  });

  it('sends the held answer once the delay has passed, on the same connection', async () => {
    await rig.faults({ answerDelay: { ms: 400 } });
    const sale = ecrRequest({ txnType: '00', amountFen: 2600 });
    await rig.ecr.sendRequest(sale);
    await expect.poll(() => rig.simulator.state().terminal.journal.map((entry) => entry.outcome)).toEqual(['approved']);
    expect(rig.ecr.frames.filter((message) => message.kind === 'RS')).toHaveLength(1);
    const answer = await rig.ecr.next((event) => event.type === 'frame' && event.message.kind === 'RS');
    expect(answer.type === 'frame' && answer.message.kind === 'RS' && answer.message.response).toMatchObject({
      respCode: '00',
      ecrRef: sale.ecrRef,
      nonce: sale.nonce,
      amountFen: 2600,
    });
  });

  it('approves a card presented after the ECR gave up; a query tells the ECR', async () => {
    await rig.faults({ lateCard: { ms: 150 } });
    const sale = ecrRequest({ txnType: '00', amountFen: 4200 });
    await rig.ecr.sendRequest(sale);
    await rig.ecr.next((event) => event.type === 'frame' && event.message.kind === 'ST');
    rig.ecr.close();

    const ecr = await TestEcr.connect(rig.simulator.port);
    try {
      const early = await ecr.transact(ecrRequest({ txnType: '20', ecrRef: sale.ecrRef }));
      expect(early.response.respCode).toBe('BY');
      await new Promise((resolve) => setTimeout(resolve, 250));
      const late = await ecr.transact(ecrRequest({ txnType: '20', ecrRef: sale.ecrRef }));
      expect(late.response).toMatchObject({ respCode: '00', amountFen: 4200 });
    } finally {
      ecr.close();
    }
  });
});
