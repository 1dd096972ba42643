import { and, eq } from 'drizzle-orm';
import { z } from 'zod';
import { cardPayments, lanes } from '../../db/schema';
import type { StaffContext } from '../core/context';
import { found } from '../core/errors';
import { terminalLinkFor } from './terminal-links';

export const CancelCardPaymentInput = z.object({ paymentId: z.uuid() });

/**
 * Asks the terminal to stop waiting for the card or PIN (`CN`). It is only honoured before the card is read;
 * either way the terminal's answer, not this call, ends the payment.
 */
export async function cancelCardPayment(ctx: StaffContext, input: z.input<typeof CancelCardPaymentInput>) {
  const { paymentId } = CancelCardPaymentInput.parse(input);
  const [row] = await ctx.db
    .select({ state: cardPayments.state, lane: lanes })
    .from(cardPayments)
    .innerJoin(lanes, eq(lanes.id, cardPayments.laneId))
    .where(and(eq(cardPayments.id, paymentId), eq(cardPayments.storeId, ctx.storeId)));
  const { state, lane } = found(row, 'card-payment');
  if (state !== 'in_flight' || !lane.terminalHost || !lane.terminalPort) return { cancelSent: false };
  const { link } = terminalLinkFor({ laneId: lane.id, host: lane.terminalHost, port: lane.terminalPort });
  return { cancelSent: link.cancel() };
}
