import { describe, expect, it } from 'vitest';
import { MisposCodecError, standardStatus, TXN_TYPE, type StatusCode } from '../index';
import { fakeTerminals, linkTo, logLines } from './link-fixtures.test-support';
import { TerminalBusyError, TerminalLinkClosedError } from './link-errors';
import { queryRequestFor } from './query-request';
import { CARD_NO, responseTo, saleRequest, SLIP } from './sample-messages.test-support';

const startTerminal = fakeTerminals();

describe('TerminalLink, answered', () => {
  it('passes each ST to onStatus, ACKs every frame and resolves with the RS that echoes the request', async () => {
    const replies: string[] = [];
    let nonce = -1;
    const terminal = await startTerminal(async (ecr) => {
      const request = await ecr.receiveRequest();
      nonce = request.nonce;
      replies.push(await ecr.send({ kind: 'ST', status: standardStatus('01') }));
      replies.push(await ecr.send({ kind: 'ST', status: standardStatus('02') }));
      replies.push(await ecr.send({ kind: 'RS', response: responseTo(request) }));
      await ecr.expectNext('closed');
    });
    const statuses: StatusCode[] = [];
    const link = linkTo(terminal);

    const outcome = await link.transact(saleRequest(), { onStatus: (status) => statuses.push(status.code) });
    await terminal.finished();

    expect(outcome).toMatchObject({ kind: 'answered', response: { respCode: '00', amountFen: 2599, nonce } });
    expect(nonce).toBeGreaterThanOrEqual(0);
    expect(nonce).toBeLessThan(1000);
    expect(statuses).toEqual(['01', '02']);
    expect(replies).toEqual(['ack', 'ack', 'ack']);
    expect(link.busy).toBe(false);
  });

  it.each([
    ['51', 'a decline'],
    ['BY', 'busy: the terminal had another request in flight and did nothing with this one'],
    ['Z1', 'no answer from the bank, reversal queued'],
  ])('resolves %s (%s) as answered: the RS decides, whatever its code', async (respCode) => {
    const terminal = await startTerminal(async (ecr) => {
      const request = await ecr.receiveRequest();
      await ecr.send({ kind: 'RS', response: responseTo(request, { respCode, cardNo: '', slip: '' }) });
    });
    const outcome = await linkTo(terminal).transact(saleRequest());
    await terminal.finished();
    expect(outcome).toMatchObject({ kind: 'answered', response: { respCode } });
  });

  it('queries by ecrRef with queryRequestFor, and takes the answer that echoes the query', async () => {
    const sale = saleRequest();
    const terminal = await startTerminal(async (ecr) => {
      const query = await ecr.receiveRequest();
      expect(query).toMatchObject({ txnType: TXN_TYPE.queryByEcrRef, ecrRef: sale.ecrRef, amountFen: 0 });
      await ecr.send({ kind: 'RS', response: responseTo(query, { amountFen: sale.amountFen, voucherNo: 17 }) });
    });
    const outcome = await linkTo(terminal).transact(queryRequestFor(sale));
    await terminal.finished();
    expect(outcome).toMatchObject({ kind: 'answered', response: { respCode: '00', txnType: '20', voucherNo: 17 } });
  });

  it('logs kinds and codes only, never the card number or the slip', async () => {
    const terminal = await startTerminal(async (ecr) => {
      const request = await ecr.receiveRequest();
      await ecr.send({ kind: 'ST', status: standardStatus('01') });
      await ecr.send({ kind: 'RS', response: responseTo(request, { nonce: (request.nonce + 1) % 1000 }) });
      await ecr.send({ kind: 'RS', response: responseTo(request) });
    });
    const link = linkTo(terminal);
    await link.transact(saleRequest());
    await terminal.finished();

    expect(logLines(link.logged)).toEqual([
      'sent RQ',
      'acked RQ',
      'status ST 01',
      'discarded RS 00',
      'answer RS 00',
      'outcome 00 answered',
    ]);
    expect(link.logged.every((entry) => entry.ecrRef === saleRequest().ecrRef && entry.txnType === '00')).toBe(true);
    const text = JSON.stringify(link.logged);
    expect(text).not.toContain(CARD_NO);
    expect(text).not.toContain(CARD_NO.slice(0, 6));
    expect(text).not.toContain(SLIP.split('\n')[0]);
  });
});

