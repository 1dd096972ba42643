import { BANK_TRANSACTIONS, SETTLEMENT_NETWORK_CODE, SIGN_IN_NETWORK_CODE } from '../iso8583/bank-transactions';
import { decodeField48, encodeField48, encodeField60 } from '../iso8583/composite-fields';
import type { IsoMessage } from '../iso8583/field-specs';
import { Iso8583Error } from '../iso8583/iso8583-error';
import { decodeField62 } from '../iso8583/working-keys';
import { padDigits } from '../digits';
import { localStamp } from '../local-time';
import { sumSettlementTotals } from '../settlement-rule';
import { REPRINT_MARK, settlementSlip } from './bank-slip';
import { exchangeWithHost } from './host-exchange';
import { sendPendingReversals } from './reversals';
import type { TransactionContext, TransactionOutcome } from './transaction-context';

const answered = (context: TransactionContext, code: string): TransactionOutcome => ({
  response: context.answer(code),
  approvedByHost: false,
});

/** Sign-in (05): new working keys from field 62; opens the batch. A lost answer is `98`, there is nothing to reverse. */
export async function signIn(context: TransactionContext): Promise<TransactionOutcome> {
  const { state, config, bankLink } = context.parts;
  context.phase = 'online';
  context.status('03');
  const message: IsoMessage = {
    mti: BANK_TRANSACTIONS.signIn.mti,
    fields: {
      11: padDigits(state.peekVoucherNo(), 6),
      41: config.terminalId,
      42: config.merchantId,
      60: encodeField60({ typeCode: '00', batchNo: state.batchNo, networkCode: SIGN_IN_NETWORK_CODE }),
    },
  };
  const reply = await exchangeWithHost(bankLink, message, null, config.bankTimeoutMs);
  if (reply.outcome !== 'answered') return answered(context, '98');
  if (reply.code !== '00') return answered(context, reply.code);
  try {
    state.signIn(decodeField62(reply.fields[62]));
  } catch (error) {
    if (error instanceof Iso8583Error) return answered(context, '96');
    throw error;
  }
  return {
    response: context.answer('00', { message: '签到成功', refNo: reply.fields[37] ?? '' }),
    approvedByHost: true,
  };
}

/** Settlement (06): totals to the host, then the batch closes and the terminal is signed out, balanced or not. */
export async function settle(context: TransactionContext): Promise<TransactionOutcome> {
  const { state, config, bankLink } = context.parts;
  if (!state.keys) return answered(context, state.batchSettled ? 'X4' : 'A4');
  context.phase = 'online';
  context.status('03');
  await sendPendingReversals(context);
  const keys = state.keys;
  if (!keys) return answered(context, 'A4');
  const counted = state.journal.filter((entry) => entry.outcome === 'approved');
  const totals = sumSettlementTotals(counted.map((entry) => ({ ...entry, cardOrg: entry.card.cardOrg })));
  const batchNo = state.batchNo;
  const message: IsoMessage = {
    mti: BANK_TRANSACTIONS.settlement.mti,
    fields: {
      11: padDigits(state.peekVoucherNo(), 6),
      41: config.terminalId,
      42: config.merchantId,
      48: encodeField48({ totals, domesticResult: '0', foreignResult: '0' }),
      49: '156',
      60: encodeField60({ typeCode: '00', batchNo, networkCode: SETTLEMENT_NETWORK_CODE }),
    },
  };
  const reply = await exchangeWithHost(bankLink, message, keys.macKey, config.bankTimeoutMs);
  if (reply.outcome !== 'answered') return answered(context, '98');
  if (reply.code !== '00') return answered(context, reply.code);
  const verdict = decodeField48(reply.fields[48]);
  const balanced = { domestic: verdict.domesticResult === '1', foreign: verdict.foreignResult === '1' };
  const stamp = localStamp(config.clock());
  const hostMmdd = reply.fields[13] ?? stamp.mmdd;
  const txnDate = stamp.yyyymmdd.slice(0, 4) + hostMmdd;
  const txnTime = reply.fields[12] ?? stamp.hhmmss;
  context.phase = 'printing';
  context.status('04');
  const response = context.answer('00', {
    message: balanced.domestic && balanced.foreign ? '结算成功 对账平' : '结算完成 对账不平',
    batchNo,
    txnDate,
    txnTime,
    refNo: reply.fields[37] ?? '',
    settleDate: hostMmdd,
    totals,
    slip: settlementSlip({ config, batchNo, totals, balanced, yyyymmdd: txnDate, hhmmss: txnTime }),
  });
  state.closeBatch(response);
  return { response, approvedByHost: true };
}

/** Reprint of the last settlement slip (07). */
export function reprintSettlement(context: TransactionContext): TransactionOutcome {
  const last = context.state.lastSettlement;
  if (!last) return answered(context, '25');
  context.status('04');
  const { txnType, ecrRef, nonce, cardKind } = context.request;
  return {
    response: { ...last, txnType, ecrRef, nonce, cardKind, slip: `${REPRINT_MARK}\n${last.slip}` },
    approvedByHost: false,
  };
}
