import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { answers, encodeFrame, encodeMessage, type MisposMessage } from '../mispos';
import { ecrRequest, startRig, type EcrEvent, type TestRig } from './test-ecr.test-support';

let rig: TestRig;
beforeEach(async () => {
  rig = await startRig();
  await rig.signIn();
});
afterEach(() => rig.close());

const isStatus = (code: string) => (event: EcrEvent) =>
  event.type === 'frame' && event.message.kind === 'ST' && event.message.status.code === code;
const isAnswer = (event: EcrEvent) => event.type === 'frame' && event.message.kind === 'RS';
const answerOf = (event: EcrEvent) => {
  if (event.type !== 'frame' || event.message.kind !== 'RS') throw new Error('not an answer');
  return event.message.response;
};
const replies = (event: EcrEvent) => event.type === 'ack' || event.type === 'nak';

describe('framing and one transaction at a time', () => {
  it('answers BY to a second request while one waits at the PIN pad, and finishes the first', async () => {
    await rig.control('POST', '/pinpad', { wait: true });
    const first = ecrRequest({ txnType: '00', amountFen: 1000 });
    await rig.ecr.sendRequest(first);
    await rig.ecr.next(isStatus('02'));

    const second = ecrRequest({ txnType: '00', amountFen: 2000 });
    await rig.ecr.sendRequest(second);
    const busy = answerOf(await rig.ecr.next(isAnswer));
    expect(busy).toMatchObject({ respCode: 'BY', ecrRef: second.ecrRef, nonce: second.nonce });
    expect(answers(second, busy)).toBe(true);

    await rig.control('POST', '/pinpad', { wait: false });
    const done = answerOf(await rig.ecr.next(isAnswer));
    expect(done).toMatchObject({ respCode: '00', ecrRef: first.ecrRef, amountFen: 1000 });
  });

  it('takes a repeated RQ frame for a resend, not a second request: no BY, one charge', async () => {
    await rig.control('POST', '/pinpad', { wait: true });
    const sale = ecrRequest({ txnType: '00', amountFen: 1000 });
    await rig.ecr.sendRequest(sale);
    await rig.ecr.sendRequest(sale);
    await rig.control('POST', '/pinpad', { wait: false });
    expect(answerOf(await rig.ecr.next(isAnswer)).respCode).toBe('00');
    await new Promise((resolve) => setTimeout(resolve, 30));
    expect(rig.ecr.kinds().filter((kind) => kind === 'RS')).toEqual([]);
    expect(rig.simulator.state().bank.ledger).toHaveLength(1);
  });

  it('answers BY while the busy fault is set', async () => {
    await rig.faults({ busy: { times: 1 } });
    expect((await rig.sale(1000)).response.respCode).toBe('BY');
    expect((await rig.sale(1000)).response.respCode).toBe('00');
  });

  it('resends a frame the ECR NAKs, at most 2 more times, then gives the link up', async () => {
    const sendsOf = (ecrRef: string) =>
      rig.ecr.frames.filter((message) => message.kind === 'RS' && message.response.ecrRef === ecrRef).length;
    let naks = 0;
    rig.ecr.nakPolicy = (message) => message?.kind === 'RS' && naks++ < 2;
    const sale = ecrRequest({ txnType: '00', amountFen: 1000 });
    expect((await rig.ecr.transact(sale)).response.respCode).toBe('00');
    await rig.ecr.next(isAnswer);
    await rig.ecr.next(isAnswer);
    expect(sendsOf(sale.ecrRef)).toBe(3);

    rig.ecr.nakPolicy = (message) => message?.kind === 'RS';
    const next = ecrRequest({ txnType: '00', amountFen: 1000 });
    await rig.ecr.sendRequest(next);
    await rig.ecr.next((event) => event.type === 'closed');
    expect(sendsOf(next.ecrRef)).toBe(3);
  });

  it('NAKs a frame with a wrong LRC and takes the good resend', async () => {
    const frame = encodeFrame(encodeMessage({ kind: 'RQ', request: ecrRequest({ txnType: '00', amountFen: 100 }) }));
    const spoiled = Buffer.from(frame);
    spoiled[spoiled.length - 1] = (spoiled[spoiled.length - 1] ?? 0) ^ 0x55;
    rig.ecr.write(spoiled);
    expect((await rig.ecr.next(replies)).type).toBe('nak');
    rig.ecr.write(frame);
    expect((await rig.ecr.next(replies)).type).toBe('ack');
    expect(answerOf(await rig.ecr.next(isAnswer)).respCode).toBe('00');
  });

  it('NAKs good frames during a NAK storm', async () => {
    await rig.faults({ nakStorm: { times: 3 } });
    const frame = encodeFrame(encodeMessage({ kind: 'RQ', request: ecrRequest({ txnType: '00', amountFen: 100 }) }));
    const got = [];
    for (let attempt = 0; attempt < 4; attempt++) {
      rig.ecr.write(frame);
      got.push((await rig.ecr.next(replies)).type);
    }
    expect(got).toEqual(['nak', 'nak', 'nak', 'ack']);
    expect(answerOf(await rig.ecr.next(isAnswer)).respCode).toBe('00');
  });

  it('spoils the LRC of the answer once; the ECR NAKs it and gets it again', async () => {
    await rig.faults({ garbledResponse: { mode: 'lrc' } });
    const sale = ecrRequest({ txnType: '00', amountFen: 1000 });
    await rig.ecr.sendRequest(sale);
    await rig.ecr.next((event) => event.type === 'bad-frame');
    const answer = answerOf(await rig.ecr.next(isAnswer));
    expect(answers(sale, answer)).toBe(true);
  });

  it('sends a mis-echoed answer, which the ECR must discard and then query', async () => {
    await rig.faults({ garbledResponse: { mode: 'echo' } });
    const sale = ecrRequest({ txnType: '00', amountFen: 1000 });
    await rig.ecr.sendRequest(sale);
    const answer = answerOf(await rig.ecr.next(isAnswer));
    expect(answers(sale, answer)).toBe(false);
    const query = await rig.ecr.transact(ecrRequest({ txnType: '20', ecrRef: sale.ecrRef }));
    expect(query.response).toMatchObject({ respCode: '00', refNo: answer.refNo });
  });

  it('sends an answer whose body does not decode', async () => {
    await rig.faults({ garbledResponse: { mode: 'body' } });
    await rig.ecr.sendRequest(ecrRequest({ txnType: '00', amountFen: 1000 }));
    await rig.ecr.next((event) => event.type === 'unreadable-frame');
  });

  it('honours a cancel while waiting at the PIN pad with C0', async () => {
    await rig.control('POST', '/pinpad', { wait: true });
    const sale = ecrRequest({ txnType: '00', amountFen: 1000 });
    await rig.ecr.sendRequest(sale);
    await rig.ecr.next(isStatus('02'));
    rig.ecr.sendFrame({ kind: 'CN' } satisfies MisposMessage);
    const answer = answerOf(await rig.ecr.next(isAnswer));
    expect(answer).toMatchObject({ respCode: 'C0', ecrRef: sale.ecrRef, message: '交易已取消' });
    expect(rig.simulator.state().bank.log.map((entry) => entry.mti)).toEqual(['0800']);
  });

  it('honours a cancel while waiting for the card', async () => {
    await rig.card({ wait: true });
    await rig.ecr.sendRequest(ecrRequest({ txnType: '00', amountFen: 1000 }));
    await rig.ecr.next(isStatus('01'));
    rig.ecr.sendFrame({ kind: 'CN' });
    expect(answerOf(await rig.ecr.next(isAnswer)).respCode).toBe('C0');
  });

  it('ignores a cancel once the card and PIN are in', async () => {
    await rig.faults({ bankDelay: { ms: 40 } });
    await rig.ecr.sendRequest(ecrRequest({ txnType: '00', amountFen: 1000 }));
    await rig.ecr.next(isStatus('03'));
    rig.ecr.sendFrame({ kind: 'CN' });
    expect(answerOf(await rig.ecr.next(isAnswer)).respCode).toBe('00');
  });
});
