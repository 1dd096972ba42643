import { describe, expect, it } from 'vitest';
import { expectCodecError } from './expect-codec-error.test-support';
import { fieldOffset, layoutBytes } from './field-layout';
import { bytes, goldenHex, hex, spaces, zeros } from './golden-hex.test-support';
import { RandomValues, seededRandom } from './random-messages.test-support';
import { decodeResponse, encodeResponse, MAX_SLIP_BYTES, RESPONSE_LAYOUT, type MisposResponse } from './response';

const ECR_REF = '0190f4a2c3b87d5e9a1b2c3d4e5f6071';

const approvedSale: MisposResponse = {
  respCode: '00',
  cardKind: '00',
  txnType: '00',
  issuerCode: '0102',
  issuerName: '工商银行',
  cardNo: '622202******1234',
  cardOrg: 'CUP',
  fundingType: 'D',
  voucherNo: 123,
  amountFen: 12345,
  message: '交易成功',
  merchantId: '898310048990001',
  terminalId: '10000001',
  batchNo: 1,
  txnDate: '20261121',
  txnTime: '103000',
  refNo: '112233445566',
  authCode: '654321',
  settleDate: '1121',
  ecrRef: ECR_REF,
  nonce: 42,
  totals: null,
  slip: '签购单\n金额 123.45',
};

const approvedSaleGolden = goldenHex([
  ['kind', hex('RS')],
  ['respCode ANS2', hex('00')],
  ['cardKind N2', hex('00')],
  ['txnType N2', hex('00')],
  ['issuerCode N4', hex('0102')],
  ['issuerName ANS8: 工 商 银 行, exactly 8 bytes', 'b9a4 c9cc d2f8 d0d0'],
  ['cardNo ANS20', hex('622202******1234') + spaces(4)],
  ['cardOrg ANS3', hex('CUP')],
  ['fundingType A1', hex('D')],
  ['voucherNo N6', hex('000123')],
  ['amount N12', hex('000000012345')],
  ['message ANS40: 交 易 成 功', 'bdbb d2d7 b3c9 b9a6' + spaces(32)],
  ['merchantId ANS15', hex('898310048990001')],
  ['terminalId ANS8', hex('10000001')],
  ['batchNo N6', hex('000001')],
  ['txnDate N8', hex('20261121')],
  ['txnTime N6', hex('103000')],
  ['refNo ANS12', hex('112233445566')],
  ['authCode ANS6', hex('654321')],
  ['settleDate N4', hex('1121')],
  ['ecrRef ANS32', hex(ECR_REF)],
  ['nonce N3', hex('042')],
  ['totals ANS72: not a settlement', spaces(72)],
  ['slipLen N4', hex('0018')],
  ['slip: 签 购 单 \\n 金 额 " 123.45"', 'c7a9 b9ba b5a5 0a bdf0 b6ee' + hex(' 123.45')],
]);

const settlement: MisposResponse = {
  ...approvedSale,
  txnType: '06',
  issuerCode: '0000',
  issuerName: '',
  cardNo: '',
  cardOrg: '',
  fundingType: '',
  voucherNo: 0,
  amountFen: 0,
  message: 'SETTLED',
  batchNo: 7,
  txnTime: '235959',
  refNo: '',
  authCode: '',
  settleDate: '1122',
  nonce: 5,
  totals: {
    domestic: { debitCount: 3, debitAmountFen: 30000, creditCount: 1, creditAmountFen: 500 },
    foreign: { debitCount: 1, debitAmountFen: 9999, creditCount: 0, creditAmountFen: 0 },
  },
  slip: '',
};

