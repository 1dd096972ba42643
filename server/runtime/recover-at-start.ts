import { markOrphanedCardPaymentsDue, startCardPaymentResolver } from '../payments/resolve-due-card-payments';
import type { CardPaymentResolver } from '../payments/resolve-due-card-payments';
import { getDatabase } from './database';

const resolverKey = Symbol.for('lanekeeper.cardPaymentResolver');
const holder = globalThis as { [resolverKey]?: CardPaymentResolver };

/**
 * Payments a stopped process left in flight are made due, and the background resolver starts (once per process):
 * its first step asks for them at once. Its schedule is in the database, so a restart picks it up.
 */
export async function recoverCardPaymentsAtStart(): Promise<void> {
  try {
    const { db } = await getDatabase();
    const ctx = { db, now: () => new Date() };
    await markOrphanedCardPaymentsDue(ctx, ctx.now());
    holder[resolverKey] ??= startCardPaymentResolver(ctx);
  } catch (error) {
    console.error('Card payment recovery failed; it runs again at the next start', error);
  }
}
