import { z } from 'zod';
import { CARD_KINDS, TXN_TYPES, type NeededRequestField } from './codes';
import { decodeFields, encodeFields, field } from './field-layout';
import {
  codeSchema,
  countSchema,
  nullDateToZeros,
  parseOrThrow,
  requiredTextSchema,
  yyyymmddSchema,
  zeroDateToNull,
} from './field-schemas';
import { bodyAfterKind, MESSAGE_KINDS, withKind } from './message-kind';

/** Section 2: the 99 bytes after `RQ`. */
export const REQUEST_LAYOUT = [
  field('cardKind', 'N', 2),
  field('posId', 'ANS', 8),
  field('operatorId', 'ANS', 8),
  field('txnType', 'N', 2),
  field('amountFen', 'N', 12),
  field('origDate', 'N', 8),
  field('origRefNo', 'ANS', 12),
  field('origVoucherNo', 'N', 6),
  field('origAuthCode', 'ANS', 6),
  field('ecrRef', 'ANS', 32),
  field('nonce', 'N', 3),
] as const;

export const MisposRequestSchema = z.object({
  cardKind: codeSchema(CARD_KINDS, 'is not a known card kind'),
  posId: requiredTextSchema,
  operatorId: requiredTextSchema,
  txnType: codeSchema(TXN_TYPES, 'is not a known transaction type'),
  amountFen: countSchema(12),
  /** `yyyymmdd` of the original (refund); `null` is sent as zeros. */
  origDate: yyyymmddSchema.nullable(),
  origRefNo: z.string(),
  /** `0` means the terminal's last transaction. */
  origVoucherNo: countSchema(6),
  origAuthCode: z.string(),
  ecrRef: requiredTextSchema,
  nonce: countSchema(3),
});
export type MisposRequest = z.infer<typeof MisposRequestSchema>;

export function encodeRequest(request: MisposRequest): Buffer {
  const valid = parseOrThrow(MisposRequestSchema, request);
  const wire = encodeFields(REQUEST_LAYOUT, {
    ...valid,
    amountFen: String(valid.amountFen),
    origDate: nullDateToZeros(valid.origDate, 8),
    origVoucherNo: String(valid.origVoucherNo),
    nonce: String(valid.nonce),
  });
  return withKind(MESSAGE_KINDS.request, wire);
}

export function decodeRequest(body: Buffer): MisposRequest {
  const wire = decodeFields(REQUEST_LAYOUT, bodyAfterKind(body, MESSAGE_KINDS.request));
  return parseOrThrow(MisposRequestSchema, {
    ...wire,
    amountFen: Number(wire.amountFen),
    origDate: zeroDateToNull(wire.origDate),
    origVoucherNo: Number(wire.origVoucherNo),
    nonce: Number(wire.nonce),
  });
}

const IS_PROVIDED: Record<NeededRequestField, (request: MisposRequest) => boolean> = {
  amountFen: (request) => request.amountFen > 0,
  origDate: (request) => request.origDate !== null,
  origRefNo: (request) => request.origRefNo !== '',
  // 000000 is meaningful: the terminal's last transaction.
  origVoucherNo: () => true,
  origAuthCode: (request) => request.origAuthCode !== '',
  ecrRef: (request) => request.ecrRef !== '',
};

/**
 * Fields the request's transaction type needs (section 2) but which are zero or empty. Not enforced by the codec,
 * so that a terminal can still decode such a request and answer it with a response code.
 */
export function missingRequestFields(request: MisposRequest): NeededRequestField[] {
  const needs: readonly NeededRequestField[] = TXN_TYPES[request.txnType].needs;
  return needs.filter((name) => !IS_PROVIDED[name](request));
}
