import { MisposCodecError } from './codec-error';
import { bodyAfterKind, MESSAGE_KINDS } from './message-kind';

/** The spec gives `CN` no fields: it cancels whatever request is in flight on the connection. */
export const encodeCancel = (): Buffer => Buffer.from(MESSAGE_KINDS.cancel, 'ascii');

export function decodeCancel(body: Buffer): void {
  const rest = bodyAfterKind(body, MESSAGE_KINDS.cancel);
  if (rest.length > 0) throw new MisposCodecError('body', `is ${rest.length} bytes after the kind, a cancel has none`);
}
