/** Card refunds the bank made for a return that could not be recorded: listed until the manager writes them off. */
export const cardRefundsWithoutReturnZh = {
  'cards.refundsWithoutReturn': '已退款到卡但未记录退货',
  'cards.refundsWithoutReturnHelp':
    '银行已把钱退回顾客的卡，但这笔退货无法记录（例如收银员又退了一次款）。顾客的卡不能再扣款：确认后核销，并写明原因。',
  'cards.noRefundsWithoutReturn': '没有',
  'cards.originalReceipt': '原小票 {receiptNo}',
  'cards.writeOffNote': '核销原因',
  'cards.writeOff': '核销',
  'cards.notBalancedRefunds': '另有 {count} 笔退款到卡未记录退货（{amount}），核销前不能平账。',
  'audit.action.card.refund-written-off': '核销未记录退货的银行卡退款',
  'error.card.refund-not-without-return': '这笔银行卡退款不是未记录退货的退款',
};

export const cardRefundsWithoutReturnEn: Record<keyof typeof cardRefundsWithoutReturnZh, string> = {
  'cards.refundsWithoutReturn': 'Card refunds with no return recorded',
  'cards.refundsWithoutReturnHelp':
    'The bank gave this money back to the customer’s card, but the return could not be recorded (e.g. the cashier refunded it a second time). The card cannot be charged again: write it off, saying why.',
  'cards.noRefundsWithoutReturn': 'None',
  'cards.originalReceipt': 'Receipt {receiptNo}',
  'cards.writeOffNote': 'Why it is written off',
  'cards.writeOff': 'Write off',
  'cards.notBalancedRefunds':
    'Also {count} card refunds with no return recorded ({amount}): no day balances until they are written off.',
  'audit.action.card.refund-written-off': 'Wrote off a card refund with no return',
  'error.card.refund-not-without-return': 'This card refund is not one without a return',
};
