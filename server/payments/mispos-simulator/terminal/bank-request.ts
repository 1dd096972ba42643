import { padDigits } from '../digits';
import {
  BANK_TRANSACTIONS,
  FINANCIAL_NETWORK_CODE,
  REVERSAL_MTI,
  type ReversibleKind,
} from '../iso8583/bank-transactions';
import { encodeField60 } from '../iso8583/composite-fields';
import type { IsoFields, IsoMessage } from '../iso8583/field-specs';
import { encodePinBlock } from '../iso8583/pin-block';
import type { CardOnFile } from './journal';
import type { TerminalConfig } from './terminal-config';

export interface FinancialRequestInput {
  readonly kind: ReversibleKind | 'balance';
  readonly config: TerminalConfig;
  readonly batchNo: number;
  readonly voucherNo: number;
  readonly card: CardOnFile;
  /** With the PIN key of the sign-in, so that field 52 carries it enciphered. */
  readonly pin: { readonly digits: string; readonly pinKey: Buffer } | null;
  readonly amountFen: number;
  /** The original's reference (37), auth code (38) and batch/trace/date (61), where the transaction has one. */
  readonly original: IsoFields;
}

/** Field 22: 05 chip, or 01 keyed for a void without the card; then 1 with PIN, 2 without. */
function entryMode(input: FinancialRequestInput): string {
  const cardPresent = input.kind !== 'saleVoid' && input.kind !== 'completionVoid';
  return `${cardPresent ? '05' : '01'}${input.pin ? '1' : '2'}`;
}

export function financialRequest(input: FinancialRequestInput): IsoMessage {
  const shape = BANK_TRANSACTIONS[input.kind];
  const fields: IsoFields = {
    2: input.card.pan,
    11: padDigits(input.voucherNo, 6),
    22: entryMode(input),
    41: input.config.terminalId,
    42: input.config.merchantId,
    49: '156',
    60: encodeField60({ typeCode: shape.typeCode, batchNo: input.batchNo, networkCode: FINANCIAL_NETWORK_CODE }),
    ...input.original,
  };
  if (shape.processingCode) fields[3] = shape.processingCode;
  if (shape.conditionCode) fields[25] = shape.conditionCode;
  if (input.kind !== 'balance') fields[4] = padDigits(input.amountFen, 12);
  if (input.pin) fields[52] = encodePinBlock(input.pin.digits, input.card.pan, input.pin.pinKey);
  return { mti: shape.mti, fields };
}

/** A 0400 for a request the host did not answer (98) or answered with a bad MAC (A0): the original without its PIN. */
export function reversalOf(sent: IsoMessage, reason: '98' | 'A0'): IsoMessage {
  const { 52: _pinBlock, 64: _mac, ...fields } = sent.fields;
  return { mti: REVERSAL_MTI, fields: { ...fields, 39: reason } };
}
