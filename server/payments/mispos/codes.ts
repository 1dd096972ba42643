/** The code tables of the MIS-POS protocol, sections 2–5, with texts a cashier can be shown. */

export interface CodeMeaning {
  readonly zh: string;
  readonly en: string;
}

export const CARD_KINDS = {
  '00': { zh: '银行卡', en: 'Bank card' },
} as const satisfies Record<string, CodeMeaning>;
export type CardKind = keyof typeof CARD_KINDS;
export const BANK_CARD: CardKind = '00';

/** Request fields a transaction type needs besides the ones every request carries. */
export type NeededRequestField = 'amountFen' | 'origDate' | 'origRefNo' | 'origVoucherNo' | 'origAuthCode' | 'ecrRef';

interface TxnTypeMeaning extends CodeMeaning {
  readonly name: string;
  readonly needs: readonly NeededRequestField[];
}

export const TXN_TYPES = {
  '00': { name: 'sale', zh: '消费', en: 'Sale', needs: ['amountFen'] },
  '01': { name: 'void', zh: '撤销', en: 'Void', needs: ['origVoucherNo'] },
  '02': { name: 'refund', zh: '退货', en: 'Refund', needs: ['amountFen', 'origDate', 'origRefNo'] },
  '03': { name: 'balanceInquiry', zh: '余额查询', en: 'Balance inquiry', needs: [] },
  '04': { name: 'reprint', zh: '重打印', en: 'Reprint slip', needs: ['origVoucherNo'] },
  '05': { name: 'signIn', zh: '签到', en: 'Sign-in', needs: [] },
  '06': { name: 'settlement', zh: '结算', en: 'Settlement', needs: [] },
  '07': { name: 'reprintSettlement', zh: '重打结算单', en: 'Reprint settlement slip', needs: [] },
  '10': { name: 'preAuth', zh: '预授权', en: 'Pre-authorisation', needs: ['amountFen'] },
  '11': {
    name: 'preAuthCancel',
    zh: '预授权撤销',
    en: 'Pre-authorisation cancel',
    needs: ['amountFen', 'origRefNo', 'origAuthCode'],
  },
  '12': {
    name: 'preAuthCompletion',
    zh: '预授权完成',
    en: 'Pre-authorisation completion',
    needs: ['amountFen', 'origRefNo', 'origAuthCode'],
  },
  '13': { name: 'completionVoid', zh: '预授权完成撤销', en: 'Completion void', needs: ['origVoucherNo'] },
  '20': { name: 'queryByEcrRef', zh: '交易查询', en: 'Query by ECR reference', needs: ['ecrRef'] },
} as const satisfies Record<string, TxnTypeMeaning>;
export type TxnType = keyof typeof TXN_TYPES;
export type TxnTypeName = (typeof TXN_TYPES)[TxnType]['name'];

/** Transaction type codes by name, for code that reads `TXN_TYPE.refund` rather than `'02'`. */
export const TXN_TYPE = Object.fromEntries(
  Object.entries(TXN_TYPES).map(([code, meaning]) => [meaning.name, code]),
) as { readonly [Code in TxnType as (typeof TXN_TYPES)[Code]['name']]: Code };

interface ResponseCodeMeaning extends CodeMeaning {
  /** `bank`: from the card network; `terminal`: decided by the terminal itself. */
  readonly source: 'bank' | 'terminal';
}

