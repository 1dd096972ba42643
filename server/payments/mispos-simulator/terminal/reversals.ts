import type { IsoMessage } from '../iso8583/field-specs';
import { exchangeWithHost } from './host-exchange';
import type { TransactionContext } from './transaction-context';

export const MAX_REVERSAL_TRIES = 3;

export function queueReversal(context: TransactionContext, voucherNo: number, reversal: IsoMessage): void {
  context.state.reversals.push({ voucherNo, batchNo: context.state.batchNo, message: reversal, tries: 0 });
}

/**
 * Sends every stored reversal before the next online transaction (section 6); any answer settles one. A reversal the
 * host has not answered after 3 tries is given up, as terminals do, and left for the bank's reconciliation.
 */
export async function sendPendingReversals(context: TransactionContext): Promise<void> {
  const { state, config, bankLink } = context.parts;
  while (state.reversals.length > 0 && state.keys) {
    const reversal = state.reversals[0];
    if (!reversal) return;
    reversal.tries += 1;
    const reply = await exchangeWithHost(bankLink, reversal.message, state.keys.macKey, config.bankTimeoutMs);
    if (reply.outcome !== 'answered' && reversal.tries < MAX_REVERSAL_TRIES) continue;
    state.reversals.shift();
    if (reply.outcome !== 'answered') state.abandonedReversals.push(reversal);
  }
}
