import { z } from 'zod';
import { STATUS_CODES, type StatusCode } from './codes';
import { decodeFields, encodeFields, field } from './field-layout';
import { codeSchema, parseOrThrow } from './field-schemas';
import { bodyAfterKind, MESSAGE_KINDS, withKind } from './message-kind';

/** Section 4: the 42 bytes after `ST`. */
export const STATUS_LAYOUT = [field('code', 'N', 2), field('text', 'ANS', 40)] as const;

export const MisposStatusSchema = z.object({
  code: codeSchema(STATUS_CODES, 'is not a known status code'),
  text: z.string(),
});
export type MisposStatus = z.infer<typeof MisposStatusSchema>;

/** A status with the protocol's own Chinese text, as the terminal shows it. */
export const standardStatus = (code: StatusCode): MisposStatus => ({ code, text: STATUS_CODES[code].zh });

export function encodeStatus(status: MisposStatus): Buffer {
  const valid = parseOrThrow(MisposStatusSchema, status);
  return withKind(MESSAGE_KINDS.status, encodeFields(STATUS_LAYOUT, valid));
}

export function decodeStatus(body: Buffer): MisposStatus {
  const wire = decodeFields(STATUS_LAYOUT, bodyAfterKind(body, MESSAGE_KINDS.status));
  return parseOrThrow(MisposStatusSchema, wire);
}
