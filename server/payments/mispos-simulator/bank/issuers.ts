/** Issuer institution codes (the first 4 digits of UnionPay's 11-digit ids) and the names a terminal prints. */
export const ISSUERS = {
  '0102': '工商银行',
  '0103': '农业银行',
  '0104': '中国银行',
  '0105': '建设银行',
  '0301': '交通银行',
  '0308': '招商银行',
  '9001': '境外银行',
} as const;
export type IssuerCode = keyof typeof ISSUERS;

/** Our acquirer's code in field 44. */
export const ACQUIRER_CODE = '4802';

export const issuerName = (code: string): string => (Object.hasOwn(ISSUERS, code) ? ISSUERS[code as IssuerCode] : '');
