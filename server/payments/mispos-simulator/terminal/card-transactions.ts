import { CARDS_BY_AMOUNT_ENDING, type TestCardKind } from '../bank/test-cards';
import { padDigits } from '../digits';
import type { ReversibleKind } from '../iso8583/bank-transactions';
import { encodeField61 } from '../iso8583/composite-fields';
import type { IsoFields } from '../iso8583/field-specs';
import { runOnline } from './online-transaction';
import type { TransactionContext, TransactionOutcome } from './transaction-context';

/** Section 7: the card an amount picks; else the original's card where the terminal knows it; else domestic debit. */
function cardFor(context: TransactionContext, originalCard: TestCardKind | null = null): TestCardKind {
  const ending = padDigits(context.request.amountFen % 100, 2);
  return CARDS_BY_AMOUNT_ENDING[ending] ?? originalCard ?? 'domestic-debit';
}

async function withCard(
  context: TransactionContext,
  kind: ReversibleKind | 'balance',
  original: IsoFields = {},
  originalCard: TestCardKind | null = null,
): Promise<TransactionOutcome> {
  const read = await context.readCardAndPin(cardFor(context, originalCard));
  if (!read) return { response: context.answer('C0'), approvedByHost: false };
  const amountFen = kind === 'balance' ? 0 : context.request.amountFen;
  const slipOriginal = original[37] === undefined ? undefined : { rrn: original[37] };
  return runOnline(context, { kind, card: read.card, pin: read.pin, amountFen, original, slipOriginal });
}

export const sale = (context: TransactionContext) => withCard(context, 'sale');
export const preAuth = (context: TransactionContext) => withCard(context, 'preAuth');
export const balanceInquiry = (context: TransactionContext) => withCard(context, 'balance');

/** Refund of any earlier day by reference and date; the host holds the original and checks the amount. */
export function refund(context: TransactionContext): Promise<TransactionOutcome> {
  const { origRefNo, origDate } = context.request;
  const known = context.state.findByReference(origRefNo);
  const field61 = encodeField61({ batchNo: 0, traceNo: 0, mmdd: origDate?.slice(4, 8) ?? '0000' });
  return withCard(context, 'refund', { 37: origRefNo, 61: field61 }, known?.card.kind ?? null);
}

/** Pre-authorisation cancel (11) and completion (12), by the pre-auth's reference and auth code. */
export function preAuthOperation(
  context: TransactionContext,
  kind: 'preAuthCancel' | 'completion',
): Promise<TransactionOutcome> {
  const { origRefNo, origAuthCode } = context.request;
  const known = context.state.findByReference(origRefNo);
  const field61 = encodeField61({
    batchNo: known?.batchNo ?? 0,
    traceNo: known?.voucherNo ?? 0,
    mmdd: known?.hostMmdd || '0000',
  });
  return withCard(context, kind, { 37: origRefNo, 38: origAuthCode, 61: field61 }, known?.card.kind ?? null);
}
