/** Attaching an approval on no sale to a lane's open sale: the manager's offer and the cashier's answer. */
export const cardAttachZh = {
  'cards.attachToLane': '关联到收银台的当前销售',
  'cards.attachLane': '收银台',
  'cards.offeredToLane': '已发给 {lane} 号收银台，等待收银员加入当前销售',
  'cards.addedToSale': '{lane} 号收银台已加入当前销售，等待结账',
  'lane.cardOffer': '店长关联了一笔银行卡付款 {amount}（卡号 {card}）。加入本单吗？',
  'lane.cardOfferAdd': '加入本单',
  'lane.cardOfferDecline': '不是本单',
  'lane.cardOfferTooMuch': '这笔银行卡付款 {amount} 超过本单应付金额，不能加入：请店长退款给顾客。',
  'audit.action.card.offered-to-lane': '把无销售单的银行卡交易发给收银台',
  'audit.action.card.added-to-sale': '把店长关联的银行卡交易加入销售',
  'error.card.being-given-back': '这笔银行卡交易正在撤销或退款',
  'error.card.offer-on-open-sale': '收银员已把这笔交易加入一笔未完成的销售：请先完成或作废那笔销售',
  'error.card.not-offered-here': '这笔银行卡交易没有发给本收银台',
  'error.card.offer-taken': '这笔银行卡交易已在另一笔销售上',
  'error.card.sale-not-open': '这笔销售已完成或作废',
};

export const cardAttachEn: Record<keyof typeof cardAttachZh, string> = {
  'cards.attachToLane': 'Attach to the open sale on lane',
  'cards.attachLane': 'Lane',
  'cards.offeredToLane': 'Sent to lane {lane}: waiting for the cashier to add it to the open sale',
  'cards.addedToSale': 'Added to the open sale on lane {lane}: waiting for the sale to finish',
  'lane.cardOffer': 'The manager attached a card payment of {amount} (card {card}). Add it to this sale?',
  'lane.cardOfferAdd': 'Add',
  'lane.cardOfferDecline': 'Not this sale',
  'lane.cardOfferTooMuch':
    'This card payment of {amount} is more than this sale is due, so it cannot be added: ask the manager to refund it.',
  'audit.action.card.offered-to-lane': 'Offered a card payment on no sale to a lane',
  'audit.action.card.added-to-sale': "Added the manager's card payment to a sale",
  'error.card.being-given-back': 'This card payment is being voided or refunded',
  'error.card.offer-on-open-sale':
    'A cashier added this card payment to a sale still open: finish or void that sale first',
  'error.card.not-offered-here': 'This card payment was not offered to this lane',
  'error.card.offer-taken': 'This card payment is already on another sale',
  'error.card.sale-not-open': 'This sale is already finished or voided',
};
