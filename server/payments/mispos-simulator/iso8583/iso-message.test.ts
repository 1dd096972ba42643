import { describe, expect, it } from 'vitest';
import type { IsoMessage } from './field-specs';
import { decodeIsoMessage, encodeIsoMessage } from './iso-message';
import { Iso8583Error } from './iso8583-error';
import { encodeWithMac, hasValidMac } from './mac';

const hex = (ascii: string): string => Buffer.from(ascii, 'latin1').toString('hex');
const golden = (pieces: readonly (readonly [field: string, hex: string])[]): Buffer =>
  Buffer.from(pieces.map(([, piece]) => piece.replace(/\s+/g, '')).join(''), 'hex');

function expectIsoError(run: () => unknown, field: string): void {
  let thrown: unknown;
  try {
    run();
  } catch (error) {
    thrown = error;
  }
  expect(thrown).toBeInstanceOf(Iso8583Error);
  expect((thrown as Iso8583Error).field).toBe(field);
}

const signIn: IsoMessage = {
  mti: '0800',
  fields: { 11: '000001', 41: '10000001', 42: '898310048990001', 60: '00000001003' },
};

const signInGolden = golden([
  ['length: 55 bytes follow', '0037'],
  ['TPDU: id 60, to NII 0003, from 0000', '60 0003 0000'],
  ['header: 60 22 0 0 000000', '60 22 00 00 00 00'],
  ['MTI 0800 in BCD', '08 00'],
  ['bitmap: fields 11, 41, 42, 60', '00 20 00 00 00 c0 00 10'],
  ['11 trace n6', '00 00 01'],
  ['41 terminal id ans8', hex('10000001')],
  ['42 merchant id ans15', hex('898310048990001')],
  ['60 LLLVAR: 11 digits, 00 000001 003 + pad nibble', '00 11  00 00 00 01 00 30'],
]);

const sale: IsoMessage = {
  mti: '0200',
  fields: {
    2: '6222021001122334458',
    3: '000000',
    4: '000000002599',
    11: '000002',
    22: '051',
    25: '00',
    41: '10000001',
    42: '898310048990001',
    49: '156',
    60: '22000001000',
  },
};

const MAC_KEY = Buffer.from('0102030405060708', 'hex');

const saleGolden = golden([
  ['length: 89 bytes follow', '0059'],
  ['TPDU', '6000030000'],
  ['header', '602200000000'],
  ['MTI 0200', '02 00'],
  ['bitmap: 2, 3, 4, 11, 22, 25, 41, 42, 49, 60, 64', '70 20 04 80 00 c0 80 11'],
  ['2 LLVAR: 19 digits, left-aligned, pad nibble 0', '19  62 22 02 10 01 12 23 34 45 80'],
  ['3 processing code n6', '00 00 00'],
  ['4 amount n12: 25.99 yuan', '00 00 00 00 25 99'],
  ['11 trace', '00 00 02'],
  ['22 entry mode n3: chip with PIN, left-aligned', '05 10'],
  ['25 condition code', '00'],
  ['41', hex('10000001')],
  ['42', hex('898310048990001')],
  ['49 currency', hex('156')],
  ['60: 22 000001 000', '00 11  22 00 00 01 00 00'],
  ['64 MAC: XOR fold of MTI..60 in 8-byte blocks, XOR key', '80 05 7f 36 82 1b 26 eb'],
]);

