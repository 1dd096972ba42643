import type { MisposResponse } from '../index';

/** Why a request provably never reached the terminal. Sending it again, even with the same ecrRef, is safe. */
export type NotSentReason =
  /** No TCP connection to the terminal (refused, unreachable, or not within connectTimeoutMs). */
  | 'connect-failed'
  /** The terminal NAKed the request frame three times, so it dropped every copy. */
  | 'frame-refused'
  /** `cancel()` came before a byte of the request was written. */
  | 'cancelled'
  /** The signal fired, or the link was closed, before a byte of the request was written. */
  | 'aborted';

/** Why the request may have reached the bank without an answer reaching us. */
export type UnknownReason =
  /** The request frame was written but never ACKed. */
  | 'no-ack'
  /** No valid RS within answerTimeoutMs of the ACK; garbled or mis-echoed answers are counted in the detail. */
  | 'no-answer'
  /** The connection closed after the request was written. */
  | 'connection-lost'
  /** The signal fired, or the link was closed, after the request was written. */
  | 'aborted';

/**
 * What became of one request, for a payment service that need not know the wire:
 * - `answered`: the terminal's RS for this very request (its echoes match). `respCode` says approved, declined,
 *   cancelled (`C0`), reversed (`Z1`) or busy (`BY`: another request was in flight at the terminal and this one did
 *   nothing there, so it may be sent again later).
 * - `not-sent`: the terminal never took the request; nothing happened at the bank.
 * - `unknown`: the request may have been taken and even approved. Query (`20`) by its ecrRef until the terminal
 *   answers; never send the sale again.
 */
export type TransactOutcome =
  | { readonly kind: 'answered'; readonly response: MisposResponse }
  | { readonly kind: 'not-sent'; readonly reason: NotSentReason; readonly detail: string }
  | { readonly kind: 'unknown'; readonly reason: UnknownReason; readonly detail: string };
