import { encodeField61 } from '../iso8583/composite-fields';
import { runOnline } from './online-transaction';
import type { TransactionContext, TransactionOutcome } from './transaction-context';

/**
 * Void (01) of a sale or completion, or completion void (13): same batch, full amount, once. The terminal has the
 * card on file, so the cardholder need not present it.
 */
export async function voidTransaction(context: TransactionContext): Promise<TransactionOutcome> {
  const { state, request } = context;
  const original = state.findVoucher(request.origVoucherNo);
  if (!original) {
    const inPreviousBatch =
      request.origVoucherNo !== 0 && state.findVoucher(request.origVoucherNo, state.previousJournal);
    return { response: context.answer(inPreviousBatch ? 'X6' : '25'), approvedByHost: false };
  }
  const voidable = request.txnType === '13' ? ['completion'] : ['sale', 'completion'];
  if (original.outcome !== 'approved' || !voidable.includes(original.kind)) {
    return { response: context.answer('X6'), approvedByHost: false };
  }
  if (original.voided) return { response: context.answer('X5'), approvedByHost: false };
  return runOnline(context, {
    kind: original.kind === 'sale' ? 'saleVoid' : 'completionVoid',
    card: original.card,
    pin: null,
    amountFen: original.amountFen,
    original: {
      37: original.rrn,
      38: original.authCode,
      61: encodeField61({ batchNo: original.batchNo, traceNo: original.voucherNo, mmdd: original.hostMmdd }),
    },
    voids: original,
    slipOriginal: { voucherNo: original.voucherNo, rrn: original.rrn },
  });
}
