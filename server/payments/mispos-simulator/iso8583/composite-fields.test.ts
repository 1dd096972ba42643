import { describe, expect, it } from 'vitest';
import {
  decodeField48,
  decodeField54,
  decodeField60,
  decodeField61,
  encodeField44,
  encodeField48,
  encodeField54,
  encodeField60,
  encodeField61,
  issuerCodeOf,
} from './composite-fields';
import { decodePinBlock, encodePinBlock } from './pin-block';
import { decodeField62, encodeField62, newWorkingKeys } from './working-keys';

describe('sub-fields of the terminal–host messages', () => {
  it('lays out field 60 as type, batch and network code', () => {
    expect(encodeField60({ typeCode: '22', batchNo: 12, networkCode: '000' })).toBe('22000012000');
    expect(decodeField60('00000003201')).toEqual({ typeCode: '00', batchNo: 3, networkCode: '201' });
  });

  it('lays out field 61 as original batch, trace and date', () => {
    expect(encodeField61({ batchNo: 1, traceNo: 42, mmdd: '1121' })).toBe('0000010000421121');
    expect(decodeField61('0000010000421121')).toEqual({ batchNo: 1, traceNo: 42, mmdd: '1121' });
    expect(decodeField61(undefined)).toBeNull();
  });

  it('lays out field 48 as amount, count, amount, count and result per block', () => {
    const totals = {
      domestic: { debitCount: 3, debitAmountFen: 15_000, creditCount: 1, creditAmountFen: 99 },
      foreign: { debitCount: 0, debitAmountFen: 0, creditCount: 0, creditAmountFen: 0 },
    };
    const digits = encodeField48({ totals, domesticResult: '1', foreignResult: '2' });
    expect(digits).toBe(
      '000000015000' +
        '000003' +
        '000000000099' +
        '000001' +
        '1' +
        '000000000000' +
        '000000' +
        '000000000000' +
        '000000' +
        '2',
    );
    expect(decodeField48(digits)).toEqual({ totals, domesticResult: '1', foreignResult: '2' });
    expect(() => decodeField48(digits.slice(1))).toThrow(/field 48/);
  });

  it('carries a balance in field 54 with its sign', () => {
    expect(encodeField54('10', 12_345)).toBe('1002156C000000012345');
    expect(decodeField54('3002156D000000000100')).toBe(-100);
    expect(decodeField54(undefined)).toBeNull();
  });

  it('names issuer and acquirer in field 44', () => {
    expect(encodeField44('0102', '4802')).toBe('01020000   48020000');
    expect(issuerCodeOf('01020000   48020000')).toBe('0102');
  });

  it('carries the working keys in field 62 with check values', () => {
    const keys = newWorkingKeys();
    const field = encodeField62(keys);
    expect(field).toHaveLength(80);
    expect(decodeField62(field)).toEqual(keys);
    const corrupt = (field[0] === 'A' ? 'B' : 'A') + field.slice(1);
    expect(() => decodeField62(corrupt)).toThrow(/check value/);
  });

  it('hides the PIN in field 52 and finds it again only with the right PAN and key', () => {
    const pinKey = Buffer.from('00112233445566778899aabbccddeeff', 'hex');
    const pan = '6222021001122334458';
    const block = encodePinBlock('123456', pan, pinKey);
    expect(block).not.toContain('123456');
    expect(decodePinBlock(block, pan, pinKey)).toBe('123456');
    expect(decodePinBlock(block, pan, Buffer.alloc(16))).not.toBe('123456');
    expect(decodePinBlock(block, '6216613000445566776', pinKey)).not.toBe('123456');
  });
});
