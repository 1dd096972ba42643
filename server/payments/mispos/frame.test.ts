import { describe, expect, it } from 'vitest';
import { expectCodecError } from './expect-codec-error.test-support';
import { ACK, encodeFrame, ETX, lrc, MAX_BODY_BYTES, NAK, STX } from './frame';
import { bytes, hex, spaces } from './golden-hex.test-support';

describe('frame', () => {
  it('uses the control bytes of section 1', () => {
    expect([STX, ETX, ACK, NAK]).toEqual([0x02, 0x03, 0x06, 0x15]);
  });

  it('computes the LRC as XOR', () => {
    expect(lrc(Buffer.alloc(0))).toBe(0);
    expect(lrc(bytes('30303032434e03'))).toBe(0x0c);
    expect(lrc(bytes('ff0f'))).toBe(0xf0);
  });

  it('frames a cancel: STX | "0002" | "CN" | ETX | LRC', () => {
    // LRC = 30^30^30^32 = 02; ^43 ^4E = 0F; ^ETX 03 = 0C
    expect(encodeFrame(bytes(hex('CN'))).toString('hex')).toBe('02' + hex('0002') + hex('CN') + '03' + '0c');
  });

  it('frames an empty body: the LRC is LEN 0000 (XOR 0) with ETX', () => {
    expect(encodeFrame(Buffer.alloc(0)).toString('hex')).toBe('02' + hex('0000') + '03' + '03');
  });

  it('frames a body whose LRC happens to be the STX byte', () => {
    // 30^30^30^32 = 02; ^41 ^42 = 01; ^03 = 02
    expect(encodeFrame(bytes(hex('AB'))).toString('hex')).toBe('02' + hex('0002') + hex('AB') + '03' + '02');
  });

  it('frames a GBK status body', () => {
    const body = hex('ST01') + 'c7ebb2e5bfa8bbf2cba2bfa8bbf2bbd3bfa8' + spaces(22);
    // LEN "0044" XORs to 0; LRC 0x68 computed independently (Python, functools.reduce over the bytes).
    expect(encodeFrame(bytes(body)).toString('hex')).toBe('02' + hex('0044') + body + '03' + '68');
  });

  it('carries up to 9999 body bytes and refuses more', () => {
    expect(encodeFrame(Buffer.alloc(MAX_BODY_BYTES, 0x41)).subarray(0, 5).toString('latin1')).toBe('\u00029999');
    expectCodecError(() => encodeFrame(Buffer.alloc(MAX_BODY_BYTES + 1)), 'body', /10000 bytes/);
  });
});
