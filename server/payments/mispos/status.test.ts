import { describe, expect, it } from 'vitest';
import { STATUS_CODES, type StatusCode } from './codes';
import { expectCodecError } from './expect-codec-error.test-support';
import { bytes, goldenHex, hex, spaces } from './golden-hex.test-support';
import { RandomValues, seededRandom } from './random-messages.test-support';
import { decodeStatus, encodeStatus, standardStatus, type MisposStatus } from './status';

const waitingForCard: MisposStatus = { code: '01', text: '请插卡或刷卡或挥卡' };
const waitingForCardGolden = goldenHex([
  ['kind', hex('ST')],
  ['code N2', hex('01')],
  ['text ANS40: 请 插 卡 或 刷 卡 或 挥 卡, 18 bytes', 'c7eb b2e5 bfa8 bbf2 cba2 bfa8 bbf2 bbd3 bfa8' + spaces(22)],
]);

describe('status (ST)', () => {
  it('encodes and decodes "waiting for card" to the golden bytes', () => {
    expect(encodeStatus(waitingForCard).toString('hex')).toBe(waitingForCardGolden);
    expect(encodeStatus(waitingForCard)).toHaveLength(2 + 42);
    expect(decodeStatus(bytes(waitingForCardGolden))).toEqual(waitingForCard);
  });

  it('offers the protocol texts as standard statuses', () => {
    expect(standardStatus('01')).toEqual(waitingForCard);
    for (const code of Object.keys(STATUS_CODES) as StatusCode[]) {
      expect(decodeStatus(encodeStatus(standardStatus(code)))).toEqual(standardStatus(code));
    }
  });

  it('round-trips generated texts', () => {
    const random = new RandomValues(seededRandom(4));
    for (let run = 0; run < 500; run++) {
      const status: MisposStatus = { code: random.pick(['01', '02', '03', '04'] as const), text: random.text(40) };
      expect(decodeStatus(encodeStatus(status))).toEqual(status);
    }
  });

  it('refuses an unknown code and a text that does not fit', () => {
    expectCodecError(() => encodeStatus({ code: '05' as StatusCode, text: '' }), 'code', /status code/);
    expectCodecError(() => encodeStatus({ code: '01', text: '请'.repeat(20) + 'x' }), 'text', /41 bytes/);
    expectCodecError(() => encodeStatus({ code: '01', text: '请稍候\n' }), 'text', /control/);
  });

  it('refuses malformed bodies', () => {
    expectCodecError(() => decodeStatus(bytes(waitingForCardGolden + '20')), 'body', /43 bytes, expected 42/);
    expectCodecError(() => decodeStatus(bytes(hex('ST01'))), 'body', /2 bytes, expected 42/);
    expectCodecError(() => decodeStatus(bytes(hex('ST') + hex('x1') + spaces(40))), 'code', /digits/);
    expectCodecError(() => decodeStatus(bytes(hex('ST') + hex('09') + spaces(40))), 'code', /status code/);
    expectCodecError(() => decodeStatus(bytes(hex('RQ') + hex('01') + spaces(40))), 'kind', /expected ST, got RQ/);
  });
});
