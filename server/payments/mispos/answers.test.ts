import { describe, expect, it } from 'vitest';
import { answers } from './answers';
import { RandomValues, seededRandom } from './random-messages.test-support';
import type { MisposResponse } from './response';

describe('answers', () => {
  const random = new RandomValues(seededRandom(3));
  const request = { ...random.request(), txnType: '00' as const, ecrRef: 'sale-1', nonce: 17 };
  const echo: MisposResponse = {
    ...random.response(),
    cardKind: request.cardKind,
    txnType: request.txnType,
    ecrRef: request.ecrRef,
    nonce: request.nonce,
  };

  it('pairs a response that echoes cardKind, txnType, ecrRef and nonce, whatever its outcome', () => {
    expect(answers(request, echo)).toBe(true);
    expect(answers(request, { ...echo, respCode: '51', amountFen: request.amountFen + 1 })).toBe(true);
  });

  it.each([
    ['txnType', { txnType: '20' }],
    ['ecrRef', { ecrRef: 'sale-2' }],
    ['ecrRef', { ecrRef: 'sale-1x' }],
    ['nonce', { nonce: 18 }],
  ] as const)('discards a response with another %s', (_field, change) => {
    expect(answers(request, { ...echo, ...change })).toBe(false);
  });

  it('discards a response with another card kind', () => {
    const otherKind = { ...echo, cardKind: '01' } as unknown as MisposResponse;
    expect(answers(request, otherKind)).toBe(false);
  });
});
