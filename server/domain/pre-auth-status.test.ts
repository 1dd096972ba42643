import { describe, expect, it } from 'vitest';
import { preAuthStatus } from './pre-auth-status';

const followUp = (id: string, originalPaymentId: string, txnType: string, state = 'approved') => ({
  id,
  originalPaymentId,
  txnType,
  state,
});

describe('pre-authorisation status', () => {
  it('is open with nothing on it, or only failed attempts', () => {
    expect(preAuthStatus('p', [])).toEqual({ kind: 'open' });
    expect(preAuthStatus('p', [followUp('c', 'p', '12', 'declined'), followUp('x', 'p', '11', 'not_sent')])).toEqual({
      kind: 'open',
    });
  });

  it('is completed by an approved completion, and says when that completion was refunded', () => {
    const completion = followUp('c', 'p', '12');
    expect(preAuthStatus('p', [completion])).toEqual({ kind: 'completed', completion, refunded: false });
    expect(preAuthStatus('p', [completion, followUp('r', 'c', '02')])).toEqual({
      kind: 'completed',
      completion,
      refunded: true,
    });
  });

  it('is open again once its completion is voided, and completed by the next completion', () => {
    const voided = [followUp('c1', 'p', '12'), followUp('v', 'c1', '13')];
    expect(preAuthStatus('p', voided)).toEqual({ kind: 'open' });
    const again = followUp('c2', 'p', '12');
    expect(preAuthStatus('p', [...voided, again])).toMatchObject({ kind: 'completed', completion: { id: 'c2' } });
  });

  it('is cancelled by an approved cancel', () => {
    expect(preAuthStatus('p', [followUp('x', 'p', '11')])).toEqual({ kind: 'cancelled' });
  });

  it('is pending while a cancel, completion or completion void is under way or unknown', () => {
    expect(preAuthStatus('p', [followUp('x', 'p', '11', 'in_flight')])).toEqual({ kind: 'pending' });
    expect(preAuthStatus('p', [followUp('c', 'p', '12', 'unknown')])).toEqual({ kind: 'pending' });
    expect(preAuthStatus('p', [followUp('c', 'p', '12'), followUp('v', 'c', '13', 'unknown')])).toEqual({
      kind: 'pending',
    });
  });

  it('looks only at its own follow-ups', () => {
    expect(preAuthStatus('p', [followUp('c', 'other', '12'), followUp('x', 'other', '11')])).toEqual({ kind: 'open' });
  });
});
