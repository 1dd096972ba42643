import { recoverCardPayments } from '../payments/recover-card-payments';
import { getDatabase } from './database';

/** Asks the terminals about payments left in flight or unknown; a failure only delays it to the next start. */
export async function recoverCardPaymentsAtStart(): Promise<void> {
  try {
    const { db } = await getDatabase();
    const outcomes = await recoverCardPayments({ db, now: () => new Date() });
    if (outcomes.length > 0) {
      console.log(`Card payments recovered: ${outcomes.map((o) => `${o.paymentId} → ${o.state}`).join(', ')}`);
    }
  } catch (error) {
    console.error('Card payment recovery failed; it runs again at the next start', error);
  }
}
