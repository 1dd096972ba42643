import { describe, expect, it } from 'vitest';
import { expectCodecError } from './expect-codec-error.test-support';
import { bytes, goldenHex, hex, spaces, zeros } from './golden-hex.test-support';
import { RandomValues, seededRandom } from './random-messages.test-support';
import { decodeRequest, encodeRequest, missingRequestFields, REQUEST_LAYOUT, type MisposRequest } from './request';
import { fieldOffset, layoutBytes } from './field-layout';

const ECR_REF = '0190f4a2c3b87d5e9a1b2c3d4e5f6071';

const sale: MisposRequest = {
  cardKind: '00',
  posId: 'L01',
  operatorId: '1001',
  txnType: '00',
  amountFen: 12345,
  origDate: null,
  origRefNo: '',
  origVoucherNo: 0,
  origAuthCode: '',
  ecrRef: ECR_REF,
  nonce: 42,
};

describe('request (RQ)', () => {
  it('is 99 bytes after the kind', () => {
    expect(layoutBytes(REQUEST_LAYOUT)).toBe(99);
    expect(encodeRequest(sale)).toHaveLength(2 + 99);
  });

  it('encodes a sale to the golden bytes', () => {
    const golden = goldenHex([
      ['kind', hex('RQ')],
      ['cardKind N2', hex('00')],
      ['posId ANS8', hex('L01') + spaces(5)],
      ['operatorId ANS8', hex('1001') + spaces(4)],
      ['txnType N2', hex('00')],
      ['amount N12', hex('000000012345')],
      ['origDate N8', zeros(8)],
      ['origRefNo ANS12', spaces(12)],
      ['origVoucherNo N6', zeros(6)],
      ['origAuthCode ANS6', spaces(6)],
      ['ecrRef ANS32', hex(ECR_REF)],
      ['nonce N3', hex('042')],
    ]);
    expect(encodeRequest(sale).toString('hex')).toBe(golden);
    expect(decodeRequest(bytes(golden))).toEqual(sale);
  });

  it('encodes a refund from a Chinese-named lane to the golden bytes', () => {
    const refund: MisposRequest = {
      ...sale,
      posId: '收银01',
      operatorId: '张三',
      txnType: '02',
      amountFen: 500,
      origDate: '20260115',
      origRefNo: '123456789012',
      origVoucherNo: 17,
      origAuthCode: 'A1B2C3',
      nonce: 7,
    };
    const golden = goldenHex([
      ['kind', hex('RQ')],
      ['cardKind', hex('00')],
      ['posId: 收 银 01, 6 GBK bytes', 'cad5 d2f8' + hex('01') + spaces(2)],
      ['operatorId: 张 三, 4 GBK bytes', 'd5c5 c8fd' + spaces(4)],
      ['txnType', hex('02')],
      ['amount', hex('000000000500')],
      ['origDate', hex('20260115')],
      ['origRefNo', hex('123456789012')],
      ['origVoucherNo', hex('000017')],
      ['origAuthCode', hex('A1B2C3')],
      ['ecrRef', hex(ECR_REF)],
      ['nonce', hex('007')],
    ]);
    expect(encodeRequest(refund).toString('hex')).toBe(golden);
    expect(decodeRequest(bytes(golden))).toEqual(refund);
  });

  it('round-trips many generated requests', () => {
    const random = new RandomValues(seededRandom(20261121));
    for (let run = 0; run < 2000; run++) {
      const request = random.request();
      const encoded = encodeRequest(request);
      expect(encoded).toHaveLength(101);
      expect(decodeRequest(encoded)).toEqual(request);
    }
  });

  it.each([
    ['cardKind', { cardKind: '01' }, /card kind/],
    ['posId', { posId: '' }, /empty/],
    ['posId', { posId: 'LANE-0001' }, /9 bytes/],
    ['posId', { posId: '收银台号1' }, /9 bytes/],
    ['posId', { posId: 'L\t1' }, /control/],
    ['posId', { posId: 'L😀' }, /GBK/],
    ['operatorId', { operatorId: '' }, /empty/],
    ['txnType', { txnType: '08' }, /transaction type/],
    ['txnType', { txnType: '1' }, /transaction type/],
    ['amountFen', { amountFen: -1 }, /0 to 999999999999/],
    ['amountFen', { amountFen: 12.5 }, /whole number/],
    ['amountFen', { amountFen: 1_000_000_000_000 }, /0 to 999999999999/],
    ['amountFen', { amountFen: Number.NaN }, /whole number/],
    ['amountFen', { amountFen: '100' }, /whole number/],
    ['origDate', { origDate: '2026-01-15' }, /8 digits/],
    ['origDate', { origDate: '20260230' }, /real date/],
    ['origDate', { origDate: '20261301' }, /real date/],
    ['origDate', { origDate: '20250229' }, /real date/],
    ['origDate', { origDate: '00000000' }, /real date/],
    ['origRefNo', { origRefNo: '1234567890123' }, /13 bytes/],
    ['origVoucherNo', { origVoucherNo: 1_000_000 }, /0 to 999999/],
    ['origAuthCode', { origAuthCode: 'ABCDEFG' }, /7 bytes/],
    ['ecrRef', { ecrRef: '' }, /empty/],
    ['ecrRef', { ecrRef: '0190f4a2-c3b8-7d5e-9a1b-2c3d4e5f6071' }, /36 bytes/],
    ['ecrRef', { ecrRef: 'abc ' }, /space/],
    ['nonce', { nonce: 1000 }, /0 to 999/],
  ])('refuses to encode a bad %s (#%#)', (fieldName, change, problem) => {
    expectCodecError(() => encodeRequest({ ...sale, ...change } as MisposRequest), fieldName, problem);
  });

  it('accepts a leap day and 29 February only in leap years', () => {
    expect(decodeRequest(encodeRequest({ ...sale, origDate: '20240229' })).origDate).toBe('20240229');
    expect(decodeRequest(encodeRequest({ ...sale, origDate: '20000229' })).origDate).toBe('20000229');
    expectCodecError(() => encodeRequest({ ...sale, origDate: '21000229' }), 'origDate');
  });

  describe('decoding', () => {
    const golden = encodeRequest(sale).toString('hex');
    const offset = (name: (typeof REQUEST_LAYOUT)[number]['name']) => fieldOffset(REQUEST_LAYOUT, name);
    /** The body with the bytes from `byteOffset` (counted after the kind) replaced. */
    const at = (byteOffset: number, replacement: string) =>
      bytes(
        golden.slice(0, (2 + byteOffset) * 2) + replacement + golden.slice((2 + byteOffset) * 2 + replacement.length),
      );

    it('refuses a body of the wrong length', () => {
      expectCodecError(() => decodeRequest(bytes(golden + '20')), 'body', /100 bytes, expected 99/);
      expectCodecError(() => decodeRequest(bytes(golden.slice(0, -2))), 'body', /98 bytes, expected 99/);
      expectCodecError(() => decodeRequest(bytes(hex('RQ'))), 'body');
    });

    it('refuses another kind', () => {
      expectCodecError(() => decodeRequest(bytes(hex('RS') + golden.slice(4))), 'kind', /expected RQ, got RS/);
      expectCodecError(() => decodeRequest(bytes(hex('rq') + golden.slice(4))), 'kind', /unknown/);
    });

    it('refuses non-digits in N fields', () => {
      expectCodecError(() => decodeRequest(at(offset('cardKind'), hex('0 '))), 'cardKind', /digits/);
      expectCodecError(() => decodeRequest(at(offset('amountFen'), hex('00000001234x'))), 'amountFen', /digits/);
      expectCodecError(() => decodeRequest(at(offset('nonce'), hex('-42'))), 'nonce', /digits/);
    });

    it('refuses values the schema refuses', () => {
      expectCodecError(() => decodeRequest(at(offset('txnType'), hex('09'))), 'txnType', /transaction type/);
      expectCodecError(() => decodeRequest(at(offset('cardKind'), hex('01'))), 'cardKind');
      expectCodecError(() => decodeRequest(at(offset('origDate'), hex('20261340'))), 'origDate', /real date/);
      expectCodecError(() => decodeRequest(at(offset('posId'), spaces(8))), 'posId', /empty/);
    });

    it('refuses broken GBK and control characters in text fields', () => {
      expectCodecError(() => decodeRequest(at(offset('posId'), hex('L0') + 'b9' + spaces(5))), 'posId', /GBK/);
      expectCodecError(() => decodeRequest(at(offset('posId'), hex('L0') + '03' + spaces(5))), 'posId', /control/);
    });
  });
});

describe('missingRequestFields', () => {
  it('lists what the transaction type needs but the request lacks', () => {
    expect(missingRequestFields(sale)).toEqual([]);
    expect(missingRequestFields({ ...sale, amountFen: 0 })).toEqual(['amountFen']);
    expect(missingRequestFields({ ...sale, txnType: '02' })).toEqual(['origDate', 'origRefNo']);
    expect(missingRequestFields({ ...sale, txnType: '12', amountFen: 0 })).toEqual([
      'amountFen',
      'origRefNo',
      'origAuthCode',
    ]);
  });

  it('takes voucher number 0 as "the last transaction", not as missing', () => {
    expect(missingRequestFields({ ...sale, txnType: '01', amountFen: 0, origVoucherNo: 0 })).toEqual([]);
    expect(missingRequestFields({ ...sale, txnType: '04', amountFen: 0 })).toEqual([]);
  });

  it('needs nothing extra for sign-in, settlement or a query', () => {
    for (const txnType of ['05', '06', '07', '03', '20'] as const) {
      expect(missingRequestFields({ ...sale, txnType, amountFen: 0 })).toEqual([]);
    }
  });
});
