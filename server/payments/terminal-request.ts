import type { TxnType } from './mispos';
import type { LinkRequest } from './mispos/link';

export type RequestIdentity = Pick<LinkRequest, 'cardKind' | 'posId' | 'operatorId'>;

/** Who speaks to the terminal: the lane as register id, the cashier's operator number. */
export const requestIdentity = (laneNumber: number, operatorNo: string): RequestIdentity => ({
  cardKind: '00',
  posId: `LANE${String(laneNumber).padStart(2, '0')}`,
  operatorId: operatorNo.slice(0, 8),
});

/** A request with no amount and no original: sign-in, settlement. */
export const plainRequest = (identity: RequestIdentity, txnType: TxnType, ecrRef: string): LinkRequest => ({
  ...identity,
  txnType,
  amountFen: 0,
  origDate: null,
  origRefNo: '',
  origVoucherNo: 0,
  origAuthCode: '',
  ecrRef,
});
