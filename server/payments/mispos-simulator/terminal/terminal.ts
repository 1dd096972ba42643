import {
  decodeMessage,
  encodeResponse,
  encodeStatus,
  MisposCodecError,
  standardStatus,
  type MisposRequest,
  type MisposResponse,
} from '../../mispos';
import { LOST_ANSWER_ENDING } from '../bank/test-cards';
import type { EcrLink } from './ecr-link';
import { isApproval } from './host-exchange';
import { blankResponse } from './responses';
import { runTransaction } from './run-transaction';
import { TransactionContext, type TerminalParts, type TransactionOutcome } from './transaction-context';

const QUERY: MisposRequest['txnType'] = '20';

/** The ECR-facing terminal: one transaction at a time, answers remembered by ecrRef, faults applied on the way out. */
export class Terminal {
  private inFlight: { body: Buffer; context: TransactionContext } | null = null;
  private lastAnswered: { body: Buffer; response: MisposResponse } | null = null;

  constructor(
    private readonly parts: TerminalParts,
    private readonly log: (line: string) => void,
  ) {}

  onFrame(body: Buffer, link: EcrLink): void {
    let message;
    try {
      message = decodeMessage(body);
    } catch (error) {
      // ACKed as a frame, but without a readable request there is nothing to echo an answer to.
      if (error instanceof MisposCodecError) this.log(`unreadable body from the ECR: ${error.message}`);
      else throw error;
      return;
    }
    if (message.kind === 'CN') {
      const cancelled = this.inFlight?.context.cancel() ?? false;
      this.log(cancelled ? 'cancelled by the ECR' : 'cancel ignored: nothing waiting for card or PIN');
    } else if (message.kind === 'RQ') {
      this.onRequest(message.request, body, link);
    }
  }

  private onRequest(request: MisposRequest, body: Buffer, link: EcrLink): void {
    const { state, config, faults } = this.parts;
    // The same frame again (the ECR missed our ACK): not a second request, so neither BY nor a second run.
    if (this.inFlight?.body.equals(body)) return;
    if (this.lastAnswered?.body.equals(body)) {
      void link.send(encodeResponse(this.lastAnswered.response));
      return;
    }
    const query = request.txnType === QUERY;
    if (this.inFlight || faults.take('busy') || (query && faults.take('queryBusy'))) {
      void link.send(encodeResponse(blankResponse(config, state.batchNo, request, 'BY')));
      return;
    }
    if (query && faults.take('queryUnanswered')) {
      this.log(`query ${request.ecrRef} ACKed and left unanswered`);
      return;
    }
    const known = query ? null : state.answerTo(request.ecrRef);
    if (known && isApproval(known.respCode)) {
      // An ecrRef is an idempotency key: a repeated request gets the first approval, never a second charge.
      const code = known.txnType === request.txnType ? known.respCode : '94';
      const replay = code === '94' ? blankResponse(config, state.batchNo, request, code) : known;
      void link.send(encodeResponse({ ...replay, nonce: request.nonce }));
      return;
    }
    void this.run(request, body, link);
  }

  private async run(request: MisposRequest, body: Buffer, link: EcrLink): Promise<void> {
    const { state } = this.parts;
    const context = new TransactionContext(request, this.parts, (code) => {
      if (link.isOpen) void link.send(encodeStatus(standardStatus(code)));
    });
    this.inFlight = { body, context };
    let outcome: TransactionOutcome;
    try {
      outcome = await runTransaction(context);
    } catch (error) {
      this.log(`transaction failed: ${error instanceof Error ? error.stack : String(error)}`);
      outcome = { response: context.answer('96'), approvedByHost: false };
    } finally {
      this.inFlight = null;
    }
    const { response } = outcome;
    if (request.txnType !== QUERY) state.remember(request.ecrRef, context.batchNo, response);
    this.lastAnswered = { body, response };
    this.log(`${request.txnType} ${request.ecrRef} → ${response.respCode} ${response.cardNo}`);
    try {
      await this.deliver(link, request, outcome);
    } catch (error) {
      this.log(`answer not sent: ${error instanceof Error ? error.message : String(error)}`);
      link.destroy();
    }
  }

  /** The answer, unless a fault loses, holds or spoils it on the way to the ECR. */
  private async deliver(link: EcrLink, request: MisposRequest, outcome: TransactionOutcome): Promise<void> {
    const { faults } = this.parts;
    const response = this.misstatedAmount(outcome.response);
    const losesAnswer =
      outcome.approvedByHost &&
      (request.amountFen % 100 === LOST_ANSWER_ENDING || faults.take('dropConnection') !== null);
    if (losesAnswer) {
      this.log('dropping the ECR connection instead of answering');
      link.destroy();
      return;
    }
    const heldMs = outcome.approvedByHost ? (faults.take('answerDelay')?.ms ?? 0) : 0;
    if (heldMs > 0) {
      this.log(`holding the answer ${heldMs} ms`);
      await link.pause(heldMs);
    }
    if (!link.isOpen) return;
    const garbled = faults.take('garbledResponse');
    if (garbled?.mode === 'echo') {
      await link.send(encodeResponse({ ...response, nonce: (response.nonce + 1) % 1000 }));
    } else if (garbled?.mode === 'body') {
      await link.send(encodeResponse(response).subarray(0, -1));
    } else {
      await link.send(encodeResponse(response), garbled?.mode === 'lrc');
    }
  }

  /** An approval whose amount is wrong on the way to the ECR only: the bank, journal and queries keep the true one. */
  private misstatedAmount(response: MisposResponse): MisposResponse {
    const { faults } = this.parts;
    if (response.respCode !== '00' || response.amountFen <= 0 || response.txnType === '03') return response;
    const over = faults.take('overApproval');
    if (over) return { ...response, amountFen: response.amountFen + over.fen };
    const under = faults.take('underApproval');
    if (under) return { ...response, amountFen: Math.max(1, response.amountFen - under.fen) };
    return response;
  }

  snapshot() {
    const current = this.inFlight?.context;
    return current ? { txnType: current.request.txnType, ecrRef: current.request.ecrRef, phase: current.phase } : null;
  }
}
