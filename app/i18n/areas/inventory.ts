/** Messages shared by the inventory screens, merged into messages.ts; every key in both languages. */
export const inventoryZh = {
  'nav.stock': '库存',
  'nav.receiving': '收货',
  'nav.stocktakes': '盘点',
  'nav.transfers': '调拨',
  'error.stock.unknown-product': '有一行的商品不属于本门店',
} as const;

export const inventoryEn: Record<keyof typeof inventoryZh, string> = {
  'nav.stock': 'Stock',
  'nav.receiving': 'Receiving',
  'nav.stocktakes': 'Stocktakes',
  'nav.transfers': 'Transfers',
  'error.stock.unknown-product': 'A line names a product this store does not have',
};
