import { MisposCodecError } from './codec-error';

export const STX = 0x02;
export const ETX = 0x03;
export const ACK = 0x06;
export const NAK = 0x15;

export const LEN_DIGITS = 4;
export const MAX_BODY_BYTES = 9999;
/** STX, LEN, ETX and LRC around the body. */
export const FRAME_OVERHEAD_BYTES = 1 + LEN_DIGITS + 1 + 1;

/** XOR of every byte given; over a frame, from the first LEN byte through ETX inclusive. */
export function lrc(bytes: Uint8Array): number {
  let check = 0;
  for (const byte of bytes) check ^= byte;
  return check;
}

/** STX | LEN (4 ASCII digits) | BODY | ETX | LRC */
export function encodeFrame(body: Buffer): Buffer {
  if (body.length > MAX_BODY_BYTES) {
    throw new MisposCodecError('body', `is ${body.length} bytes, LEN allows at most ${MAX_BODY_BYTES}`);
  }
  const checked = Buffer.concat([
    Buffer.from(String(body.length).padStart(LEN_DIGITS, '0'), 'ascii'),
    body,
    Buffer.of(ETX),
  ]);
  return Buffer.concat([Buffer.of(STX), checked, Buffer.of(lrc(checked))]);
}
