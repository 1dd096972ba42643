import { describe, expect, it } from 'vitest';
import { decodeCancel, encodeCancel } from './cancel';
import { expectCodecError } from './expect-codec-error.test-support';
import { bytes, hex, spaces } from './golden-hex.test-support';
import { decodeMessage, encodeMessage, type MisposMessage } from './message';
import { RandomValues, seededRandom } from './random-messages.test-support';

describe('cancel (CN)', () => {
  it('is the kind alone', () => {
    expect(encodeCancel().toString('hex')).toBe(hex('CN'));
    expect(() => decodeCancel(bytes(hex('CN')))).not.toThrow();
  });

  it('refuses anything after the kind, or another kind', () => {
    expectCodecError(() => decodeCancel(bytes(hex('CN') + spaces(1))), 'body', /1 bytes after the kind/);
    expectCodecError(() => decodeCancel(bytes(hex('ST'))), 'kind', /expected CN, got ST/);
  });
});

describe('any message', () => {
  it('decodes each kind into its variant and encodes it back', () => {
    const random = new RandomValues(seededRandom(77));
    const messages: MisposMessage[] = [
      { kind: 'RQ', request: random.request() },
      { kind: 'RS', response: random.response() },
      { kind: 'ST', status: { code: '03', text: '正在连接银行' } },
      { kind: 'CN' },
    ];
    for (const message of messages) {
      const body = encodeMessage(message);
      expect(body.subarray(0, 2).toString('latin1')).toBe(message.kind);
      expect(decodeMessage(body)).toEqual(message);
    }
  });

  it('refuses an unknown or missing kind', () => {
    expectCodecError(() => decodeMessage(bytes(hex('ZZ'))), 'kind', /unknown message kind "ZZ"/);
    expectCodecError(() => decodeMessage(bytes(hex('R'))), 'kind', /unknown/);
    expectCodecError(() => decodeMessage(Buffer.alloc(0)), 'kind', /unknown/);
  });

  it('passes on the problem of a malformed body of a known kind', () => {
    expectCodecError(() => decodeMessage(bytes(hex('RQ00'))), 'body');
    expectCodecError(() => decodeMessage(bytes(hex('CNCN'))), 'body');
  });
});
