import { ACK, ETX, LEN_DIGITS, lrc, NAK, STX } from './frame';

export type BadFrameReason = 'length-not-digits' | 'etx-missing' | 'lrc-mismatch' | 'incomplete';

export type FrameEvent =
  | { type: 'frame'; body: Buffer }
  | { type: 'ack' }
  | { type: 'nak' }
  | { type: 'bad-frame'; reason: BadFrameReason; bytes: Buffer };

type Inspection =
  | { status: 'incomplete' }
  | { status: 'good'; body: Buffer; frameBytes: number }
  | { status: 'bad'; reason: BadFrameReason; frameBytes: number };

const isDigit = (byte: number | undefined): boolean => byte !== undefined && byte >= 0x30 && byte <= 0x39;

/** What the bytes from the STX at `start` amount to so far. */
function inspectFrame(bytes: Buffer, start: number): Inspection {
  const lenEnd = start + 1 + LEN_DIGITS;
  for (let index = start + 1; index < Math.min(lenEnd, bytes.length); index++) {
    if (!isDigit(bytes[index])) return { status: 'bad', reason: 'length-not-digits', frameBytes: index - start };
  }
  if (bytes.length < lenEnd) return { status: 'incomplete' };
  const etxAt = lenEnd + Number(bytes.toString('latin1', start + 1, lenEnd));
  const lrcAt = etxAt + 1;
  if (bytes.length > etxAt && bytes[etxAt] !== ETX) {
    return { status: 'bad', reason: 'etx-missing', frameBytes: etxAt + 1 - start };
  }
  if (bytes.length <= lrcAt) return { status: 'incomplete' };
  const frameBytes = lrcAt + 1 - start;
  if (lrc(bytes.subarray(start + 1, lrcAt)) !== bytes[lrcAt])
    return { status: 'bad', reason: 'lrc-mismatch', frameBytes };
  return { status: 'good', body: Buffer.from(bytes.subarray(lenEnd, etxAt)), frameBytes };
}

/**
 * Turns a received byte stream into frames and single ACK/NAK bytes, whatever the chunking. Answer each `frame` with
 * ACK and each `bad-frame` with NAK. Bytes outside frames, except ACK and NAK, are dropped. After a bad frame other
 * than a wrong LRC, reading restarts just after its STX, as if it were noise, so a frame begun inside garbage is found.
 */
export class FrameReader {
  private pending = Buffer.alloc(0);

  push(chunk: Uint8Array): FrameEvent[] {
    this.pending = Buffer.concat([this.pending, chunk]);
    return this.drain();
  }

  /** Whether the start of a frame has arrived but not its end. */
  get hasPartialFrame(): boolean {
    return this.pending.length > 0;
  }

  /**
   * For the caller's timeout: gives up the partial frame (reported as `incomplete`, so the caller may NAK it) and
   * reads again what arrived after its STX. Without it, a LEN claiming too much holds up at most 10,006 bytes.
   */
  abandonPartialFrame(): FrameEvent[] {
    if (!this.hasPartialFrame) return [];
    const abandoned: FrameEvent = { type: 'bad-frame', reason: 'incomplete', bytes: Buffer.from(this.pending) };
    this.consume(1);
    return [abandoned, ...this.drain()];
  }

  private drain(): FrameEvent[] {
    const events: FrameEvent[] = [];
    for (;;) {
      this.skipToStx(events);
      if (this.pending.length === 0) return events;
      const inspection = inspectFrame(this.pending, 0);
      if (inspection.status === 'incomplete') {
        // Our bodies are GBK text and never hold an STX, so a whole good frame inside means this start was noise.
        if (!this.holdsGoodFrameAfterStart()) return events;
        this.consume(1);
      } else if (inspection.status === 'good') {
        events.push({ type: 'frame', body: inspection.body });
        this.consume(inspection.frameBytes);
      } else {
        const bytes = Buffer.from(this.pending.subarray(0, inspection.frameBytes));
        events.push({ type: 'bad-frame', reason: inspection.reason, bytes });
        // LEN and ETX in place make it a real frame, damaged: its bytes (the LRC above all) hide no STX, ACK or NAK.
        this.consume(inspection.reason === 'lrc-mismatch' ? inspection.frameBytes : 1);
      }
    }
  }

  private skipToStx(events: FrameEvent[]): void {
    let index = 0;
    for (; index < this.pending.length && this.pending[index] !== STX; index++) {
      if (this.pending[index] === ACK) events.push({ type: 'ack' });
      if (this.pending[index] === NAK) events.push({ type: 'nak' });
    }
    this.consume(index);
  }

  private holdsGoodFrameAfterStart(): boolean {
    for (let start = this.pending.indexOf(STX, 1); start !== -1; start = this.pending.indexOf(STX, start + 1)) {
      if (inspectFrame(this.pending, start).status === 'good') return true;
    }
    return false;
  }

  private consume(byteCount: number): void {
    this.pending = this.pending.subarray(byteCount);
  }
}
