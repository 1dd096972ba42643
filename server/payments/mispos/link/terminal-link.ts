import { randomInt } from 'node:crypto';
import type { MisposStatus } from '../index';
import { TerminalBusyError, TerminalLinkClosedError } from './link-errors';
import type { LinkLog } from './link-log';
import type { LinkRequest } from './link-request';
import type { TransactOutcome } from './transact-outcome';
import { TransactionSession, type SessionSettings } from './transaction-session';

export interface TerminalLinkOptions {
  readonly host: string;
  readonly port: number;
  /** How long the terminal may take to ACK a frame; also how long a frame it started may take to arrive whole. */
  readonly ackTimeoutMs?: number;
  /** From the ACK of the request to its RS: covers the customer at the card reader and PIN pad, and the bank. */
  readonly answerTimeoutMs?: number;
  readonly connectTimeoutMs?: number;
  readonly log?: LinkLog;
}

export interface TransactOptions {
  /** Each `ST` the terminal sends, for the cashier's display; repeats of the same frame are passed on once. */
  readonly onStatus?: (status: MisposStatus) => void;
  /** Stops waiting: `not-sent` if no byte had been written yet, else `unknown` (a CN goes out first). */
  readonly signal?: AbortSignal;
  /** This request's own wait for its answer, e.g. a query's, which no customer at the PIN pad holds up. */
  readonly answerTimeoutMs?: number;
}

const NONCES = 1000;

/**
 * The ECR's side of the link to one lane terminal. Each `transact` opens its own TCP connection and closes it with
 * the outcome: a terminal that is off or unreachable then shows as `not-sent` at connect, rather than as `unknown`
 * after writing into a dead kept-alive socket, and no late frame of an abandoned request can reach the next one.
 */
export class TerminalLink {
  private readonly settings: Omit<SessionSettings, 'onStatus'>;
  private inFlight: TransactionSession | undefined;
  private closed = false;

  constructor(options: TerminalLinkOptions) {
    this.settings = {
      host: options.host,
      port: options.port,
      ackTimeoutMs: options.ackTimeoutMs ?? 2_000,
      answerTimeoutMs: options.answerTimeoutMs ?? 90_000,
      connectTimeoutMs: options.connectTimeoutMs ?? 3_000,
      log: options.log ?? (() => {}),
    };
  }

  get busy(): boolean {
    return this.inFlight !== undefined;
  }

  /**
   * Sends one request with a fresh nonce and resolves with its outcome; it rejects only for a caller's mistake: a
   * request in flight already (`TerminalBusyError`, nothing is queued), a closed link, or an unencodable request.
   * The link resends a frame only after a NAK; whether to send a `not-sent` request again is the caller's choice.
   */
  async transact(request: LinkRequest, options: TransactOptions = {}): Promise<TransactOutcome> {
    if (this.closed) throw new TerminalLinkClosedError();
    if (this.inFlight) throw new TerminalBusyError(this.inFlight.request.ecrRef);
    const { onStatus = () => {}, signal, answerTimeoutMs = this.settings.answerTimeoutMs } = options;
    if (signal?.aborted) return { kind: 'not-sent', reason: 'aborted', detail: 'aborted before sending' };
    const session = new TransactionSession(
      { ...request, nonce: randomInt(NONCES) },
      {
        ...this.settings,
        answerTimeoutMs,
        onStatus,
      },
    );
    const abort = () => session.abort('aborted by the caller');
    this.inFlight = session;
    signal?.addEventListener('abort', abort, { once: true });
    try {
      return await session.run();
    } finally {
      signal?.removeEventListener('abort', abort);
      this.inFlight = undefined;
    }
  }

  /**
   * Asks the terminal to cancel the request in flight (CN). It honours that only while waiting for card or PIN,
   * and answers `C0`; the RS still ends the transaction, whatever it says. Before the request went out, it is not
   * sent at all. Returns whether a request was in flight.
   */
  cancel(): boolean {
    this.inFlight?.cancel();
    return this.inFlight !== undefined;
  }

  /** Refuses further requests and stops waiting for the one in flight, as an abort would. */
  close(): void {
    this.closed = true;
    this.inFlight?.abort('the terminal link was closed');
  }
}
