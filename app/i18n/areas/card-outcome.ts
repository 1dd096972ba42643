/** Messages of a card transaction whose outcome is unknown, and of the manager's card exceptions; every key in both languages. */
export const cardOutcomeZh = {
  'error.card.outcome-unknown':
    '本单有一笔银行卡交易结果未知：请等待结果，或请店长核实；请顾客稍候，勿再刷卡、收现或作废',
  'lane.cardOutcomeWaiting':
    '银行卡交易结果未知，正在向终端查询。请勿再次刷卡、收现金或作废本单；请顾客稍候，或请店长核实。',
  'lane.cardNotCharged': '店长已确认这笔银行卡交易未扣款，请选择其他付款方式',
};

export const cardOutcomeEn: Record<keyof typeof cardOutcomeZh, string> = {
  'error.card.outcome-unknown':
    'A card payment of this sale has an unknown outcome: wait for it, or call the manager; keep the customer, do not charge again, take cash or void',
  'lane.cardOutcomeWaiting':
    'Card outcome unknown; the terminal is being asked. Do not charge the card again, take cash or void this sale: keep the customer waiting, or call the manager.',
  'lane.cardNotCharged': 'The manager found this card payment did not charge the card: choose another way to pay',
};
