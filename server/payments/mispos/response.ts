import { z } from 'zod';
import { MisposCodecError } from './codec-error';
import { CARD_KINDS, FUNDING_TYPES, TXN_TYPES } from './codes';
import { decodeFields, encodeFields, field, layoutBytes } from './field-layout';
import {
  codeSchema,
  countSchema,
  digitsSchema,
  hhmmssSchema,
  mmddSchema,
  nullDateToZeros,
  parseOrThrow,
  yyyymmddSchema,
  zeroDateToNull,
} from './field-schemas';
import { MAX_BODY_BYTES } from './frame';
import { decodeGbk, encodeGbk, hasControlCharacter } from './gbk-text';
import { bodyAfterKind, MESSAGE_KINDS, withKind } from './message-kind';
import { decodeSettlementTotals, encodeSettlementTotals, SettlementTotalsSchema } from './settlement-totals';

/** Section 3: the 276 bytes after `RS` (fields 1–23, ending with slipLen); the slip follows. */
export const RESPONSE_LAYOUT = [
  field('respCode', 'ANS', 2),
  field('cardKind', 'N', 2),
  field('txnType', 'N', 2),
  field('issuerCode', 'N', 4),
  field('issuerName', 'ANS', 8),
  field('cardNo', 'ANS', 20),
  field('cardOrg', 'ANS', 3),
  field('fundingType', 'A', 1),
  field('voucherNo', 'N', 6),
  field('amountFen', 'N', 12),
  field('message', 'ANS', 40),
  field('merchantId', 'ANS', 15),
  field('terminalId', 'ANS', 8),
  field('batchNo', 'N', 6),
  field('txnDate', 'N', 8),
  field('txnTime', 'N', 6),
  field('refNo', 'ANS', 12),
  field('authCode', 'ANS', 6),
  field('settleDate', 'N', 4),
  field('ecrRef', 'ANS', 32),
  field('nonce', 'N', 3),
  field('totals', 'ANS', 72),
  field('slipLen', 'N', 4),
] as const;

const KIND_BYTES = 2;
const FIXED_BYTES = layoutBytes(RESPONSE_LAYOUT);
/** slipLen could say 9999, but the whole body must fit the frame's 4-digit LEN. */
export const MAX_SLIP_BYTES = MAX_BODY_BYTES - KIND_BYTES - FIXED_BYTES;

const MAX_CARD_NO_DIGITS = 10;
// Line breaks and tabs only: then no body holds STX, ETX, ACK or NAK, which FrameReader relies on.
const SLIP_CONTROL_CHARACTERS = '\n\r\t';

export const MisposResponseSchema = z.object({
  respCode: z.string().regex(/^[0-9A-Z]{2}$/, 'must be two digits or capital letters'),
  cardKind: codeSchema(CARD_KINDS, 'is not a known card kind'),
  txnType: codeSchema(TXN_TYPES, 'is not a known transaction type'),
  issuerCode: digitsSchema(4),
  issuerName: z.string(),
  cardNo: z
    .string()
    .refine(
      (cardNo) => cardNo.replace(/[^0-9]/g, '').length <= MAX_CARD_NO_DIGITS,
      'must be masked, showing only the first 6 and last 4 digits',
    ),
  cardOrg: z.string(),
  fundingType: z.union([codeSchema(FUNDING_TYPES, 'must be D, C or empty'), z.literal('')], 'must be D, C or empty'),
  voucherNo: countSchema(6),
  amountFen: countSchema(12),
  message: z.string(),
  merchantId: z.string(),
  terminalId: z.string(),
  batchNo: countSchema(6),
  /** Host date `yyyymmdd`; `null` (zeros) when the host was not reached. */
  txnDate: yyyymmddSchema.nullable(),
  txnTime: hhmmssSchema,
  refNo: z.string(),
  authCode: z.string(),
  /** `MMDD`; `null` (zeros) when the host gave none. */
  settleDate: mmddSchema.nullable(),
  ecrRef: z.string(),
  nonce: countSchema(3),
  totals: SettlementTotalsSchema.nullable(),
  slip: z
    .string()
    .refine(
      (slip) => !hasControlCharacter(slip, SLIP_CONTROL_CHARACTERS),
      'must not contain control characters but line breaks and tabs',
    ),
});
export type MisposResponse = z.infer<typeof MisposResponseSchema>;

export function encodeResponse(response: MisposResponse): Buffer {
  const valid = parseOrThrow(MisposResponseSchema, response);
  const slip = encodeGbk('slip', valid.slip);
  if (slip.length > MAX_SLIP_BYTES) {
    throw new MisposCodecError(
      'slip',
      `is ${slip.length} bytes in GBK, a response frame has room for ${MAX_SLIP_BYTES}`,
    );
  }
  const fixed = encodeFields(RESPONSE_LAYOUT, {
    ...valid,
    voucherNo: String(valid.voucherNo),
    amountFen: String(valid.amountFen),
    batchNo: String(valid.batchNo),
    txnDate: nullDateToZeros(valid.txnDate, 8),
    settleDate: nullDateToZeros(valid.settleDate, 4),
    nonce: String(valid.nonce),
    totals: valid.totals ? encodeSettlementTotals(valid.totals) : '',
    slipLen: String(slip.length),
  });
  return withKind(MESSAGE_KINDS.response, Buffer.concat([fixed, slip]));
}

export function decodeResponse(body: Buffer): MisposResponse {
  const rest = bodyAfterKind(body, MESSAGE_KINDS.response);
  if (rest.length < FIXED_BYTES) {
    throw new MisposCodecError('body', `is ${rest.length} bytes after the kind, a response needs ${FIXED_BYTES}`);
  }
  const wire = decodeFields(RESPONSE_LAYOUT, rest.subarray(0, FIXED_BYTES));
  const slip = rest.subarray(FIXED_BYTES);
  if (Number(wire.slipLen) !== slip.length) {
    throw new MisposCodecError('slipLen', `says ${Number(wire.slipLen)} bytes, but ${slip.length} follow`);
  }
  const { slipLen: _slipLen, ...fields } = wire;
  return parseOrThrow(MisposResponseSchema, {
    ...fields,
    voucherNo: Number(wire.voucherNo),
    amountFen: Number(wire.amountFen),
    batchNo: Number(wire.batchNo),
    txnDate: zeroDateToNull(wire.txnDate),
    settleDate: zeroDateToNull(wire.settleDate),
    nonce: Number(wire.nonce),
    totals: decodeSettlementTotals(wire.totals),
    slip: decodeGbk('slip', slip),
  });
}
