import type { MessageKind, TxnType } from '../index';

export type LinkEvent =
  'sent' | 'acked' | 'naked' | 'no-ack' | 'status' | 'answer' | 'discarded' | 'bad-frame' | 'stray-byte' | 'outcome';

/**
 * What the link tells its `log` callback. It carries codes and our own notes only, never a field of an RS beyond
 * `respCode` (no card number, no slip), so it may go to any log.
 */
export interface LinkLogEntry {
  readonly event: LinkEvent;
  readonly txnType: TxnType;
  readonly ecrRef: string;
  readonly messageKind?: MessageKind;
  readonly respCode?: string;
  readonly statusCode?: string;
  readonly note?: string;
}

export type LinkLog = (entry: LinkLogEntry) => void;
