import { formatQuantity, type StockUnit } from '@/server/receiving/quantity';

/** A ledger quantity with its unit for display: kg with three decimals for weighed goods. */
export const showQuantity = (quantity: number, unit: StockUnit) =>
  unit === 'kg' ? `${formatQuantity(quantity, unit)} kg` : formatQuantity(quantity, unit);

export const STATUS_KEYS = {
  open: 'receiving.status.open',
  closed: 'receiving.status.closed',
  cancelled: 'receiving.status.cancelled',
} as const;
