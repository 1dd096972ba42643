import type { SaleLine } from '../domain/sale';

/** What a stock movement needs of a line. */
export type StockLine = Pick<SaleLine, 'productId' | 'unit' | 'quantity' | 'weightGrams'>;

/** Stock moves in units for counted goods and in grams for weighed goods; a sale (positive quantity) takes stock out. */
export const stockDelta = (line: StockLine) =>
  line.unit === 'kg' && line.weightGrams !== null ? -Math.sign(line.quantity) * line.weightGrams : -line.quantity;
