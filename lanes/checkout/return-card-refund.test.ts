import { describe, expect, it, vi } from 'vitest';
import { voidElseRefund } from './return-card-refund';

const refused = (reason: string) => Object.assign(new Error(reason), { reason });
const reasonOf = (error: unknown) => (error as { reason?: string }).reason ?? null;

describe('voidElseRefund', () => {
  it('refunds when the server refused the void before sending it', async () => {
    const refund = vi.fn(async () => 'refund');
    for (const reason of ['card.not-voidable', 'card.void-other-lane', 'card.batch-unknown']) {
      await expect(voidElseRefund(() => Promise.reject(refused(reason)), refund, reasonOf)).resolves.toBe('refund');
    }
    expect(refund).toHaveBeenCalledTimes(3);
  });

  it('never refunds after a void that may have gone through: unknown outcome, already voided, lost connection', async () => {
    const refund = vi.fn(async () => 'refund');
    for (const error of [
      refused('card.outcome-unknown'),
      refused('card.already-voided'),
      new TypeError('fetch failed'),
    ]) {
      await expect(voidElseRefund(() => Promise.reject(error), refund, reasonOf)).rejects.toBe(error);
    }
    expect(refund).not.toHaveBeenCalled();
  });

  it('takes the void when it ends', async () => {
    const refund = vi.fn(async () => 'refund');
    await expect(voidElseRefund(async () => 'void', refund, reasonOf)).resolves.toBe('void');
    expect(refund).not.toHaveBeenCalled();
  });
});
