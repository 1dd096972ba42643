import type { Socket } from 'node:net';
import { ACK, encodeFrame, FrameReader, NAK, type FrameEvent } from '../../mispos';

export interface EcrLinkOptions {
  readonly ackTimeoutMs: number;
  /** How long a frame may stay half-received before it is NAKed. */
  readonly partialFrameTimeoutMs: number;
  /** Whether to NAK this good frame anyway (the NAK-storm fault). */
  readonly nakAnyway: () => boolean;
  readonly onFrame: (body: Buffer, link: EcrLink) => void;
}

type Reply = 'ack' | 'nak' | 'timeout' | 'closed';

/** Sends: the first try and at most 2 more after a NAK (or no ACK), then the link has failed. */
const MAX_SENDS = 3;

/** One ECR connection, framed: ACK/NAK for what arrives, send-and-wait-for-ACK for what goes out, in order. */
export class EcrLink {
  private readonly reader = new FrameReader();
  private queue: Promise<unknown> = Promise.resolve();
  private awaitingReply: ((reply: Reply) => void) | null = null;
  private partialFrameTimer: NodeJS.Timeout | null = null;
  private closed = false;

  constructor(
    private readonly socket: Socket,
    private readonly options: EcrLinkOptions,
  ) {
    socket.on('data', (chunk) => this.receive(chunk));
    socket.on('error', () => socket.destroy());
    socket.on('close', () => {
      this.closed = true;
      this.clearPartialFrameTimer();
      this.awaitingReply?.('closed');
    });
  }

  get isOpen(): boolean {
    return !this.closed;
  }

  /**
   * Queues `body` as a frame; resolves true once ACKed. `corruptFirstTry` spoils the LRC of the first transmission
   * only (the garbled-frame fault), so a NAK from the ECR brings the good frame.
   */
  send(body: Buffer, corruptFirstTry = false): Promise<boolean> {
    const sent = this.queue.then(() => this.transmit(body, corruptFirstTry));
    this.queue = sent;
    return sent;
  }

  destroy(): void {
    this.socket.destroy();
  }

  /** Resolves after `ms`, or as soon as the connection closes. */
  pause(ms: number): Promise<void> {
    return new Promise((resolve) => {
      if (this.closed) return resolve();
      const done = () => {
        clearTimeout(timer);
        this.socket.off('close', done);
        resolve();
      };
      const timer = setTimeout(done, ms);
      this.socket.once('close', done);
    });
  }

  private async transmit(body: Buffer, corruptFirstTry: boolean): Promise<boolean> {
    const frame = encodeFrame(body);
    for (let attempt = 0; attempt < MAX_SENDS; attempt++) {
      if (this.closed) return false;
      const bytes = attempt === 0 && corruptFirstTry ? withBadLrc(frame) : frame;
      const reply = await this.writeAndAwaitReply(bytes);
      if (reply === 'ack') return true;
      if (reply === 'closed') return false;
    }
    this.destroy();
    return false;
  }

  private writeAndAwaitReply(bytes: Buffer): Promise<Reply> {
    return new Promise((resolve) => {
      const timer = setTimeout(() => settle('timeout'), this.options.ackTimeoutMs);
      const settle = (reply: Reply) => {
        clearTimeout(timer);
        this.awaitingReply = null;
        resolve(reply);
      };
      this.awaitingReply = settle;
      this.socket.write(bytes);
    });
  }

  private receive(chunk: Buffer): void {
    this.clearPartialFrameTimer();
    for (const event of this.reader.push(chunk)) this.handle(event);
    if (this.reader.hasPartialFrame) {
      this.partialFrameTimer = setTimeout(() => {
        for (const event of this.reader.abandonPartialFrame()) this.handle(event);
      }, this.options.partialFrameTimeoutMs);
    }
  }

  private handle(event: FrameEvent): void {
    switch (event.type) {
      case 'ack':
      case 'nak':
        this.awaitingReply?.(event.type);
        return;
      case 'bad-frame':
        this.writeByte(NAK);
        return;
      case 'frame':
        if (this.options.nakAnyway()) {
          this.writeByte(NAK);
          return;
        }
        this.writeByte(ACK);
        this.options.onFrame(event.body, this);
    }
  }

  private writeByte(byte: number): void {
    if (!this.closed) this.socket.write(Buffer.of(byte));
  }

  private clearPartialFrameTimer(): void {
    if (this.partialFrameTimer) clearTimeout(this.partialFrameTimer);
    this.partialFrameTimer = null;
  }
}

function withBadLrc(frame: Buffer): Buffer {
  const spoiled = Buffer.from(frame);
  spoiled[spoiled.length - 1] = (spoiled[spoiled.length - 1] ?? 0) ^ 0xff;
  return spoiled;
}
