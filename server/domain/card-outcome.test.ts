import { describe, expect, it } from 'vitest';
import { cardOutcomeBlocks } from './card-outcome';

describe('cardOutcomeBlocks', () => {
  it('blocks while a card transaction is in flight or of unknown outcome, and only then', () => {
    expect(cardOutcomeBlocks([])).toBe(false);
    expect(cardOutcomeBlocks([{ state: 'approved' }, { state: 'declined' }, { state: 'not_sent' }])).toBe(false);
    expect(cardOutcomeBlocks([{ state: 'failed' }])).toBe(false);
    expect(cardOutcomeBlocks([{ state: 'approved' }, { state: 'unknown' }])).toBe(true);
    expect(cardOutcomeBlocks([{ state: 'in_flight' }])).toBe(true);
  });
});
