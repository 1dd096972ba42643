/** A manager's settlement as failed that the bank's answer overruled; every key in both languages. */
export const cardFailedVerificationZh = {
  'cards.correctedFromFailed': '{manager} 曾按“未扣款”处理，银行实际已批准：顾客已被扣款',
  'cards.failedWasApproved': '凭证号 {voucher}：店长曾按未扣款处理，银行已批准，已更正为已扣款',
  'audit.action.card.outcome-corrected': '银行卡交易更正为已批准（推翻店长的“未扣款”处理）',
};

export const cardFailedVerificationEn: Record<keyof typeof cardFailedVerificationZh, string> = {
  'cards.correctedFromFailed': 'Settled as failed by {manager}, the bank approved it: the customer was charged',
  'cards.failedWasApproved': 'Voucher {voucher}: settled as failed by the manager, the bank approved it; corrected',
  'audit.action.card.outcome-corrected': 'Card payment corrected to approved (overrules a settlement as failed)',
};
