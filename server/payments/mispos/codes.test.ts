import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { describeResponseCode, RESPONSE_CODES, STATUS_CODES, TXN_TYPE, TXN_TYPES } from './codes';

describe('code tables', () => {
  it('has every transaction type of section 2', () => {
    expect(Object.keys(TXN_TYPES).sort()).toEqual(
      ['00', '01', '02', '03', '04', '05', '06', '07', '10', '11', '12', '13', '20'].sort(),
    );
    expect(TXN_TYPE.sale).toBe('00');
    expect(TXN_TYPE.refund).toBe('02');
    expect(TXN_TYPE.settlement).toBe('06');
    expect(TXN_TYPE.queryByEcrRef).toBe('20');
    expect(TXN_TYPES[TXN_TYPE.preAuthCompletion].zh).toBe('预授权完成');
  });

  it('has every response code of section 5', () => {
    const bank = '00 01 03 05 10 12 13 14 22 25 34 41 43 51 54 55 61 64 75 90 91 94 96 98 A0'.split(' ');
    const terminal = 'A4 X4 X5 X6 C0 Z1 BY'.split(' ');
    expect(Object.keys(RESPONSE_CODES).sort()).toEqual([...bank, ...terminal].sort());
    for (const code of bank) expect(RESPONSE_CODES[code as keyof typeof RESPONSE_CODES].source).toBe('bank');
    for (const code of terminal) expect(RESPONSE_CODES[code as keyof typeof RESPONSE_CODES].source).toBe('terminal');
  });

  it('describes known and unknown response codes for the cashier', () => {
    expect(describeResponseCode('51')).toMatchObject({ zh: '余额不足', en: 'Insufficient funds' });
    expect(describeResponseCode('Q7')).toEqual({ zh: '未知应答码 Q7', en: 'Unknown response code Q7' });
    expect(describeResponseCode('toString').en).toBe('Unknown response code toString');
  });

  it('keeps every Chinese text short enough for the 40-byte message and status fields', () => {
    for (const meaning of [...Object.values(RESPONSE_CODES), ...Object.values(STATUS_CODES)]) {
      expect(iconv.encode(meaning.zh, 'gbk').length).toBeLessThanOrEqual(40);
    }
  });

  it('has the four status codes of section 4', () => {
    expect(Object.keys(STATUS_CODES)).toEqual(['01', '02', '03', '04']);
    expect(STATUS_CODES['01'].zh).toBe('请插卡或刷卡或挥卡');
  });
});
