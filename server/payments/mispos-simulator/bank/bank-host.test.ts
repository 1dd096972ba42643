import { describe, expect, it } from 'vitest';
import { encodeField48, encodeField60 } from '../iso8583/composite-fields';
import type { IsoFields, IsoMessage } from '../iso8583/field-specs';
import { decodeIsoMessage, encodeIsoMessage } from '../iso8583/iso-message';
import { encodeWithMac, hasValidMac } from '../iso8583/mac';
import { encodePinBlock } from '../iso8583/pin-block';
import { decodeField62, type WorkingKeys } from '../iso8583/working-keys';
import { BankHost } from './bank-host';
import { TEST_CARDS } from './test-cards';

const TERMINAL = { 41: '10000001', 42: '898310048990001' } as const;
const clock = () => new Date(2026, 10, 21, 10, 30, 0);

function signIn(host: BankHost, batchNo = 1): WorkingKeys {
  const request = {
    mti: '0800',
    fields: { ...TERMINAL, 11: '000001', 60: `00${String(batchNo).padStart(6, '0')}003` },
  };
  const answer = decodeIsoMessage(host.handle(encodeIsoMessage(request)) ?? Buffer.alloc(0));
  expect(answer.fields[39]).toBe('00');
  return decodeField62(answer.fields[62]);
}

function sale(traceNo: number, amountFen: number, keys: WorkingKeys, extra: IsoFields = {}): IsoMessage {
  const pan = TEST_CARDS['domestic-debit'].pan;
  return {
    mti: '0200',
    fields: {
      ...TERMINAL,
      2: pan,
      3: '000000',
      4: String(amountFen).padStart(12, '0'),
      11: String(traceNo).padStart(6, '0'),
      22: '051',
      25: '00',
      49: '156',
      52: encodePinBlock('123456', pan, keys.pinKey),
      60: encodeField60({ typeCode: '22', batchNo: 1, networkCode: '000' }),
      ...extra,
    },
  };
}

function exchange(host: BankHost, message: IsoMessage, keys: WorkingKeys): IsoFields {
  const answer = host.handle(encodeWithMac(message, keys.macKey));
  if (!answer) throw new Error('the host said nothing');
  return decodeIsoMessage(answer).fields;
}

describe('the bank host, through ISO 8583 bytes', () => {
  it('approves a sale with a MAC, a reference, an auth code and the issuer in field 44', () => {
    const host = new BankHost({ clock });
    const keys = signIn(host);
    const bytes = host.handle(encodeWithMac(sale(1, 2599, keys), keys.macKey)) ?? Buffer.alloc(0);
    expect(hasValidMac(bytes, keys.macKey)).toBe(true);
    const answer = decodeIsoMessage(bytes);
    expect(answer.mti).toBe('0210');
    expect(answer.fields).toMatchObject({ 39: '00', 4: '000000002599', 11: '000001', 12: '103000', 13: '1121' });
    expect(answer.fields[37]).toMatch(/^103000[0-9]{6}$/);
    expect(answer.fields[38]).toMatch(/^[0-9]{6}$/);
    expect(answer.fields[44]?.slice(0, 4)).toBe('0102');
  });

  it('answers A0 to a MAC under the wrong key or from a terminal that never signed in', () => {
    const host = new BankHost({ clock });
    const keys = signIn(host);
    const stranger = { ...keys, macKey: Buffer.alloc(8, 7) };
    expect(exchange(host, sale(1, 100, keys), stranger)[39]).toBe('A0');
    const other = new BankHost({ clock });
    expect(exchange(other, sale(1, 100, keys), keys)[39]).toBe('A0');
  });

  it('answers 22 to another batch, 03 to another merchant, 94 to a trace number used twice, 55 to a wrong PIN', () => {
    const host = new BankHost({ clock });
    const keys = signIn(host);
    expect(exchange(host, sale(1, 100, keys, { 60: '22000002000' }), keys)[39]).toBe('22');
    expect(exchange(host, sale(1, 100, keys, { 42: '898310048990002' }), keys)[39]).toBe('03');
    expect(exchange(host, sale(1, 100, keys), keys)[39]).toBe('00');
    expect(exchange(host, sale(1, 100, keys), keys)[39]).toBe('94');
    const wrongPin = encodePinBlock('654321', TEST_CARDS['domestic-debit'].pan, keys.pinKey);
    expect(exchange(host, sale(2, 100, keys, { 52: wrongPin }), keys)[39]).toBe('55');
    expect(exchange(host, sale(3, 50_000_001, keys), keys)[39]).toBe('61');
  });

  it('undoes a sale on its reversal, and takes a reversal of nothing calmly', () => {
    const host = new BankHost({ clock });
    const keys = signIn(host);
    const account = () => host.accounts.find(TEST_CARDS['domestic-debit'].pan)?.availableFen;
    const before = account();
    exchange(host, sale(1, 5_000, keys), keys);
    expect(account()).toBe((before ?? 0) - 5_000);
    const { 52: _pin, ...fields } = sale(1, 5_000, keys).fields;
    const reversal = { mti: '0400', fields: { ...fields, 39: '98' } };
    expect(exchange(host, reversal, keys)[39]).toBe('00');
    expect(account()).toBe(before);
    expect(exchange(host, reversal, keys)[39]).toBe('00');
    expect(account()).toBe(before);
    expect(exchange(host, { ...reversal, fields: { ...reversal.fields, 11: '000099' } }, keys)[39]).toBe('00');
  });

  it('compares settlement totals, signs the terminal out, and repeats its answer to a repeated settlement', () => {
    const host = new BankHost({ clock });
    const keys = signIn(host);
    exchange(host, sale(1, 5_000, keys), keys);
    const block = (debitCount: number, debitAmountFen: number) => ({
      debitCount,
      debitAmountFen,
      creditCount: 0,
      creditAmountFen: 0,
    });
    const settlement = (domesticCount: number): IsoMessage => ({
      mti: '0500',
      fields: {
        ...TERMINAL,
        11: '000002',
        48: encodeField48({
          totals: { domestic: block(domesticCount, 5_000 * domesticCount), foreign: block(0, 0) },
          domesticResult: '0',
          foreignResult: '0',
        }),
        60: '00000001201',
      },
    });
    const answer = exchange(host, settlement(2), keys);
    expect(answer[39]).toBe('00');
    expect(answer[48]?.slice(36, 37)).toBe('2');
    expect(answer[48]?.slice(-1)).toBe('1');
    expect(exchange(host, sale(3, 100, keys), keys)[39]).toBe('A0');
    expect(exchange(host, settlement(2), keys)).toMatchObject({ 39: '00', 48: answer[48] });
    expect(host.snapshot().settlements).toHaveLength(1);
  });

  it('stays silent for the issuer-silent card and for bytes that are no message', () => {
    const host = new BankHost({ clock });
    const keys = signIn(host);
    const silentPan = TEST_CARDS['issuer-silent'].pan;
    const request = sale(1, 100, keys, { 2: silentPan, 52: encodePinBlock('123456', silentPan, keys.pinKey) });
    expect(host.handle(encodeWithMac(request, keys.macKey))).toBeNull();
    expect(host.handle(Buffer.from('0002ffff', 'hex'))).toBeNull();
    expect(host.snapshot().log.map((entry) => entry.responseCode)).toEqual(['00', null]);
  });
});
