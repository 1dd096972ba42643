import { inArray } from 'drizzle-orm';
import { cardPayments } from '../../db/schema';
import type { ServiceContext } from '../core/context';
import { resolveByQuery } from './run-card-transaction';

/**
 * At every server start: payments left in flight (the process died waiting) or still unknown are asked for
 * by their ecrRef. Never sent again; what no terminal can answer stays `unknown` for a manager.
 */
export async function recoverCardPayments(ctx: ServiceContext) {
  const pending = await ctx.db
    .select({ id: cardPayments.id })
    .from(cardPayments)
    .where(inArray(cardPayments.state, ['in_flight', 'unknown']));
  // One at a time: each lane's terminal answers one request at a time anyway.
  const outcomes: { paymentId: string; state: string }[] = [];
  for (const { id } of pending) {
    const state = await resolveByQuery(ctx, id).then(
      (payment) => payment.state,
      () => 'unknown',
    );
    outcomes.push({ paymentId: id, state });
  }
  return outcomes;
}
