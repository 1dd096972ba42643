/** A card transaction that refers to a pre-authorisation (cancel, completion) or to one of its completions. */
export interface PreAuthFollowUp {
  id: string;
  originalPaymentId: string | null;
  txnType: string;
  state: string;
}

export type PreAuthStatus<F extends PreAuthFollowUp> =
  | { kind: 'open' }
  | { kind: 'completed'; completion: F; refunded: boolean }
  | { kind: 'cancelled' }
  /** A cancel, completion or completion void is under way, or its outcome is unknown: nothing more until it ends. */
  | { kind: 'pending' };

/** An unknown outcome may have moved money, so it counts like one under way. */
const LIVE_STATES: ReadonlySet<string> = new Set(['approved', 'in_flight', 'unknown']);
const UNDOES_COMPLETION: ReadonlySet<string> = new Set(['01', '13']);

/**
 * Where a pre-authorisation stands: completed once (12) until that completion is voided (13), which makes it
 * open again, as the bank keeps it; cancelled (11) for good. `followUps` may hold other pre-auths' rows too.
 */
export function preAuthStatus<F extends PreAuthFollowUp>(preAuthId: string, followUps: readonly F[]): PreAuthStatus<F> {
  const live = followUps.filter((f) => LIVE_STATES.has(f.state));
  for (const completion of live.filter((f) => f.originalPaymentId === preAuthId && f.txnType === '12')) {
    const onCompletion = live.filter((f) => f.originalPaymentId === completion.id);
    const undoing = onCompletion.filter((f) => UNDOES_COMPLETION.has(f.txnType));
    if (undoing.some((f) => f.state === 'approved')) continue;
    if (undoing.length > 0 || completion.state !== 'approved') return { kind: 'pending' };
    return { kind: 'completed', completion, refunded: onCompletion.some((f) => f.txnType === '02') };
  }
  const cancel = live.find((f) => f.originalPaymentId === preAuthId && f.txnType === '11');
  if (cancel) return cancel.state === 'approved' ? { kind: 'cancelled' } : { kind: 'pending' };
  return { kind: 'open' };
}