export const RESPONSE_CODES = {
  '00': { source: 'bank', zh: '交易成功', en: 'Approved' },
  '01': { source: 'bank', zh: '请持卡人与发卡行联系', en: 'Refer to card issuer' },
  '03': { source: 'bank', zh: '无效商户', en: 'Invalid merchant' },
  '05': { source: 'bank', zh: '发卡行拒绝交易', en: 'Do not honour' },
  '10': { source: 'bank', zh: '部分承兑', en: 'Partial approval' },
  '12': { source: 'bank', zh: '无效交易', en: 'Invalid transaction' },
  '13': { source: 'bank', zh: '无效金额', en: 'Invalid amount' },
  '14': { source: 'bank', zh: '无效卡号', en: 'Invalid card' },
  '22': { source: 'bank', zh: '终端状态不符，请重新签到', en: 'Terminal state mismatch, sign in again' },
  '25': { source: 'bank', zh: '找不到原始交易', en: 'Original transaction not found' },
  '34': { source: 'bank', zh: '没收卡', en: 'Pick-up card' },
  '41': { source: 'bank', zh: '没收卡', en: 'Pick-up card' },
  '43': { source: 'bank', zh: '没收卡', en: 'Pick-up card' },
  '51': { source: 'bank', zh: '余额不足', en: 'Insufficient funds' },
  '54': { source: 'bank', zh: '过期卡', en: 'Expired card' },
  '55': { source: 'bank', zh: '密码错误', en: 'Wrong PIN' },
  '61': { source: 'bank', zh: '超出金额限制', en: 'Amount limit exceeded' },
  '64': { source: 'bank', zh: '原始金额不符', en: 'Original amount mismatch' },
  '75': { source: 'bank', zh: '密码错误次数超限', en: 'PIN tries exceeded' },
  '90': { source: 'bank', zh: '日切处理中', en: 'Day cut-over in progress' },
  '91': { source: 'bank', zh: '发卡行暂不能处理', en: 'Issuer unavailable' },
  '94': { source: 'bank', zh: '重复交易', en: 'Duplicate transmission' },
  '96': { source: 'bank', zh: '系统故障', en: 'System error' },
  '98': { source: 'bank', zh: '银行应答超时', en: 'Host timeout' },
  A0: { source: 'bank', zh: 'MAC 校验错，请重新签到', en: 'MAC error, sign in again' },
  A4: { source: 'terminal', zh: '终端未签到', en: 'Terminal not signed in' },
  X4: { source: 'terminal', zh: '批次已结算', en: 'Batch already settled' },
  X5: { source: 'terminal', zh: '原交易已撤销', en: 'Original already voided' },
  X6: { source: 'terminal', zh: '原交易不可撤销', en: 'Original is not voidable' },
  C0: { source: 'terminal', zh: '交易已取消', en: 'Cancelled' },
  Z1: {
    source: 'terminal',
    zh: '银行无应答，交易将被冲正',
    en: 'No answer from the bank; the transaction will be reversed',
  },
  BY: { source: 'terminal', zh: '终端忙', en: 'Terminal busy' },
} as const satisfies Record<string, ResponseCodeMeaning>;
export type KnownResponseCode = keyof typeof RESPONSE_CODES;

/** What a response code means for the cashier; real acquirers may send codes beyond the spec's list. */
export function describeResponseCode(code: string): CodeMeaning {
  if (Object.hasOwn(RESPONSE_CODES, code)) return RESPONSE_CODES[code as KnownResponseCode];
  return { zh: `未知应答码 ${code}`, en: `Unknown response code ${code}` };
}

export const STATUS_CODES = {
  '01': { zh: '请插卡或刷卡或挥卡', en: 'Waiting for the card' },
  '02': { zh: '请输入密码', en: 'Waiting for the PIN' },
  '03': { zh: '正在连接银行', en: 'Connecting to the bank' },
  '04': { zh: '正在打印', en: 'Printing' },
} as const satisfies Record<string, CodeMeaning>;
export type StatusCode = keyof typeof STATUS_CODES;

/** `''` where no card was read (e.g. sign-in, or a decline before the card). */
export const FUNDING_TYPES = {
  D: { zh: '借记卡', en: 'Debit' },
  C: { zh: '贷记卡', en: 'Credit' },
} as const satisfies Record<string, CodeMeaning>;
export type FundingType = keyof typeof FUNDING_TYPES;

export const CARD_ORGS = {
  CUP: { zh: '银联', en: 'UnionPay' },
  VIS: { zh: 'Visa', en: 'Visa' },
  MCC: { zh: '万事达', en: 'Mastercard' },
  JCB: { zh: 'JCB', en: 'JCB' },
  AMX: { zh: '美国运通', en: 'American Express' },
} as const satisfies Record<string, CodeMeaning>;
