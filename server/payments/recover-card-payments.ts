import type { ServiceContext } from '../core/context';
import { markOrphanedCardPaymentsDue, resolveDueCardPayments } from './resolve-due-card-payments';

/**
 * At a server start: payments a stopped process left in flight are made due, then the resolver runs at once, so
 * those and every unknown one whose query is due are asked for by their ecrRef. Never sent again.
 */
export async function recoverCardPayments(ctx: ServiceContext) {
  await markOrphanedCardPaymentsDue(ctx, ctx.now());
  return resolveDueCardPayments(ctx);
}
