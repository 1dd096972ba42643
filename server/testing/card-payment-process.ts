import { openDatabase } from '../../db/client';
import type { StaffContext } from '../core/context';
import { startCardPayment, type StartCardPaymentInput } from '../payments/start-card-payment';

/**
 * A stand-in server process for the crash test: it starts one card payment and then waits, to be killed
 * while the terminal still holds the payment or its answer. Arguments: the payment, then the cashier, as JSON.
 */
const [paymentJson = '{}', cashierJson = '{}'] = process.argv.slice(2);
const payment = JSON.parse(paymentJson) as StartCardPaymentInput;
const cashier = JSON.parse(cashierJson) as { staffId: string; storeId: string };
const handle = await openDatabase({ kind: 'postgres', url: process.env.CRASH_TEST_DATABASE_URL ?? '' });
const ctx: StaffContext = {
  db: handle.db,
  // The test's store clock, when it runs on one: the payment is dated as the rest of the test's day.
  now: () => (process.env.CRASH_TEST_NOW ? new Date(process.env.CRASH_TEST_NOW) : new Date()),
  storeId: cashier.storeId,
  actor: { staffId: cashier.staffId, role: 'cashier', storeId: cashier.storeId },
};
await startCardPayment(ctx, payment);
console.log('started');
setInterval(() => {}, 60_000);
