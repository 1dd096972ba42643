import { missingRequestFields, type TxnType } from '../../mispos';
import { balanceInquiry, preAuth, preAuthOperation, refund, sale } from './card-transactions';
import { reprintSettlement, settle, signIn } from './batch-transactions';
import { query, reprint } from './lookups';
import type { TransactionContext, TransactionOutcome } from './transaction-context';
import { voidTransaction } from './void-transactions';

type Handler = (context: TransactionContext) => TransactionOutcome | Promise<TransactionOutcome>;

const HANDLERS: Record<TxnType, Handler> = {
  '00': sale,
  '01': voidTransaction,
  '02': refund,
  '03': balanceInquiry,
  '04': reprint,
  '05': signIn,
  '06': settle,
  '07': reprintSettlement,
  '10': preAuth,
  '11': (context) => preAuthOperation(context, 'preAuthCancel'),
  '12': (context) => preAuthOperation(context, 'completion'),
  '13': voidTransaction,
  '20': query,
};

/** Transactions that need the bank and therefore a sign-in (settlement answers X4/A4 itself). */
const NEEDS_SIGN_IN: readonly TxnType[] = ['00', '01', '02', '03', '10', '11', '12', '13'];

export async function runTransaction(context: TransactionContext): Promise<TransactionOutcome> {
  const { request, state } = context;
  if (NEEDS_SIGN_IN.includes(request.txnType) && !state.signedIn) {
    return { response: context.answer('A4'), approvedByHost: false };
  }
  const missing = missingRequestFields(request);
  if (missing.length > 0) {
    return { response: context.answer(missing.includes('amountFen') ? '13' : '12'), approvedByHost: false };
  }
  return HANDLERS[request.txnType](context);
}
