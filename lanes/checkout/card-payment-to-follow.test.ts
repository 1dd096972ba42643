import { describe, expect, it } from 'vitest';
import { cardPaymentToFollow } from './card-payment-to-follow';

describe('cardPaymentToFollow', () => {
  const none = { startedId: null, startedState: undefined, serverNamedId: null, claimedIds: [] };

  it('follows the payment started here while it runs or once approved', () => {
    for (const startedState of [undefined, 'in_flight', 'unknown', 'approved']) {
      expect(cardPaymentToFollow({ ...none, startedId: 'a', startedState, serverNamedId: 'b' })).toBe('a');
    }
  });

  it("takes the server's payment of the sale once the started one ended without approval", () => {
    for (const startedState of ['declined', 'not_sent', 'failed']) {
      expect(cardPaymentToFollow({ ...none, startedId: 'a', startedState, serverNamedId: 'b' })).toBe('b');
      expect(cardPaymentToFollow({ ...none, startedId: 'a', startedState })).toBe('a');
    }
  });

  it("takes the server's payment when it started none, but never one already tendered", () => {
    expect(cardPaymentToFollow({ ...none, serverNamedId: 'b' })).toBe('b');
    expect(cardPaymentToFollow({ ...none, serverNamedId: 'b', claimedIds: ['b'] })).toBeNull();
  });
});
