import net from 'node:net';
import {
  ACK,
  answers,
  decodeMessage,
  encodeCancel,
  encodeFrame,
  encodeRequest,
  FrameReader,
  MisposCodecError,
  NAK,
  type FrameEvent,
  type MessageKind,
  type MisposMessage,
  type MisposRequest,
  type MisposStatus,
} from '../index';
import { FrameDelivery, type DeliveryResult } from './frame-delivery';
import type { LinkLog, LinkLogEntry } from './link-log';
import type { NotSentReason, TransactOutcome, UnknownReason } from './transact-outcome';

export interface SessionSettings {
  readonly host: string;
  readonly port: number;
  readonly connectTimeoutMs: number;
  readonly ackTimeoutMs: number;
  readonly answerTimeoutMs: number;
  readonly log: LinkLog;
  readonly onStatus: (status: MisposStatus) => void;
}

/** `connecting`: not a byte written; `sending`: the RQ written, its ACK awaited; `waiting`: the RS awaited. */
type Phase = 'connecting' | 'sending' | 'waiting' | 'done';

interface OutgoingFrame {
  readonly kind: MessageKind;
  readonly delivery: FrameDelivery;
}

const CANCEL_FRAME = encodeFrame(encodeCancel());

const notSent = (reason: NotSentReason, detail: string): TransactOutcome => ({ kind: 'not-sent', reason, detail });

/** One request over a TCP connection of its own, from connecting to the outcome. */
export class TransactionSession {
  private phase: Phase = 'connecting';
  private socket: net.Socket | undefined;
  private readonly reader = new FrameReader();
  private readonly requestFrame: Buffer;
  private outgoing: OutgoingFrame | undefined;
  private cancelAfterAck = false;
  private lastStatusBody: Buffer | undefined;
  private discardedFrames = 0;
  private socketError: string | undefined;
  private connectTimer: NodeJS.Timeout | undefined;
  private answerTimer: NodeJS.Timeout | undefined;
  private partialFrameTimer: NodeJS.Timeout | undefined;
  private resolve: ((outcome: TransactOutcome) => void) | undefined;

  /** Encodes the request at once, so an invalid one throws before anything is sent. */
  constructor(
    readonly request: MisposRequest,
    private readonly settings: SessionSettings,
  ) {
    this.requestFrame = encodeFrame(encodeRequest(request));
  }

  run(): Promise<TransactOutcome> {
    return new Promise((resolve) => {
      this.resolve = resolve;
      const { host, port, connectTimeoutMs } = this.settings;
      // Frames are small and every one waits for a one-byte ACK: Nagle's algorithm would only add delay.
      const socket = net.connect({ host, port, noDelay: true });
      this.socket = socket;
      this.connectTimer = setTimeout(
        () => this.finish(notSent('connect-failed', `no connection to ${host}:${port} within ${connectTimeoutMs} ms`)),
        connectTimeoutMs,
      );
      socket.once('connect', () => this.onConnect());
      socket.on('data', (chunk: Buffer) => this.onData(chunk));
      socket.on('error', (error) => (this.socketError = error.message));
      socket.once('close', () => this.onClose());
    });
  }

  cancel(): void {
    if (this.phase === 'connecting') this.finish(notSent('cancelled', 'cancelled before the request was sent'));
    else if (this.phase === 'sending') this.cancelAfterAck = true;
    else if (this.phase === 'waiting') this.sendCancel();
  }

  abort(detail: string): void {
    if (this.phase === 'connecting') this.finish(notSent('aborted', detail));
    else this.giveUp('aborted', detail);
  }

  private onConnect(): void {
    if (this.phase !== 'connecting') return;
    clearTimeout(this.connectTimer);
    this.phase = 'sending';
    this.outgoing = this.deliver('RQ', this.requestFrame, (result, sends) => this.onRequestSettled(result, sends));
  }

  private onRequestSettled(result: DeliveryResult, sends: number): void {
    this.outgoing = undefined;
    const { ackTimeoutMs, answerTimeoutMs } = this.settings;
    if (result === 'refused') {
      this.finish(notSent('frame-refused', `the terminal NAKed all ${sends} copies of the request frame`));
    } else if (result === 'no-ack') {
      this.log({ event: 'no-ack', messageKind: 'RQ' });
      this.giveUp('no-ack', `no ACK within ${ackTimeoutMs} ms of sending the request`);
    } else {
      this.phase = 'waiting';
      this.answerTimer = setTimeout(() => this.giveUp('no-answer', this.noAnswerDetail()), answerTimeoutMs);
      if (this.cancelAfterAck) this.sendCancel();
    }
  }

  private sendCancel(): void {
    if (this.outgoing) return;
    this.outgoing = this.deliver('CN', CANCEL_FRAME, (result) => {
      this.outgoing = undefined;
      if (result === 'no-ack') this.log({ event: 'no-ack', messageKind: 'CN' });
      if (result === 'refused') this.log({ event: 'discarded', messageKind: 'CN', note: 'cancel refused three times' });
    });
  }

  private deliver(
    kind: MessageKind,
    frame: Buffer,
    onSettled: (result: DeliveryResult, sends: number) => void,
  ): OutgoingFrame {
    const write = (bytes: Buffer) => {
      this.log({ event: 'sent', messageKind: kind });
      this.write(bytes);
    };
    const delivery = new FrameDelivery(frame, write, this.settings.ackTimeoutMs, onSettled);
    delivery.start();
    return { kind, delivery };
  }

  private onData(chunk: Buffer): void {
    if (this.phase === 'done') return;
    this.handle(this.reader.push(chunk));
  }

