import type { ReversibleKind } from '../iso8583/bank-transactions';
import { decodeField54, issuerCodeOf } from '../iso8583/composite-fields';
import type { IsoFields } from '../iso8583/field-specs';
import { localStamp } from '../local-time';
import { financialRequest, reversalOf } from './bank-request';
import { transactionSlip } from './bank-slip';
import { exchangeWithHost, isApproval } from './host-exchange';
import type { CardOnFile, JournalEntry } from './journal';
import { cardFields } from './responses';
import { queueReversal, sendPendingReversals } from './reversals';
import type { TransactionContext, TransactionOutcome } from './transaction-context';

export interface OnlineInput {
  readonly kind: ReversibleKind | 'balance';
  readonly card: CardOnFile;
  readonly pin: string | null;
  readonly amountFen: number;
  /** Fields 37, 38 and 61 naming the original, where there is one. */
  readonly original: IsoFields;
  /** The journal entry a void voids once the host approves. */
  readonly voids?: JournalEntry;
  readonly slipOriginal?: { readonly voucherNo?: number; readonly rrn?: string };
}

const MAX_AMOUNT_FEN = 999_999_999_999;

/** Reversals first, then the request under a new voucher number, then the answer, journal entry and slip. */
export async function runOnline(context: TransactionContext, input: OnlineInput): Promise<TransactionOutcome> {
  const { state, config, bankLink } = context.parts;
  context.phase = 'online';
  context.status('03');
  await sendPendingReversals(context);
  const keys = state.keys;
  if (!keys) return { response: context.answer('A4'), approvedByHost: false };
  const voucherNo = state.nextVoucherNo();
  const sent = financialRequest({
    kind: input.kind,
    config,
    batchNo: state.batchNo,
    voucherNo,
    card: input.card,
    pin: input.pin === null ? null : { digits: input.pin, pinKey: keys.pinKey },
    amountFen: input.amountFen,
    original: input.original,
  });
  const reply = await exchangeWithHost(bankLink, sent, keys.macKey, config.bankTimeoutMs);
  const stamp = localStamp(config.clock());
  const record = (
    outcome: JournalEntry['outcome'],
    response: TransactionOutcome['response'],
    card = input.card,
    hostMmdd = '',
  ) => {
    state.journal.push({
      voucherNo,
      batchNo: state.batchNo,
      txnType: context.request.txnType,
      kind: input.kind,
      outcome,
      amountFen: response.amountFen,
      card,
      rrn: response.refNo,
      authCode: response.authCode,
      hostMmdd,
      sent,
      response,
      voided: false,
    });
  };

  if (reply.outcome !== 'answered') {
    const reason = reply.outcome === 'bad-mac' ? 'A0' : '98';
    if (reason === 'A0') state.signOut();
    const asked = { ...cardFields(input.card), voucherNo, amountFen: input.amountFen };
    if (input.kind === 'balance') {
      const response = context.answer(reason, { ...asked, amountFen: 0 });
      record('declined', response);
      return { response, approvedByHost: false };
    }
    queueReversal(context, voucherNo, reversalOf(sent, reason));
    const response = context.answer(reason === '98' ? 'Z1' : 'A0', asked);
    record('reversed', response);
    return { response, approvedByHost: false };
  }

  const { code, fields } = reply;
  if (code === 'A0' || code === '22') state.signOut();
  const card: CardOnFile = { ...input.card, issuerCode: issuerCodeOf(fields[44]) };
  const approved = isApproval(code);
  const hostMmdd = fields[13] ?? stamp.mmdd;
  const txnDate = stamp.yyyymmdd.slice(0, 4) + hostMmdd;
  const txnTime = fields[12] ?? stamp.hhmmss;
  const refNo = fields[37] ?? '';
  const authCode = approved ? (fields[38] ?? '') : '';
  const amountFen =
    input.kind === 'balance'
      ? Math.min(Math.max(decodeField54(fields[54]) ?? 0, 0), MAX_AMOUNT_FEN)
      : approved
        ? Number(fields[4] ?? input.amountFen)
        : input.amountFen;
  const printed = approved && input.kind !== 'balance';
  if (printed) {
    context.phase = 'printing';
    context.status('04');
  }
  const slip = printed
    ? transactionSlip({
        config,
        operatorId: context.request.operatorId,
        txnType: context.request.txnType,
        card,
        amountFen,
        voucherNo,
        batchNo: state.batchNo,
        rrn: refNo,
        authCode,
        yyyymmdd: txnDate,
        hhmmss: txnTime,
        original: input.slipOriginal,
      })
    : '';
  const response = context.answer(code, {
    ...cardFields(card),
    voucherNo,
    amountFen,
    txnDate,
    txnTime,
    refNo,
    authCode,
    settleDate: hostMmdd,
    slip,
  });
  if (approved && input.voids) input.voids.voided = true;
  record(approved ? 'approved' : 'declined', response, card, hostMmdd);
  return { response, approvedByHost: approved };
}
