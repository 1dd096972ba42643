/** Messages of a card transaction whose outcome is unknown, and of the manager's card exceptions; every key in both languages. */
export const cardOutcomeZh = {
  'error.card.outcome-unknown':
    '有一笔银行卡交易结果未知：请等待结果，或请店长核实；请顾客稍候，勿再刷卡、收现、作废或签退',
  'lane.cardOutcomeWaiting':
    '银行卡交易结果未知，正在向终端查询。请勿再次刷卡、收现金或作废本单；请顾客稍候，或请店长核实。',
  'lane.cardNotCharged': '店长已确认这笔银行卡交易未扣款，请选择其他付款方式',
  'error.card.not-unattached': '这笔银行卡交易已在销售单上，或已撤销/退款',
  'cards.unattached': '已扣款但不在任何销售单上',
  'cards.unattachedHelp':
    '顾客被扣款，但这笔交易不在任何销售单、退货或预授权上（所属销售已完成或作废，或超过 30 分钟未完成）。请撤销或退款给顾客。',
  'cards.noUnattached': '没有',
  'cards.voidAtTerminal': '在终端撤销',
  'cards.refundToCard': '退款到卡',
  'cards.notBalanced':
    '未平账：{unattached} 笔已扣款但不在销售单上（{amount}），{unknown} 笔结果未知。处理完前各日不能平账。',
  'audit.action.card.unattached-voided': '撤销无销售单的银行卡交易',
  'audit.action.card.unattached-refunded': '退款无销售单的银行卡交易',
  'cards.voucherNo': '凭证号',
  'cards.slipDate': '交易日期（签购单）',
  'fieldError.refNo': '请填写签购单上的参考号（最多 12 位字母或数字）',
  'fieldError.voucherNo': '请填写签购单上的 6 位凭证号',
  'fieldError.hostDate': '请按 yyyymmdd 填写签购单上的交易日期',
  'error.card.batch-unknown': '该终端在这笔交易后已结算，且签购单未给出批次号：不能撤销，请改为退款到卡',
  'error.return.already-recorded': '这笔退货已记录',
  'error.return.card-refunded': '这笔退货已退款到卡',
};

export const cardOutcomeEn: Record<keyof typeof cardOutcomeZh, string> = {
  'error.card.outcome-unknown':
    'A card transaction has an unknown outcome: wait for it, or call the manager; keep the customer, do not charge again, take cash, void or sign out',
  'lane.cardOutcomeWaiting':
    'Card outcome unknown; the terminal is being asked. Do not charge the card again, take cash or void this sale: keep the customer waiting, or call the manager.',
  'lane.cardNotCharged': 'The manager found this card payment did not charge the card: choose another way to pay',
  'error.card.not-unattached': 'This card payment is on a sale, or already voided or refunded',
  'cards.unattached': 'Approved, not on any sale',
  'cards.unattachedHelp':
    'The customer was charged, but the payment is on no sale, return or pre-authorisation (its sale was finished or voided without it, or left open over 30 minutes). Void or refund it to the customer.',
  'cards.noUnattached': 'None',
  'cards.voidAtTerminal': 'Void at terminal',
  'cards.refundToCard': 'Refund to card',
  'cards.notBalanced':
    'Not balanced: {unattached} approved card payments on no sale ({amount}), {unknown} of unknown outcome. No day balances until they are settled.',
  'audit.action.card.unattached-voided': 'Voided a card payment on no sale',
  'audit.action.card.unattached-refunded': 'Refunded a card payment on no sale',
  'cards.voucherNo': 'Voucher no.',
  'cards.slipDate': 'Date (slip)',
  'fieldError.refNo': 'The reference number on the bank slip (up to 12 letters or digits)',
  'fieldError.voucherNo': 'The 6-digit voucher number on the bank slip',
  'fieldError.hostDate': 'The transaction date on the slip, as yyyymmdd',
  'error.card.batch-unknown':
    'The terminal has settled since this payment and the slip gave no batch: it cannot be voided, refund it to the card instead',
  'error.return.already-recorded': 'This return is already recorded',
  'error.return.card-refunded': 'The card was already refunded for this return',
};
