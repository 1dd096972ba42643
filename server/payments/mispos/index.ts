export { answers } from './answers';
export { decodeCancel, encodeCancel } from './cancel';
export { MisposCodecError } from './codec-error';
export {
  BANK_CARD,
  CARD_KINDS,
  CARD_ORGS,
  describeResponseCode,
  FUNDING_TYPES,
  RESPONSE_CODES,
  STATUS_CODES,
  TXN_TYPE,
  TXN_TYPES,
  type CardKind,
  type CodeMeaning,
  type FundingType,
  type KnownResponseCode,
  type NeededRequestField,
  type StatusCode,
  type TxnType,
  type TxnTypeName,
} from './codes';
export { fieldOffset, layoutBytes, type FieldFormat, type FieldSpec } from './field-layout';
export { ACK, encodeFrame, ETX, lrc, MAX_BODY_BYTES, NAK, STX } from './frame';
export { FrameReader, type BadFrameReason, type FrameEvent } from './frame-reader';
export { decodeMessage, encodeMessage, type MisposMessage } from './message';
export { MESSAGE_KINDS, type MessageKind } from './message-kind';
export {
  decodeRequest,
  encodeRequest,
  missingRequestFields,
  MisposRequestSchema,
  REQUEST_LAYOUT,
  type MisposRequest,
} from './request';
export {
  decodeResponse,
  encodeResponse,
  MAX_SLIP_BYTES,
  MisposResponseSchema,
  RESPONSE_LAYOUT,
  type MisposResponse,
} from './response';
export { SettlementTotalsSchema, type SettlementTotals, type TotalsBlock } from './settlement-totals';
export {
  decodeStatus,
  encodeStatus,
  MisposStatusSchema,
  STATUS_LAYOUT,
  standardStatus,
  type MisposStatus,
} from './status';
