import { BANK_CARD, TXN_TYPE, type MisposRequest, type MisposResponse } from '../index';
import type { LinkRequest } from './link-request';

export const CARD_NO = '622202******1234';
export const SLIP = '工商银行 签购单\n卡号 622202******1234\n金额 25.99';

export function saleRequest(overrides: Partial<LinkRequest> = {}): LinkRequest {
  return {
    cardKind: BANK_CARD,
    posId: 'L01',
    operatorId: '1001',
    txnType: TXN_TYPE.sale,
    amountFen: 2599,
    origDate: null,
    origRefNo: '',
    origVoucherNo: 0,
    origAuthCode: '',
    ecrRef: '0190f4a2c3b87d5e9a1b2c3d4e5f6071',
    ...overrides,
  };
}

/** A response that echoes `request`, approved unless `overrides` say otherwise. */
export function responseTo(request: MisposRequest, overrides: Partial<MisposResponse> = {}): MisposResponse {
  return {
    respCode: '00',
    cardKind: request.cardKind,
    txnType: request.txnType,
    issuerCode: '0102',
    issuerName: '工商银行',
    cardNo: CARD_NO,
    cardOrg: 'CUP',
    fundingType: 'D',
    voucherNo: 17,
    amountFen: request.amountFen,
    message: '交易成功',
    merchantId: '898310048990001',
    terminalId: '10010001',
    batchNo: 3,
    txnDate: '20250301',
    txnTime: '142501',
    refNo: '142501000017',
    authCode: 'A1B2C3',
    settleDate: '0301',
    ecrRef: request.ecrRef,
    nonce: request.nonce,
    totals: null,
    slip: SLIP,
    ...overrides,
  };
}
