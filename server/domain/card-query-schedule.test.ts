import { describe, expect, it } from 'vitest';
import { nextQueryDelayMs } from './card-query-schedule';

describe('the schedule of queries for an unknown card outcome', () => {
  it('backs off 2 s, 5 s, 15 s, 30 s, then asks every minute', () => {
    expect([1, 2, 3, 4, 5, 6, 40].map(nextQueryDelayMs)).toEqual([
      2_000, 5_000, 15_000, 30_000, 60_000, 60_000, 60_000,
    ]);
    expect(nextQueryDelayMs(0)).toBe(2_000);
  });
});
