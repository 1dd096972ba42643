import net from 'node:net';
import { describe, expect, it } from 'vitest';
import { standardStatus } from '../index';
import { fakeTerminals, linkTo } from './link-fixtures.test-support';
import { responseTo, saleRequest } from './sample-messages.test-support';
import { TerminalLink } from './terminal-link';

const startTerminal = fakeTerminals();

async function closedPort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  if (address === null || typeof address === 'string') throw new Error('no port');
  return address.port;
}

describe('TerminalLink, not sent: provably never reached the terminal', () => {
  it('when nothing listens on the port', async () => {
    const link = new TerminalLink({ host: '127.0.0.1', port: await closedPort() });
    const outcome = await link.transact(saleRequest());
    expect(outcome).toMatchObject({ kind: 'not-sent', reason: 'connect-failed', detail: /ECONNREFUSED/ });
    expect(link.busy).toBe(false);
  });

  it('when no connection is made within connectTimeoutMs', async () => {
    // 192.0.2.0/24 is reserved for documentation and never routed: the attempt hangs or fails at once.
    const link = new TerminalLink({ host: '192.0.2.1', port: 9100, connectTimeoutMs: 30 });
    expect(await link.transact(saleRequest())).toMatchObject({ kind: 'not-sent', reason: 'connect-failed' });
  });

  it('when the terminal NAKs the request frame three times', async () => {
    const terminal = await startTerminal(async (ecr) => {
      for (let copy = 0; copy < 3; copy++) await ecr.receiveRequest('nak');
      await ecr.expectNext('closed');
    });
    const outcome = await linkTo(terminal).transact(saleRequest());
    await terminal.finished();
    expect(outcome).toMatchObject({ kind: 'not-sent', reason: 'frame-refused' });
  });

  it('when the signal had fired before the call', async () => {
    const terminal = await startTerminal();
    const outcome = await linkTo(terminal).transact(saleRequest(), { signal: AbortSignal.abort() });
    expect(outcome).toMatchObject({ kind: 'not-sent', reason: 'aborted' });
    expect(terminal.connectionCount).toBe(0);
  });
});

describe('TerminalLink, unknown: may have reached the bank, query by ecrRef', () => {
  it('when the request is never ACKed (and never resent), sending CN on the way out', async () => {
    const terminal = await startTerminal(async (ecr) => {
      await ecr.receiveRequest('none');
      await ecr.receive('CN', 'none');
      await ecr.expectNext('closed');
    });
    const outcome = await linkTo(terminal, { ackTimeoutMs: 30 }).transact(saleRequest());
    await terminal.finished();
    expect(outcome).toMatchObject({ kind: 'unknown', reason: 'no-ack' });
  });

  it('when the terminal closes the connection after the ACK', async () => {
    const terminal = await startTerminal(async (ecr) => {
      await ecr.receiveRequest();
      ecr.hangUp();
    });
    const outcome = await linkTo(terminal).transact(saleRequest());
    await terminal.finished();
    expect(outcome).toMatchObject({ kind: 'unknown', reason: 'connection-lost' });
  });

  it('when the connection closes after a NAKed copy was resent: the resent copy may have arrived', async () => {
    const terminal = await startTerminal(async (ecr) => {
      await ecr.receiveRequest('nak');
      await ecr.receiveRequest('none');
      ecr.hangUp();
    });
    const outcome = await linkTo(terminal).transact(saleRequest());
    await terminal.finished();
    expect(outcome).toMatchObject({ kind: 'unknown', reason: 'connection-lost' });
  });

  it('when no answer comes within answerTimeoutMs of the ACK, sending CN on the way out', async () => {
    const terminal = await startTerminal(async (ecr) => {
      await ecr.receiveRequest();
      await ecr.receive('CN', 'none');
      await ecr.expectNext('closed');
    });
    const outcome = await linkTo(terminal, { answerTimeoutMs: 50 }).transact(saleRequest());
    await terminal.finished();
    expect(outcome).toMatchObject({ kind: 'unknown', reason: 'no-answer', detail: /50 ms/ });
  });

  it("when no answer comes within the request's own answer timeout, shorter than the link's", async () => {
    const terminal = await startTerminal(async (ecr) => {
      await ecr.receiveRequest();
      await ecr.receive('CN', 'none');
      await ecr.expectNext('closed');
    });
    const outcome = await linkTo(terminal, { answerTimeoutMs: 60_000 }).transact(saleRequest(), {
      answerTimeoutMs: 50,
    });
    await terminal.finished();
    expect(outcome).toMatchObject({ kind: 'unknown', reason: 'no-answer', detail: /50 ms/ });
  });

  it('when only garbled or mis-echoed answers come before the answer timeout', async () => {
    const terminal = await startTerminal(async (ecr) => {
      const request = await ecr.receiveRequest();
      const misEchoed = responseTo(request, { nonce: (request.nonce + 1) % 1000 });
      expect(await ecr.send({ kind: 'RS', response: misEchoed })).toBe('ack');
      expect(await ecr.send({ kind: 'RS', response: misEchoed })).toBe('ack');
      await ecr.receive('CN', 'none');
    });
    // Room for both answers to arrive before the timeout, even on a loaded machine.
    const outcome = await linkTo(terminal, { answerTimeoutMs: 300 }).transact(saleRequest());
    await terminal.finished();
    expect(outcome).toMatchObject({ kind: 'unknown', reason: 'no-answer', detail: /2 garbled or mis-echoed/ });
  });

  it('when the signal fires after the request went out, sending CN on the way out', async () => {
    const controller = new AbortController();
    const terminal = await startTerminal(async (ecr) => {
      await ecr.receiveRequest();
      await ecr.send({ kind: 'ST', status: standardStatus('01') });
      await ecr.receive('CN', 'none');
      await ecr.expectNext('closed');
    });
    const outcome = await linkTo(terminal).transact(saleRequest(), {
      signal: controller.signal,
      onStatus: () => controller.abort(),
    });
    await terminal.finished();
    expect(outcome).toMatchObject({ kind: 'unknown', reason: 'aborted' });
  });
});
