import { stockTaken } from '../domain/negative-stock';
import type { SaleLine } from '../domain/sale';

/** What a stock movement needs of a line. */
export type StockLine = Pick<
  SaleLine,
  'productId' | 'unit' | 'quantity' | 'weightGrams' | 'unitPriceFen' | 'labelTotalFen'
>;

/** The ledger's movement for a line: a sale (positive quantity) takes stock out, a return puts it back. */
export const stockDelta = (line: StockLine) => -stockTaken(line);
