import { describe, expect, it } from 'vitest';
import { encodeFrame, encodeMessage, standardStatus, STX, type StatusCode } from '../index';
import { fakeTerminals, linkTo } from './link-fixtures.test-support';
import { responseTo, saleRequest } from './sample-messages.test-support';

const startTerminal = fakeTerminals();

const withLrcBroken = (frame: Buffer): Buffer => {
  const broken = Buffer.from(frame);
  broken.writeUInt8(broken.readUInt8(broken.length - 1) ^ 0xff, broken.length - 1);
  return broken;
};

describe('TerminalLink, framing', () => {
  it('resends the request after a NAK, at most twice, as the very same frame', async () => {
    const copies: number[] = [];
    const terminal = await startTerminal(async (ecr) => {
      copies.push((await ecr.receiveRequest('nak')).nonce);
      copies.push((await ecr.receiveRequest('nak')).nonce);
      const request = await ecr.receiveRequest();
      copies.push(request.nonce);
      await ecr.send({ kind: 'RS', response: responseTo(request) });
    });
    const outcome = await linkTo(terminal).transact(saleRequest());
    await terminal.finished();

    expect(outcome).toMatchObject({ kind: 'answered', response: { respCode: '00' } });
    expect(new Set(copies).size).toBe(1);
    expect(copies).toHaveLength(3);
  });

  it('NAKs a frame with a wrong LRC and takes the good copy that follows', async () => {
    const terminal = await startTerminal(async (ecr) => {
      const request = await ecr.receiveRequest();
      const answer = encodeFrame(encodeMessage({ kind: 'RS', response: responseTo(request) }));
      expect(await ecr.sendRaw(withLrcBroken(answer))).toBe('nak');
      expect(await ecr.sendRaw(answer)).toBe('ack');
    });
    const outcome = await linkTo(terminal).transact(saleRequest());
    await terminal.finished();
    expect(outcome).toMatchObject({ kind: 'answered', response: { respCode: '00' } });
  });

  it('discards bytes outside frames', async () => {
    const terminal = await startTerminal(async (ecr) => {
      const request = await ecr.receiveRequest();
      const answer = encodeFrame(encodeMessage({ kind: 'RS', response: responseTo(request) }));
      expect(await ecr.sendRaw(Buffer.concat([Buffer.from('line noise\r\n'), answer]))).toBe('ack');
    });
    const outcome = await linkTo(terminal).transact(saleRequest());
    await terminal.finished();
    expect(outcome).toMatchObject({ kind: 'answered' });
  });

  it('NAKs a frame that never ends once ackTimeoutMs has passed, then reads on', async () => {
    const terminal = await startTerminal(async (ecr) => {
      const request = await ecr.receiveRequest();
      ecr.write(Buffer.concat([Buffer.of(STX), Buffer.from('0300RS00')]));
      await ecr.expectNext('nak');
      expect(await ecr.send({ kind: 'RS', response: responseTo(request) })).toBe('ack');
    });
    const outcome = await linkTo(terminal, { ackTimeoutMs: 30 }).transact(saleRequest());
    await terminal.finished();
    expect(outcome).toMatchObject({ kind: 'answered' });
  });

  it('ACKs but discards a well-framed body it cannot decode', async () => {
    const terminal = await startTerminal(async (ecr) => {
      const request = await ecr.receiveRequest();
      expect(await ecr.sendRaw(encodeFrame(Buffer.from('RS not a response')))).toBe('ack');
      expect(await ecr.sendRaw(encodeFrame(Buffer.from('XX')))).toBe('ack');
      expect(await ecr.send({ kind: 'RS', response: responseTo(request) })).toBe('ack');
    });
    const link = linkTo(terminal);
    const outcome = await link.transact(saleRequest());
    await terminal.finished();
    expect(outcome).toMatchObject({ kind: 'answered' });
    expect(link.logged.filter((entry) => entry.event === 'discarded').map((entry) => entry.note)).toEqual([
      'undecodable: body',
      'undecodable: kind',
    ]);
  });

  it('ACKs a response that echoes another request, discards it and waits for its own', async () => {
    const terminal = await startTerminal(async (ecr) => {
      const request = await ecr.receiveRequest();
      const declined = { respCode: '51', cardNo: '', slip: '' };
      const misEchoes = [
        responseTo(request, { ...declined, nonce: (request.nonce + 1) % 1000 }),
        responseTo(request, { ...declined, ecrRef: 'another-attempt' }),
        responseTo(request, { ...declined, txnType: '03' }),
      ];
      for (const response of misEchoes) expect(await ecr.send({ kind: 'RS', response })).toBe('ack');
      expect(await ecr.send({ kind: 'RS', response: responseTo(request) })).toBe('ack');
    });
    const outcome = await linkTo(terminal).transact(saleRequest());
    await terminal.finished();
    expect(outcome).toMatchObject({ kind: 'answered', response: { respCode: '00' } });
  });

  it('ACKs a repeated status frame each time but passes it to onStatus once', async () => {
    const terminal = await startTerminal(async (ecr) => {
      const request = await ecr.receiveRequest();
      for (const code of ['01', '01', '02', '02', '01'] as const) {
        expect(await ecr.send({ kind: 'ST', status: standardStatus(code) })).toBe('ack');
      }
      await ecr.send({ kind: 'RS', response: responseTo(request) });
    });
    const statuses: StatusCode[] = [];
    await linkTo(terminal).transact(saleRequest(), { onStatus: (status) => statuses.push(status.code) });
    await terminal.finished();
    expect(statuses).toEqual(['01', '02', '01']);
  });

  it('keeps going when onStatus throws', async () => {
    const terminal = await startTerminal(async (ecr) => {
      const request = await ecr.receiveRequest();
      await ecr.send({ kind: 'ST', status: standardStatus('01') });
      await ecr.send({ kind: 'RS', response: responseTo(request) });
    });
    const outcome = await linkTo(terminal).transact(saleRequest(), {
      onStatus: () => {
        throw new Error('display gone');
      },
    });
    await terminal.finished();
    expect(outcome).toMatchObject({ kind: 'answered' });
  });
});