describe('TerminalLink, one request in flight', () => {
  it('refuses a second transact at once while one is in flight, and takes the next one after the outcome', async () => {
    const terminal = await startTerminal();
    const link = linkTo(terminal);
    terminal.script(
      async (ecr) => {
        const request = await ecr.receiveRequest();
        expect(link.busy).toBe(true);
        await expect(link.transact(saleRequest({ ecrRef: 'second' }))).rejects.toBeInstanceOf(TerminalBusyError);
        await ecr.send({ kind: 'RS', response: responseTo(request) });
      },
      async (ecr) => {
        const request = await ecr.receiveRequest();
        await ecr.send({ kind: 'RS', response: responseTo(request) });
      },
    );

    expect(await link.transact(saleRequest())).toMatchObject({ kind: 'answered' });
    expect(await link.transact(saleRequest({ ecrRef: 'third' }))).toMatchObject({ kind: 'answered' });
    await terminal.finished();
    expect(terminal.connectionCount).toBe(2);
  });

  it('rejects a request the codec cannot encode before connecting, and stays free', async () => {
    const terminal = await startTerminal();
    const link = linkTo(terminal);
    await expect(link.transact(saleRequest({ posId: '' }))).rejects.toBeInstanceOf(MisposCodecError);
    expect(link.busy).toBe(false);
  });

  it('on close() stops waiting (unknown, with a CN on the way out) and refuses later requests', async () => {
    const terminal = await startTerminal();
    const link = linkTo(terminal);
    terminal.script(async (ecr) => {
      await ecr.receiveRequest();
      link.close();
      await ecr.receive('CN', 'none');
      await ecr.expectNext('closed');
    });

    const outcome = await link.transact(saleRequest());
    await terminal.finished();

    expect(outcome).toMatchObject({ kind: 'unknown', reason: 'aborted' });
    await expect(link.transact(saleRequest())).rejects.toBeInstanceOf(TerminalLinkClosedError);
  });
});

describe('TerminalLink, cancel', () => {
  it('sends CN while the terminal waits for the card, and resolves with its C0 answer', async () => {
    const terminal = await startTerminal(async (ecr) => {
      const request = await ecr.receiveRequest();
      await ecr.send({ kind: 'ST', status: standardStatus('01') });
      await ecr.receive('CN');
      await ecr.send({ kind: 'RS', response: responseTo(request, { respCode: 'C0', cardNo: '', slip: '' }) });
    });
    const link = linkTo(terminal);

    const outcome = await link.transact(saleRequest(), { onStatus: () => link.cancel() });
    await terminal.finished();

    expect(outcome).toMatchObject({ kind: 'answered', response: { respCode: 'C0' } });
    expect(logLines(link.logged)).toContain('acked CN');
  });

  it('holds a cancel made before the request was ACKed until the ACK', async () => {
    const terminal = await startTerminal();
    const link = linkTo(terminal);
    terminal.script(async (ecr) => {
      const request = await ecr.receiveRequest('none');
      expect(link.cancel()).toBe(true);
      ecr.ack();
      await ecr.receive('CN');
      await ecr.send({ kind: 'RS', response: responseTo(request, { respCode: 'C0', cardNo: '', slip: '' }) });
    });

    const outcome = await link.transact(saleRequest());
    await terminal.finished();

    expect(outcome).toMatchObject({ kind: 'answered', response: { respCode: 'C0' } });
    expect(logLines(link.logged).slice(0, 4)).toEqual(['sent RQ', 'acked RQ', 'sent CN', 'acked CN']);
  });

  it('does not end the transaction itself: a terminal past the PIN ignores CN and the RS decides', async () => {
    const terminal = await startTerminal(async (ecr) => {
      const request = await ecr.receiveRequest();
      await ecr.send({ kind: 'ST', status: standardStatus('03') });
      await ecr.receive('CN');
      await ecr.send({ kind: 'RS', response: responseTo(request) });
    });
    const link = linkTo(terminal);

    const outcome = await link.transact(saleRequest(), { onStatus: () => link.cancel() });
    await terminal.finished();

    expect(outcome).toMatchObject({ kind: 'answered', response: { respCode: '00' } });
  });

  it('before the request went out, does not send it at all (not-sent)', async () => {
    const terminal = await startTerminal(async (ecr) => {
      await ecr.expectNext('closed');
    });
    const link = linkTo(terminal);

    const pending = link.transact(saleRequest());
    expect(link.cancel()).toBe(true);

    expect(await pending).toMatchObject({ kind: 'not-sent', reason: 'cancelled' });
    expect(link.cancel()).toBe(false);
    await terminal.finished();
  });
});