describe('ISO 8583 messages between terminal and bank host', () => {
  it('encodes a sign-in to the golden bytes and back', () => {
    expect(encodeIsoMessage(signIn).toString('hex')).toBe(signInGolden.toString('hex'));
    expect(decodeIsoMessage(signInGolden)).toEqual(signIn);
  });

  it('encodes a sale with its MAC to the golden bytes, and checks the MAC', () => {
    const bytes = encodeWithMac(sale, MAC_KEY);
    expect(bytes.toString('hex')).toBe(saleGolden.toString('hex'));
    expect(hasValidMac(bytes, MAC_KEY)).toBe(true);
    expect(hasValidMac(bytes, Buffer.from('0102030405060709', 'hex'))).toBe(false);
    const corrupted = Buffer.from(bytes);
    corrupted[30] = (corrupted[30] ?? 0) ^ 0x01;
    expect(hasValidMac(corrupted, MAC_KEY)).toBe(false);
    expect(hasValidMac(encodeIsoMessage(sale), MAC_KEY)).toBe(false);
    expect(decodeIsoMessage(bytes)).toEqual({ mti: '0200', fields: { ...sale.fields, 64: '80057F36821B26EB' } });
  });

  it('swaps the TPDU addresses in answers', () => {
    const answer = encodeIsoMessage({ mti: '0810', fields: { 39: '00' } });
    expect(answer.subarray(2, 7).toString('hex')).toBe('6000000003');
    expect(decodeIsoMessage(answer)).toEqual({ mti: '0810', fields: { 39: '00' } });
  });

  it('round-trips every field kind, including odd digit counts, padded text and binary', () => {
    const message: IsoMessage = {
      mti: '0210',
      fields: {
        2: '4761739001010010',
        3: '310000',
        4: '999999999999',
        11: '999999',
        12: '235959',
        13: '1231',
        22: '052',
        25: '06',
        37: '103000000001',
        38: 'A1',
        39: '00',
        41: 'T1',
        42: 'M1',
        44: '01020000   48020000',
        48: '1'.repeat(74),
        49: '156',
        52: '0123456789ABCDEF',
        54: '1002156C000000012345',
        60: '20000007000',
        61: '0000070000121121',
        62: 'AB'.repeat(40),
        64: 'FEDCBA9876543210',
      },
    };
    expect(decodeIsoMessage(encodeIsoMessage(message))).toEqual(message);
    const short = { mti: '0200', fields: { 2: '1', 48: '', 60: '123' } };
    expect(decodeIsoMessage(encodeIsoMessage(short))).toEqual(short);
  });

  it('refuses values that do not fit their field', () => {
    expectIsoError(() => encodeIsoMessage({ mti: '200', fields: {} }), 'mti');
    expectIsoError(() => encodeIsoMessage({ mti: '0200', fields: { 3: '00000' } }), 'field 3');
    expectIsoError(() => encodeIsoMessage({ mti: '0200', fields: { 4: '00000000000x' } }), 'field 4');
    expectIsoError(() => encodeIsoMessage({ mti: '0200', fields: { 2: '1'.repeat(20) } }), 'field 2');
    expectIsoError(() => encodeIsoMessage({ mti: '0200', fields: { 41: '123456789' } }), 'field 41');
    expectIsoError(() => encodeIsoMessage({ mti: '0200', fields: { 41: '1234 ' } }), 'field 41');
    expectIsoError(() => encodeIsoMessage({ mti: '0200', fields: { 42: '商户' } }), 'field 42');
    expectIsoError(() => encodeIsoMessage({ mti: '0200', fields: { 64: 'abcd' } }), 'field 64');
  });

  it('refuses bytes that are not one whole message', () => {
    const bytes = encodeIsoMessage(signIn);
    expectIsoError(() => decodeIsoMessage(bytes.subarray(0, -1)), 'length');
    expectIsoError(() => decodeIsoMessage(Buffer.concat([bytes, Buffer.of(0)])), 'length');
    const wrongTpdu = Buffer.from(bytes);
    wrongTpdu[4] = 0;
    expectIsoError(() => decodeIsoMessage(wrongTpdu), 'tpdu');
    const secondaryBitmap = Buffer.from(bytes);
    secondaryBitmap[15] = 0x80;
    expectIsoError(() => decodeIsoMessage(secondaryBitmap), 'bitmap');
    const unknownField = Buffer.from(bytes);
    unknownField[15] = 0x08;
    expectIsoError(() => decodeIsoMessage(unknownField), 'bitmap');
    const badPad = Buffer.from(bytes);
    badPad[badPad.length - 1] = 0x31;
    expectIsoError(() => decodeIsoMessage(badPad), 'field 60');
  });
});