  private handle(events: FrameEvent[]): void {
    for (const event of events) {
      if (this.phase === 'done') return;
      if (event.type === 'ack' || event.type === 'nak') {
        this.onAckOrNak(event.type);
      } else if (event.type === 'bad-frame') {
        this.write(Buffer.of(NAK));
        this.log({ event: 'bad-frame', note: event.reason });
      } else {
        this.write(Buffer.of(ACK));
        this.onFrame(event.body);
      }
    }
    this.watchPartialFrame(events);
  }

  private onAckOrNak(type: 'ack' | 'nak'): void {
    const outgoing = this.outgoing;
    if (!outgoing) {
      this.log({ event: 'stray-byte', note: type.toUpperCase() });
    } else if (type === 'ack') {
      this.log({ event: 'acked', messageKind: outgoing.kind });
      outgoing.delivery.ack();
    } else {
      this.log({ event: 'naked', messageKind: outgoing.kind });
      outgoing.delivery.nak();
    }
  }

  /** A frame begun but never ended is given up after ackTimeoutMs and NAKed, so the terminal resends it. */
  private watchPartialFrame(events: FrameEvent[]): void {
    const frameEnded = events.some((event) => event.type === 'frame' || event.type === 'bad-frame');
    if (frameEnded || !this.reader.hasPartialFrame) {
      clearTimeout(this.partialFrameTimer);
      this.partialFrameTimer = undefined;
    }
    if (this.phase === 'done' || !this.reader.hasPartialFrame || this.partialFrameTimer) return;
    this.partialFrameTimer = setTimeout(() => {
      this.partialFrameTimer = undefined;
      this.handle(this.reader.abandonPartialFrame());
    }, this.settings.ackTimeoutMs);
  }

  private onFrame(body: Buffer): void {
    const message = this.decode(body);
    if (!message) return;
    if (message.kind === 'ST') {
      this.onStatus(body, message.status);
    } else if (message.kind !== 'RS') {
      this.discard({ messageKind: message.kind, note: 'not a message a terminal sends' });
    } else if (!answers(this.request, message.response)) {
      this.discard({ messageKind: 'RS', respCode: message.response.respCode, note: 'echoes another request' });
    } else {
      this.log({ event: 'answer', messageKind: 'RS', respCode: message.response.respCode });
      this.finish({ kind: 'answered', response: message.response });
    }
  }

  private decode(body: Buffer): MisposMessage | undefined {
    try {
      return decodeMessage(body);
    } catch (error) {
      if (!(error instanceof MisposCodecError)) throw error;
      // The field name only: the problem text may quote the received value.
      this.discard({ note: `undecodable: ${error.field}` });
      return undefined;
    }
  }

  private discard(entry: Omit<LinkLogEntry, 'event' | 'txnType' | 'ecrRef'>): void {
    this.discardedFrames++;
    this.log({ event: 'discarded', ...entry });
  }

  private onStatus(body: Buffer, status: MisposStatus): void {
    // A terminal that missed our ACK sends the frame again; the cashier needs to see it once.
    if (this.lastStatusBody?.equals(body)) return;
    this.lastStatusBody = body;
    this.log({ event: 'status', messageKind: 'ST', statusCode: status.code });
    try {
      this.settings.onStatus(status);
    } catch (error) {
      this.log({ event: 'status', statusCode: status.code, note: `onStatus threw: ${String(error)}` });
    }
  }

  private onClose(): void {
    const cause = this.socketError ?? 'closed by the terminal';
    if (this.phase === 'connecting') this.finish(notSent('connect-failed', cause));
    else
      this.finish({ kind: 'unknown', reason: 'connection-lost', detail: `lost after the request was sent: ${cause}` });
  }

  private noAnswerDetail(): string {
    const discarded =
      this.discardedFrames > 0 ? `; ${this.discardedFrames} garbled or mis-echoed frame(s) discarded` : '';
    return `no answer within ${this.settings.answerTimeoutMs} ms of the ACK${discarded}`;
  }

  /** A CN on the way out stops a card presented after we stopped listening; a later query then finds `C0`. */
  private giveUp(reason: UnknownReason, detail: string): void {
    this.finish({ kind: 'unknown', reason, detail }, CANCEL_FRAME);
  }

  private finish(outcome: TransactOutcome, lastFrame?: Buffer): void {
    if (this.phase === 'done') return;
    const wroteRequest = this.phase !== 'connecting';
    this.phase = 'done';
    for (const timer of [this.connectTimer, this.answerTimer, this.partialFrameTimer]) clearTimeout(timer);
    this.outgoing?.delivery.dispose();
    this.outgoing = undefined;
    this.log(
      outcome.kind === 'answered'
        ? { event: 'outcome', note: outcome.kind, respCode: outcome.response.respCode }
        : { event: 'outcome', note: `${outcome.kind}: ${outcome.reason}` },
    );
    this.release(wroteRequest, lastFrame);
    this.resolve?.(outcome);
  }

  private release(graceful: boolean, lastFrame: Buffer | undefined): void {
    const socket = this.socket;
    if (!socket || socket.destroyed) return;
    if (!graceful) {
      socket.destroy();
      return;
    }
    if (lastFrame) socket.end(lastFrame);
    else socket.end();
    // end() flushes our last ACK or CN; a terminal that never closes its side must not hold the socket open.
    setTimeout(() => socket.destroy(), this.settings.ackTimeoutMs).unref();
  }

  private write(bytes: Buffer): void {
    if (this.socket?.writable) this.socket.write(bytes);
  }

  private log(entry: Omit<LinkLogEntry, 'txnType' | 'ecrRef'>): void {
    this.settings.log({ txnType: this.request.txnType, ecrRef: this.request.ecrRef, ...entry });
  }
}
