import { describe, expect, it } from 'vitest';
import { approvedAmountFault } from './card-approved-amount';

describe('the amount of a card approval', () => {
  it('accepts 00 for the amount asked, and 10 for less', () => {
    expect(approvedAmountFault(1380, '00', 1380)).toBeNull();
    expect(approvedAmountFault(1380, '10', 1000)).toBeNull();
  });

  it('refuses more than asked, whatever the code, and 00 for less', () => {
    expect(approvedAmountFault(1380, '00', 1480)).toMatch(/more than asked/);
    expect(approvedAmountFault(1380, '10', 1480)).toMatch(/more than asked/);
    expect(approvedAmountFault(1380, '00', 1300)).toMatch(/full approval for less/);
    expect(approvedAmountFault(1380, '10', 0)).toMatch(/full approval for less|not known/);
  });

  it('has nothing to check for a decline or when no amount was asked', () => {
    expect(approvedAmountFault(1380, '51', 0)).toBeNull();
    expect(approvedAmountFault(0, '00', 5000)).toBeNull();
  });
});
