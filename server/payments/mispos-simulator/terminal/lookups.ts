import { REPRINT_MARK } from './bank-slip';
import type { JournalEntry } from './journal';
import type { TransactionContext, TransactionOutcome } from './transaction-context';

/** Reprint (04) of a slip of this or the previous batch by voucher number; 000000 is the last slip printed. */
export function reprint(context: TransactionContext): TransactionOutcome {
  const { state, request } = context;
  const printed = (entry: JournalEntry) => entry.response.slip !== '';
  const journals = [state.journal, state.previousJournal];
  const entry =
    request.origVoucherNo === 0
      ? journals.map((journal) => journal.filter(printed).at(-1)).find((found) => found !== undefined)
      : journals.flatMap((journal) => journal.filter((e) => e.voucherNo === request.origVoucherNo && printed(e)))[0];
  if (!entry) return { response: context.answer('25'), approvedByHost: false };
  context.phase = 'printing';
  context.status('04');
  const { txnType, ecrRef, nonce, cardKind } = request;
  const response = {
    ...entry.response,
    respCode: '00',
    txnType,
    ecrRef,
    nonce,
    cardKind,
    slip: `${REPRINT_MARK}\n${entry.response.slip}`,
  };
  return { response, approvedByHost: false };
}

/**
 * Query (20): the stored final answer to the ecrRef asked about, echoing the query's txnType, nonce and ecrRef and
 * giving every other field as it was; `25` if the terminal never got that request.
 */
export function query(context: TransactionContext): TransactionOutcome {
  const { txnType, ecrRef, nonce, cardKind } = context.request;
  const stored = context.state.answerTo(ecrRef);
  if (!stored) return { response: context.answer('25'), approvedByHost: false };
  return { response: { ...stored, txnType, ecrRef, nonce, cardKind }, approvedByHost: false };
}
