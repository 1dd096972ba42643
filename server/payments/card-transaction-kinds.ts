import { TXN_TYPE } from './mispos';

/** What a lane may ask its terminal to do, by name, and the wire's transaction type for each. */
export const CARD_TRANSACTION_KINDS = {
  sale: TXN_TYPE.sale,
  void: TXN_TYPE.void,
  refund: TXN_TYPE.refund,
  balance: TXN_TYPE.balanceInquiry,
  reprint: TXN_TYPE.reprint,
  'pre-auth': TXN_TYPE.preAuth,
  'pre-auth-cancel': TXN_TYPE.preAuthCancel,
  completion: TXN_TYPE.preAuthCompletion,
  'completion-void': TXN_TYPE.completionVoid,
} as const;
export type CardTransactionKind = keyof typeof CARD_TRANSACTION_KINDS;
export const CARD_KIND_NAMES = Object.keys(CARD_TRANSACTION_KINDS) as [CardTransactionKind, ...CardTransactionKind[]];

/** Moves money at the bank, so it needs a signed-in terminal and counts in settlement. */
export const FINANCIAL_TXN_TYPES: ReadonlySet<string> = new Set(['00', '01', '02', '10', '11', '12', '13']);
/** Approved codes: `10` is a partial approval, of less than was asked. */
export const APPROVED_CODES: ReadonlySet<string> = new Set(['00', '10']);
