import { MisposCodecError } from './codec-error';

/** Every body starts with two ASCII letters saying what it is. */
export const MESSAGE_KINDS = {
  request: 'RQ',
  response: 'RS',
  status: 'ST',
  cancel: 'CN',
} as const;
export type MessageKind = (typeof MESSAGE_KINDS)[keyof typeof MESSAGE_KINDS];

const KIND_BYTES = 2;
const KNOWN_KINDS: readonly string[] = Object.values(MESSAGE_KINDS);

export function readMessageKind(body: Buffer): MessageKind {
  const kind = body.subarray(0, KIND_BYTES).toString('latin1');
  if (!KNOWN_KINDS.includes(kind)) throw new MisposCodecError('kind', `unknown message kind ${JSON.stringify(kind)}`);
  return kind as MessageKind;
}

/** The bytes after the kind, once the body is known to be of `kind`. */
export function bodyAfterKind(body: Buffer, kind: MessageKind): Buffer {
  const actual = readMessageKind(body);
  if (actual !== kind) throw new MisposCodecError('kind', `expected ${kind}, got ${actual}`);
  return body.subarray(KIND_BYTES);
}

export const withKind = (kind: MessageKind, rest: Buffer): Buffer => Buffer.concat([Buffer.from(kind, 'ascii'), rest]);
