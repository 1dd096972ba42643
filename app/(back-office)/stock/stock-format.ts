import type { StockSource } from '@/server/stock/list-stock-history';

/** Stock moves in units for counted goods and in grams for weighed goods; people read and type kg. */
export function formatQuantity(quantity: number, unit: 'each' | 'kg'): string {
  return unit === 'kg' ? `${(quantity / 1000).toFixed(3)} kg` : String(quantity);
}

/** What a person typed, in the product's stock unit (grams for kg goods); null when it is not a number. */
export function parseQuantity(text: string, unit: 'each' | 'kg'): number | null {
  const normalized = text.normalize('NFKC').trim();
  if (unit === 'kg') {
    if (!/^[+-]?\d{1,5}(\.\d{1,3})?$/.test(normalized)) return null;
    return Math.round(Number(normalized) * 1000);
  }
  if (!/^[+-]?\d{1,7}$/.test(normalized)) return null;
  return Number(normalized);
}

/** Where a movement's document is shown: sales and returns on their sale's page, documents on theirs. */
export function sourceHref(source: StockSource): string | null {
  switch (source.type) {
    case 'sale':
      return `/sales/${source.id}`;
    case 'goods_receipt':
      return `/receiving/receipts/${source.id}`;
    case 'stock_adjustment':
      return `/stock/adjustments/${source.id}`;
    case 'stock_transfer':
      return `/transfers/${source.id}`;
    default:
      return null;
  }
}
