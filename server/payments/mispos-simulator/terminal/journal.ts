import type { MisposResponse, TxnType } from '../../mispos';
import type { TestCardKind } from '../bank/test-cards';
import type { ReversibleKind } from '../iso8583/bank-transactions';
import type { IsoMessage } from '../iso8583/field-specs';

/** A card as the terminal read it; the full PAN never leaves the terminal–host side. */
export interface CardOnFile {
  readonly kind: TestCardKind;
  readonly pan: string;
  readonly cardOrg: string;
  readonly fundingType: 'D' | 'C';
  readonly needsPin: boolean;
  /** From the host's field 44; `0000` until a host named one. */
  readonly issuerCode: string;
}

/** One financial transaction of the batch, under its voucher (trace) number. */
export interface JournalEntry {
  readonly voucherNo: number;
  readonly batchNo: number;
  readonly txnType: TxnType;
  readonly kind: ReversibleKind | 'balance';
  /** `reversed`: the bank did not answer, a reversal was queued (`Z1`). */
  readonly outcome: 'approved' | 'declined' | 'reversed';
  readonly amountFen: number;
  readonly card: CardOnFile;
  readonly rrn: string;
  readonly authCode: string;
  /** Host date `MMDD`, which a refund of this transaction names. */
  readonly hostMmdd: string;
  /** The request as sent, so that a reversal can repeat it. */
  readonly sent: IsoMessage;
  /** The final answer given to the ECR, slip included. */
  readonly response: MisposResponse;
  voided: boolean;
}