const settlementGolden = goldenHex([
  ['kind', hex('RS')],
  ['respCode', hex('00')],
  ['cardKind', hex('00')],
  ['txnType', hex('06')],
  ['issuerCode', zeros(4)],
  ['issuerName', spaces(8)],
  ['cardNo', spaces(20)],
  ['cardOrg', spaces(3)],
  ['fundingType', spaces(1)],
  ['voucherNo', zeros(6)],
  ['amount', zeros(12)],
  ['message', hex('SETTLED') + spaces(33)],
  ['merchantId', hex('898310048990001')],
  ['terminalId', hex('10000001')],
  ['batchNo', hex('000007')],
  ['txnDate', hex('20261121')],
  ['txnTime', hex('235959')],
  ['refNo', spaces(12)],
  ['authCode', spaces(6)],
  ['settleDate', hex('1122')],
  ['ecrRef', hex(ECR_REF)],
  ['nonce', hex('005')],
  [
    'totals, domestic: debit count, amount, credit count, amount',
    hex('000003') + hex('000000030000') + hex('000001') + hex('000000000500'),
  ],
  ['totals, foreign: the same', hex('000001') + hex('000000009999') + hex('000000') + hex('000000000000')],
  ['slipLen: no slip', hex('0000')],
]);

const notSignedIn: MisposResponse = {
  respCode: 'A4',
  cardKind: '00',
  txnType: '00',
  issuerCode: '0000',
  issuerName: '',
  cardNo: '',
  cardOrg: '',
  fundingType: '',
  voucherNo: 0,
  amountFen: 0,
  message: '终端未签到',
  merchantId: '',
  terminalId: '',
  batchNo: 0,
  txnDate: null,
  txnTime: '000000',
  refNo: '',
  authCode: '',
  settleDate: null,
  ecrRef: ECR_REF,
  nonce: 999,
  totals: null,
  slip: '',
};

const notSignedInGolden = goldenHex([
  ['kind', hex('RS')],
  ['respCode', hex('A4')],
  ['cardKind', hex('00')],
  ['txnType', hex('00')],
  ['issuerCode', zeros(4)],
  ['issuerName, cardNo, cardOrg, fundingType', spaces(8 + 20 + 3 + 1)],
  ['voucherNo, amount', zeros(6 + 12)],
  ['message: 终 端 未 签 到', 'd6d5 b6cb ceb4 c7a9 b5bd' + spaces(30)],
  ['merchantId, terminalId', spaces(15 + 8)],
  ['batchNo, txnDate (none), txnTime', zeros(6 + 8 + 6)],
  ['refNo, authCode', spaces(12 + 6)],
  ['settleDate (none)', zeros(4)],
  ['ecrRef', hex(ECR_REF)],
  ['nonce', hex('999')],
  ['totals', spaces(72)],
  ['slipLen', hex('0000')],
]);

