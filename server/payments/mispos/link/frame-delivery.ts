/** `refused`: NAKed on every send; `no-ack`: a send met neither ACK nor NAK in time. */
export type DeliveryResult = 'acked' | 'refused' | 'no-ack';

/** The first send and the 2 resends the protocol allows after a NAK. */
export const MAX_SENDS = 3;

/**
 * One frame waiting for the peer's ACK. A NAK proves the peer dropped the copy, so it is resent; silence is not
 * resent, because the peer may hold the first copy and would answer a second with `BY` echoing the same nonce.
 */
export class FrameDelivery {
  private sends = 0;
  private timer: NodeJS.Timeout | undefined;
  private settled = false;

  constructor(
    private readonly frame: Buffer,
    private readonly write: (frame: Buffer) => void,
    private readonly ackTimeoutMs: number,
    private readonly onSettled: (result: DeliveryResult, sends: number) => void,
  ) {}

  start(): void {
    this.send();
  }

  ack(): void {
    this.settle('acked');
  }

  nak(): void {
    if (this.settled) return;
    if (this.sends < MAX_SENDS) this.send();
    else this.settle('refused');
  }

  /** Stops waiting without reporting a result. */
  dispose(): void {
    this.settled = true;
    clearTimeout(this.timer);
  }

  private send(): void {
    clearTimeout(this.timer);
    this.sends++;
    this.write(this.frame);
    this.timer = setTimeout(() => this.settle('no-ack'), this.ackTimeoutMs);
  }

  private settle(result: DeliveryResult): void {
    if (this.settled) return;
    this.dispose();
    this.onSettled(result, this.sends);
  }
}
