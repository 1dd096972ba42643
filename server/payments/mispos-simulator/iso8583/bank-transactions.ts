import { padDigits } from '../digits';

interface BankTransactionShape {
  readonly mti: string;
  /** Field 3; null where the message carries none. */
  readonly processingCode: string | null;
  /** Field 25; 06 marks the pre-authorisation family. */
  readonly conditionCode: string | null;
  /** Field 60.1. */
  readonly typeCode: string;
  /** Whether money moves, so that a lost answer must be reversed (and the message carries a card or an original). */
  readonly moves: 'money' | 'hold' | 'nothing';
}

/** Section 8's table: how each transaction the terminal sends the host is told apart. */
export const BANK_TRANSACTIONS = {
  signIn: { mti: '0800', processingCode: null, conditionCode: null, typeCode: '00', moves: 'nothing' },
  balance: { mti: '0200', processingCode: '310000', conditionCode: '00', typeCode: '01', moves: 'nothing' },
  sale: { mti: '0200', processingCode: '000000', conditionCode: '00', typeCode: '22', moves: 'money' },
  saleVoid: { mti: '0200', processingCode: '200000', conditionCode: '00', typeCode: '23', moves: 'money' },
  refund: { mti: '0220', processingCode: '200000', conditionCode: '00', typeCode: '25', moves: 'money' },
  preAuth: { mti: '0100', processingCode: '030000', conditionCode: '06', typeCode: '10', moves: 'hold' },
  preAuthCancel: { mti: '0100', processingCode: '200000', conditionCode: '06', typeCode: '11', moves: 'hold' },
  completion: { mti: '0200', processingCode: '000000', conditionCode: '06', typeCode: '20', moves: 'money' },
  completionVoid: { mti: '0200', processingCode: '200000', conditionCode: '06', typeCode: '21', moves: 'money' },
  settlement: { mti: '0500', processingCode: null, conditionCode: null, typeCode: '00', moves: 'nothing' },
} as const satisfies Record<string, BankTransactionShape>;

export type BankTransactionKind = keyof typeof BANK_TRANSACTIONS;
export type ReversibleKind = {
  [Kind in BankTransactionKind]: (typeof BANK_TRANSACTIONS)[Kind]['moves'] extends 'nothing' ? never : Kind;
}[BankTransactionKind];

export const REVERSAL_MTI = '0400';
export const SIGN_IN_NETWORK_CODE = '003';
export const SETTLEMENT_NETWORK_CODE = '201';
export const FINANCIAL_NETWORK_CODE = '000';

const KINDS = Object.keys(BANK_TRANSACTIONS) as BankTransactionKind[];

/** Which transaction a request (or, by its fields, the original of a 0400 reversal) is: MTI and 60.1 decide. */
export function bankTransactionKind(mti: string, typeCode: string): BankTransactionKind | null {
  return (
    KINDS.find((kind) => BANK_TRANSACTIONS[kind].mti === mti && BANK_TRANSACTIONS[kind].typeCode === typeCode) ?? null
  );
}

export const isReversible = (kind: BankTransactionKind): kind is ReversibleKind =>
  BANK_TRANSACTIONS[kind].moves !== 'nothing';

/** The MTI of the answer to `mti`: 0200 → 0210. */
export const responseMti = (mti: string): string => padDigits(Number(mti) + 10, 4);

/** The kind a 0400 reverses: 60.1 alone tells the reversible kinds apart. */
export function reversedKind(typeCode: string): ReversibleKind | null {
  return KINDS.filter(isReversible).find((kind) => BANK_TRANSACTIONS[kind].typeCode === typeCode) ?? null;
}