describe('response (RS)', () => {
  it('has 276 bytes after the kind up to and including slipLen (fields 1-22 make 272)', () => {
    expect(layoutBytes(RESPONSE_LAYOUT)).toBe(276);
    expect(layoutBytes(RESPONSE_LAYOUT.filter((spec) => spec.name !== 'slipLen'))).toBe(272);
    expect(encodeResponse(notSignedIn)).toHaveLength(2 + 276);
  });

  it.each([
    ['an approved sale with GBK issuer, message and slip', approvedSale, approvedSaleGolden],
    ['a settlement with totals', settlement, settlementGolden],
    ['a decline before any card was read', notSignedIn, notSignedInGolden],
  ])('encodes and decodes %s to the golden bytes', (_name, response, golden) => {
    expect(encodeResponse(response).toString('hex')).toBe(golden);
    expect(decodeResponse(bytes(golden))).toEqual(response);
  });

  it('round-trips many generated responses, settlement totals and multi-line Chinese slips included', () => {
    const random = new RandomValues(seededRandom(9100));
    for (let run = 0; run < 1000; run++) {
      const response = random.response();
      expect(decodeResponse(encodeResponse(response))).toEqual(response);
    }
  });

  it('carries the largest slip that fits a frame, and the largest totals', () => {
    const slip = '签'.repeat((MAX_SLIP_BYTES - 1) / 2) + 'x';
    const biggest = {
      ...settlement,
      slip,
      totals: {
        domestic: { debitCount: 999_999, debitAmountFen: 999_999_999_999, creditCount: 999_999, creditAmountFen: 0 },
        foreign: { debitCount: 0, debitAmountFen: 0, creditCount: 999_999, creditAmountFen: 999_999_999_999 },
      },
    };
    const encoded = encodeResponse(biggest);
    expect(encoded).toHaveLength(9999);
    expect(decodeResponse(encoded)).toEqual(biggest);
  });

  it.each([
    ['respCode', { respCode: '0' }, /two digits or capital letters/],
    ['respCode', { respCode: 'a0' }, /two digits or capital letters/],
    ['cardKind', { cardKind: '99' }, /card kind/],
    ['txnType', { txnType: '21' }, /transaction type/],
    ['issuerCode', { issuerCode: '102' }, /4 digits/],
    ['issuerName', { issuerName: '中国工商银行' }, /12 bytes/],
    ['cardNo', { cardNo: '6222021234567891234' }, /masked/],
    ['cardNo', { cardNo: '6222 0212 3456 7891 234' }, /masked/],
    ['cardOrg', { cardOrg: 'CUPX' }, /4 bytes/],
    ['fundingType', { fundingType: 'X' }, /D, C or empty/],
    ['voucherNo', { voucherNo: 1_000_000 }, /0 to 999999/],
    ['amountFen', { amountFen: 1e12 }, /0 to 999999999999/],
    ['message', { message: '请'.repeat(21) }, /42 bytes/],
    ['message', { message: '交易成功\n' }, /control/],
    ['merchantId', { merchantId: '8983100489900012' }, /16 bytes/],
    ['terminalId', { terminalId: '100000012' }, /9 bytes/],
    ['batchNo', { batchNo: -1 }, /0 to 999999/],
    ['txnDate', { txnDate: '20261131' }, /real date/],
    ['txnTime', { txnTime: '246000' }, /time of day/],
    ['txnTime', { txnTime: '1030' }, /6 digits/],
    ['refNo', { refNo: '1122334455667' }, /13 bytes/],
    ['authCode', { authCode: '6543210' }, /7 bytes/],
    ['settleDate', { settleDate: '1301' }, /real day/],
    ['settleDate', { settleDate: '0230' }, /real day/],
    ['ecrRef', { ecrRef: ECR_REF + 'x' }, /33 bytes/],
    ['nonce', { nonce: -1 }, /0 to 999/],
    ['slip', { slip: 'a\u0002b' }, /control/],
    ['slip', { slip: '😀' }, /GBK/],
    ['slip', { slip: 'x'.repeat(MAX_SLIP_BYTES + 1) }, /room for 9721/],
    [
      'totals.domestic.debitCount',
      { totals: { ...settlement.totals, domestic: { ...settlement.totals?.domestic, debitCount: 1e6 } } },
      /0 to 999999/,
    ],
    [
      'totals.foreign.creditAmountFen',
      { totals: { ...settlement.totals, foreign: { ...settlement.totals?.foreign, creditAmountFen: 1.5 } } },
      /whole number/,
    ],
  ])('refuses to encode a bad %s (#%#)', (fieldName, change, problem) => {
    expectCodecError(() => encodeResponse({ ...settlement, ...change } as MisposResponse), fieldName, problem);
  });

  it('accepts 29 February as a settlement date and a slip with CR LF and tabs', () => {
    const response = { ...approvedSale, settleDate: '0229', slip: '商户名称\t超市\r\n金额' };
    expect(decodeResponse(encodeResponse(response))).toEqual(response);
  });

  describe('decoding', () => {
    const golden = approvedSaleGolden;
    const fixedHexEnd = (2 + 276) * 2;
    const offset = (name: (typeof RESPONSE_LAYOUT)[number]['name']) => fieldOffset(RESPONSE_LAYOUT, name);
    /** The body with the bytes from `byteOffset` (counted after the kind) replaced. */
    const at = (byteOffset: number, replacement: string, body = golden) =>
      bytes(body.slice(0, (2 + byteOffset) * 2) + replacement + body.slice((2 + byteOffset) * 2 + replacement.length));

    it('refuses a body shorter than the fixed part', () => {
      expectCodecError(() => decodeResponse(bytes(golden.slice(0, fixedHexEnd - 2))), 'body', /275 bytes/);
      expectCodecError(() => decodeResponse(bytes(hex('RS'))), 'body', /0 bytes/);
    });

    it('refuses a slipLen that does not match the bytes that follow', () => {
      expectCodecError(() => decodeResponse(bytes(golden + '20')), 'slipLen', /says 18 bytes, but 19 follow/);
      expectCodecError(() => decodeResponse(bytes(golden.slice(0, -2))), 'slipLen', /says 18 bytes, but 17 follow/);
      expectCodecError(
        () => decodeResponse(at(offset('slipLen'), hex('0000'))),
        'slipLen',
        /says 0 bytes, but 18 follow/,
      );
      expectCodecError(() => decodeResponse(at(offset('slipLen'), hex('18  '))), 'slipLen', /digits/);
    });

    it('refuses another kind', () => {
      expectCodecError(() => decodeResponse(bytes(hex('ST') + golden.slice(4))), 'kind', /expected RS, got ST/);
    });

    it('refuses non-digits in N fields and non-letters in A fields', () => {
      expectCodecError(() => decodeResponse(at(offset('issuerCode'), hex('01O2'))), 'issuerCode', /digits/);
      expectCodecError(() => decodeResponse(at(offset('fundingType'), hex('1'))), 'fundingType', /letters/);
      expectCodecError(() => decodeResponse(at(offset('amountFen'), hex('00000001234 '))), 'amountFen', /digits/);
      expectCodecError(() => decodeResponse(at(offset('nonce'), hex('42 '))), 'nonce', /digits/);
    });

    it('refuses values the schema refuses', () => {
      expectCodecError(() => decodeResponse(at(offset('respCode'), hex('0 '))), 'respCode');
      expectCodecError(() => decodeResponse(at(offset('txnType'), hex('14'))), 'txnType', /transaction type/);
      expectCodecError(() => decodeResponse(at(offset('txnDate'), hex('20260229'))), 'txnDate', /real date/);
      expectCodecError(() => decodeResponse(at(offset('cardNo'), hex('62220212345678901234'))), 'cardNo', /masked/);
    });

    it('refuses totals that are neither all spaces nor all digits', () => {
      const settlementHex = settlementGolden;
      expectCodecError(() => decodeResponse(at(offset('totals'), hex('000003') + spaces(6), settlementHex)), 'totals');
      expectCodecError(
        () =>
          decodeResponse(
            at(offset('totals'), hex('00000'), settlementHex.slice(0, -2 * 76) + spaces(72) + hex('0000')),
          ),
        'totals',
      );
      const foreignCreditAmountAt = offset('totals') + 36 + 6 + 12 + 6;
      expectCodecError(
        () => decodeResponse(at(foreignCreditAmountAt, hex('00000000000x'), settlementHex)),
        'totals.foreign.creditAmountFen',
        /digits/,
      );
    });

    it('refuses a slip that is not GBK text', () => {
      const brokenSlip = golden.slice(0, fixedHexEnd - 8) + hex('0003') + hex('ab') + 'b9';
      expectCodecError(() => decodeResponse(bytes(brokenSlip)), 'slip', /GBK/);
      const controlSlip = golden.slice(0, fixedHexEnd - 8) + hex('0003') + hex('a') + '07' + hex('b');
      expectCodecError(() => decodeResponse(bytes(controlSlip)), 'slip', /control/);
    });

    it('refuses broken GBK in a fixed field', () => {
      // issuerName with the last character's trail byte replaced by padding
      expectCodecError(() => decodeResponse(at(offset('issuerName'), 'b9a4c9ccd2f8d020')), 'issuerName', /GBK/);
    });
  });
});
