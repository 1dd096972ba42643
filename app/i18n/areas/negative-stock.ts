/** Messages of the negative stock policy (store settings, lane approval, audit), merged into messages.ts; every key in both languages. */
export const negativeStockZh = {
  'settings.negativeStockPolicy': '负库存销售',
  'settings.negativeStockPolicy.allow': '允许并标记（默认）',
  'settings.negativeStockPolicy.block': '收银台拦截，需主管授权',
  'negativeStock.title': '库存不足，需主管授权',
  'negativeStock.detail': '{name}：库存 {onHand}，本单将售 {held}',
  'negativeStock.notAdded': '{name} 库存不足，未加入',
  'audit.action.sale.negative-stock-approved': '负库存销售（授权）',
  'error.sale.negative-stock-product': '库存授权所指商品不在本单中',
} as const;

export const negativeStockEn: Record<keyof typeof negativeStockZh, string> = {
  'settings.negativeStockPolicy': 'Selling below zero stock',
  'settings.negativeStockPolicy.allow': 'Allow and flag (default)',
  'settings.negativeStockPolicy.block': 'Block at the lane, supervisor may approve',
  'negativeStock.title': 'Not enough stock: supervisor approval',
  'negativeStock.detail': '{name}: {onHand} on hand, this sale would take {held}',
  'negativeStock.notAdded': '{name} is out of stock and was not added',
  'audit.action.sale.negative-stock-approved': 'Sold beyond stock (approved)',
  'error.sale.negative-stock-product': 'The stock approval names a product this sale does not sell',
};
