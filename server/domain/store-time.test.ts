import { describe, expect, it } from 'vitest';
import { receiptNumber, slipDate, storeLocalTime } from './store-time';

describe('store-local time', () => {
  it('puts a moment in the store’s business day and hour', () => {
    expect(storeLocalTime(new Date('2026-11-21T16:30:00Z'), 'Asia/Shanghai')).toEqual({
      businessDate: '2026-11-22',
      hour: 0,
    });
    expect(storeLocalTime(new Date('2026-11-21T01:05:00Z'), 'Asia/Shanghai')).toEqual({
      businessDate: '2026-11-21',
      hour: 9,
    });
    expect(storeLocalTime(new Date('2026-11-21T01:05:00Z'), 'Europe/London')).toEqual({
      businessDate: '2026-11-21',
      hour: 1,
    });
  });

  it('numbers receipts by lane and store-local time to the millisecond', () => {
    expect(receiptNumber(3, new Date('2026-11-21T01:30:15.123Z'), 'Asia/Shanghai')).toBe('03-20261121-093015123');
    expect(receiptNumber(12, new Date('2026-11-21T16:00:00.007Z'), 'Asia/Shanghai')).toBe('12-20261122-000000007');
  });

  it("dates a bank slip by the store's own day", () => {
    expect(slipDate(new Date('2026-11-21T16:30:00Z'), 'Asia/Shanghai')).toBe('20261122');
    expect(slipDate(new Date('2026-11-21T16:30:00Z'), 'Europe/Berlin')).toBe('20261121');
  });
});
