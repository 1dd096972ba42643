import { describe, expect, it } from 'vitest';
import { ACK, encodeFrame, ETX, NAK, STX } from './frame';
import { FrameReader, type FrameEvent } from './frame-reader';
import { bytes, hex } from './golden-hex.test-support';
import { encodeMessage } from './message';
import { RandomValues, seededRandom } from './random-messages.test-support';

const body = (text: string) => Buffer.from(text, 'latin1');
const frame = (text: string) => encodeFrame(body(text));
const frameEvent = (text: string): FrameEvent => ({ type: 'frame', body: body(text) });
const kinds = (events: FrameEvent[]) =>
  events.map((event) => (event.type === 'bad-frame' ? `bad:${event.reason}` : event.type));

function readAll(reader: FrameReader, chunks: Uint8Array[]): FrameEvent[] {
  return chunks.flatMap((chunk) => reader.push(chunk));
}

function splitEverywhere(stream: Buffer): Buffer[] {
  return [...stream].map((byte) => Buffer.of(byte));
}

describe('FrameReader', () => {
  it('reads a frame that arrives whole', () => {
    expect(new FrameReader().push(frame('CN'))).toEqual([frameEvent('CN')]);
  });

  it('reads a frame split into single bytes, reporting it only when its LRC arrives', () => {
    const reader = new FrameReader();
    const chunks = splitEverywhere(frame('RQhello'));
    for (const chunk of chunks.slice(0, -1)) expect(reader.push(chunk)).toEqual([]);
    expect(reader.hasPartialFrame).toBe(true);
    expect(reader.push(chunks.at(-1) ?? Buffer.alloc(0))).toEqual([frameEvent('RQhello')]);
    expect(reader.hasPartialFrame).toBe(false);
  });

  it('reads several frames and ACK/NAK bytes from one chunk, in order', () => {
    const stream = Buffer.concat([frame('ST01'), Buffer.of(ACK), frame('AB'), Buffer.of(NAK), frame('CN')]);
    const expected = [frameEvent('ST01'), { type: 'ack' }, frameEvent('AB'), { type: 'nak' }, frameEvent('CN')];
    expect(new FrameReader().push(stream)).toEqual(expected);
    expect(readAll(new FrameReader(), splitEverywhere(stream))).toEqual(expected);
  });

  it('does not take ACK/NAK bytes inside a body, or an LRC equal to STX, for anything but frame bytes', () => {
    const binary = encodeFrame(Buffer.of(ACK, NAK, STX, ETX));
    const stxLrc = frame('AB');
    expect(stxLrc.at(-1)).toBe(STX);
    const stream = Buffer.concat([binary, stxLrc, frame('CN')]);
    const expected = [{ type: 'frame', body: Buffer.of(ACK, NAK, STX, ETX) }, frameEvent('AB'), frameEvent('CN')];
    expect(new FrameReader().push(stream)).toEqual(expected);
    expect(readAll(new FrameReader(), splitEverywhere(stream))).toEqual(expected);
  });

  it('drops bytes outside frames', () => {
    const stream = Buffer.concat([
      body('noise'),
      Buffer.of(ETX, 0x00, 0xff),
      frame('CN'),
      body('0004\u0003'),
      frame('ST'),
    ]);
    expect(new FrameReader().push(stream)).toEqual([frameEvent('CN'), frameEvent('ST')]);
  });

  it('reports a wrong LRC and goes on after that frame', () => {
    const damaged = frame('RSdata');
    damaged[damaged.length - 1] = (damaged.at(-1) ?? 0) ^ 0xff;
    const events = new FrameReader().push(Buffer.concat([damaged, frame('CN')]));
    expect(events).toEqual([{ type: 'bad-frame', reason: 'lrc-mismatch', bytes: damaged }, frameEvent('CN')]);
  });

  it('does not take the wrong LRC of a damaged frame for an ACK, NAK or STX', () => {
    for (const lrcByte of [ACK, NAK, STX]) {
      const damaged = frame('CN');
      damaged[damaged.length - 1] = lrcByte;
      expect(kinds(new FrameReader().push(Buffer.concat([damaged, frame('ST'), Buffer.of(ACK)])))).toEqual([
        'bad:lrc-mismatch',
        'frame',
        'ack',
      ]);
    }
  });

  it('reports a damaged body (LRC no longer matching) and resynchronises', () => {
    const damaged = frame('ST01waiting');
    damaged[8] = 0x7e;
    expect(kinds(new FrameReader().push(Buffer.concat([damaged, frame('CN')])))).toEqual(['bad:lrc-mismatch', 'frame']);
  });

  it('reports a missing ETX as soon as the byte where LEN puts it arrives', () => {
    const reader = new FrameReader();
    // LEN says 2, but 3 body bytes follow: the byte after 2 body bytes is not ETX.
    expect(reader.push(bytes('02' + hex('0002') + hex('CNX')))).toEqual([
      { type: 'bad-frame', reason: 'etx-missing', bytes: bytes('02' + hex('0002') + hex('CNX')) },
    ]);
    expect(reader.hasPartialFrame).toBe(false);
    expect(reader.push(frame('CN'))).toEqual([frameEvent('CN')]);
  });

  it('reports a LEN that is not four digits, and still sees an ACK right after the stray STX', () => {
    const stream = Buffer.concat([bytes('02' + hex('00')), Buffer.of(ACK), frame('CN')]);
    expect(new FrameReader().push(stream)).toEqual([
      { type: 'bad-frame', reason: 'length-not-digits', bytes: bytes('02' + hex('00')) },
      { type: 'ack' },
      frameEvent('CN'),
    ]);
    expect(kinds(new FrameReader().push(bytes('02' + hex('00x1'))))).toEqual(['bad:length-not-digits']);
    expect(kinds(new FrameReader().push(bytes('02' + hex(' 001'))))).toEqual(['bad:length-not-digits']);
  });

  it('finds a good frame that starts inside garbage which held an STX', () => {
    // garbage STX "0003": LEN puts ETX on the real frame's LEN byte "4", so that frame is reported bad
    const garbage = bytes('02' + hex('0003'));
    const real = encodeFrame(body('ST01' + ' '.repeat(40)));
    const events = readAll(new FrameReader(), [Buffer.concat([body('xy'), garbage]), real]);
    expect(kinds(events)).toEqual(['bad:etx-missing', 'frame']);
    expect(events[1]).toEqual(frameEvent('ST01' + ' '.repeat(40)));
  });

  it('does not wait for a LEN that claims more than arrives when a whole good frame follows', () => {
    const reader = new FrameReader();
    expect(reader.push(bytes('02' + hex('9999') + hex('garbage')))).toEqual([]);
    expect(reader.hasPartialFrame).toBe(true);
    expect(reader.push(Buffer.concat([frame('CN'), Buffer.of(ACK)]))).toEqual([frameEvent('CN'), { type: 'ack' }]);
    expect(reader.hasPartialFrame).toBe(false);
  });

  it('reports a frame cut short once the bytes after it show no ETX where its LEN says, and reads its resend', () => {
    const whole = frame('RSsome response');
    const reader = new FrameReader();
    expect(reader.push(whole.subarray(0, 9))).toEqual([]);
    expect(kinds(readAll(reader, splitEverywhere(whole)))).toEqual(['bad:etx-missing', 'frame']);
  });

  it('gives up a partial frame when the caller times out, keeping what came after its STX', () => {
    const reader = new FrameReader();
    const partial = bytes('02' + hex('0100') + hex('RQabc'));
    expect(reader.push(Buffer.concat([partial, Buffer.of(ACK)]))).toEqual([]);
    expect(reader.abandonPartialFrame()).toEqual([
      { type: 'bad-frame', reason: 'incomplete', bytes: Buffer.concat([partial, Buffer.of(ACK)]) },
      { type: 'ack' },
    ]);
    expect(reader.hasPartialFrame).toBe(false);
    expect(reader.abandonPartialFrame()).toEqual([]);
    expect(reader.push(frame('CN'))).toEqual([frameEvent('CN')]);
  });

  it('sees a too-long LEN through on its own once enough bytes arrive', () => {
    const reader = new FrameReader();
    expect(reader.push(bytes('02' + hex('0050')))).toEqual([]);
    const later = Buffer.concat([frame('RQ' + 'x'.repeat(30)), frame('CN')]);
    // The first good frame completes inside the claimed 50 bytes and ends the wait.
    expect(kinds(reader.push(later))).toEqual(['frame', 'frame']);
  });

  it('reads the frames of real messages in randomly cut chunks, between noise, ACKs and NAKs', () => {
    const random = new RandomValues(seededRandom(2026));
    for (let run = 0; run < 200; run++) {
      const pieces: Buffer[] = [];
      const expected: FrameEvent[] = [];
      for (let item = 0; item < 6; item++) {
        const roll = random.int(5);
        if (roll <= 2) {
          const messageBody = encodeMessage(
            random.pick([
              { kind: 'RQ', request: random.request() },
              { kind: 'RS', response: random.response() },
              { kind: 'ST', status: { code: '02', text: random.text(40) } },
              { kind: 'CN' },
            ] as const),
          );
          pieces.push(encodeFrame(messageBody));
          expected.push({ type: 'frame', body: messageBody });
        } else if (roll === 3) {
          pieces.push(Buffer.of(ACK));
          expected.push({ type: 'ack' });
        } else if (roll === 4) {
          pieces.push(Buffer.of(NAK));
          expected.push({ type: 'nak' });
        } else {
          const noise = Array.from({ length: 1 + random.int(20) }, () => random.int(255));
          pieces.push(Buffer.from(noise.filter((byte) => byte !== STX && byte !== ACK && byte !== NAK)));
        }
      }
      const stream = Buffer.concat(pieces);
      const chunks: Buffer[] = [];
      for (let start = 0; start < stream.length;) {
        const end = Math.min(stream.length, start + 1 + random.int(600));
        chunks.push(stream.subarray(start, end));
        start = end;
      }
      const reader = new FrameReader();
      expect(readAll(reader, chunks)).toEqual(expected);
      expect(reader.hasPartialFrame).toBe(false);
    }
  });

  it('recovers every good frame after a damaged one, however the stream is cut', () => {
    const random = new RandomValues(seededRandom(55));
    for (let run = 0; run < 300; run++) {
      const damaged = frame('ST02' + 'x'.repeat(random.int(40)));
      const at = 1 + random.int(damaged.length - 2);
      damaged[at] = random.pick([STX, ETX, ACK, NAK, 0x39, 0x41, 0xff]);
      const stream = Buffer.concat([damaged, frame('RQ1'), frame('CN')]);
      const chunks: Buffer[] = [];
      for (let start = 0; start < stream.length;) {
        const end = Math.min(stream.length, start + 1 + random.int(10));
        chunks.push(stream.subarray(start, end));
        start = end;
      }
      const reader = new FrameReader();
      const events = [...readAll(reader, chunks), ...reader.abandonPartialFrame()];
      const frames = events.filter((event) => event.type === 'frame');
      expect(frames.slice(-2)).toEqual([frameEvent('RQ1'), frameEvent('CN')]);
    }
  });
});
