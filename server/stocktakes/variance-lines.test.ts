import { expect, it } from 'vitest';
import { stockValueFen } from './variance-lines';

it('values units at cost per unit and grams of weighed goods at cost per kg', () => {
  expect(stockValueFen(-3, 'each', 320)).toBe(-960);
  expect(stockValueFen(-750, 'kg', 600)).toBe(-450);
  expect(stockValueFen(333, 'kg', 1_000)).toBe(333);
  expect(stockValueFen(1, 'kg', 499)).toBe(0);
});
