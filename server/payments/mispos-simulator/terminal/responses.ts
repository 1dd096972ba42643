import { describeResponseCode, type MisposRequest, type MisposResponse } from '../../mispos';
import { issuerName } from '../bank/issuers';
import { maskPan } from '../bank/test-cards';
import { localStamp } from '../local-time';
import type { CardOnFile } from './journal';
import type { TerminalConfig } from './terminal-config';

/** An answer echoing `request`, with nothing from a card or host yet; callers add what they know. */
export function blankResponse(
  config: TerminalConfig,
  batchNo: number,
  request: MisposRequest,
  respCode: string,
): MisposResponse {
  return {
    respCode,
    cardKind: request.cardKind,
    txnType: request.txnType,
    issuerCode: '0000',
    issuerName: '',
    cardNo: '',
    cardOrg: '',
    fundingType: '',
    voucherNo: 0,
    amountFen: 0,
    message: describeResponseCode(respCode).zh,
    merchantId: config.merchantId,
    terminalId: config.terminalId,
    batchNo,
    txnDate: null,
    txnTime: localStamp(config.clock()).hhmmss,
    refNo: '',
    authCode: '',
    settleDate: null,
    ecrRef: request.ecrRef,
    nonce: request.nonce,
    totals: null,
    slip: '',
  };
}

/** The card fields of an answer: masked number, never the PAN. */
export function cardFields(
  card: CardOnFile,
): Pick<MisposResponse, 'issuerCode' | 'issuerName' | 'cardNo' | 'cardOrg' | 'fundingType'> {
  return {
    issuerCode: card.issuerCode,
    issuerName: issuerName(card.issuerCode),
    cardNo: maskPan(card.pan),
    cardOrg: card.cardOrg,
    fundingType: card.fundingType,
  };
}
