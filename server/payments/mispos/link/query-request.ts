import { TXN_TYPE } from '../index';
import type { LinkRequest } from './link-request';

/**
 * The `20` request that asks the terminal for the final response to `original`, found by its ecrRef. The answer
 * echoes the query but carries the original's outcome; `25` means the terminal never got the original.
 */
export function queryRequestFor(
  original: Pick<LinkRequest, 'cardKind' | 'posId' | 'operatorId' | 'ecrRef'>,
): LinkRequest {
  return {
    cardKind: original.cardKind,
    posId: original.posId,
    operatorId: original.operatorId,
    txnType: TXN_TYPE.queryByEcrRef,
    amountFen: 0,
    origDate: null,
    origRefNo: '',
    origVoucherNo: 0,
    origAuthCode: '',
    ecrRef: original.ecrRef,
  };
}
