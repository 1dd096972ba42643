import { and, eq } from 'drizzle-orm';
import { returnCardRefunds, staff } from '../../db/schema';
import type { ServiceContext, StaffContext } from '../core/context';
import { DomainError } from '../core/errors';
import { cardOutcomeNotKnown } from '../domain/card-outcome';
import { recordReturn, type RecordReturnInput } from './record-return';

type OutcomeOf = { id: string; storeId: string; state: string };

/**
 * In the transaction that records a card transaction's outcome: the return it was started for is recorded once
 * it is approved (as the cashier who started it, in their shift), or dropped when nothing moved, so the lane can
 * try again. A return the receipt no longer allows stays `failed` with its reason, for the manager.
 */
export async function recordReturnOnCardOutcome(tx: ServiceContext, payment: OutcomeOf): Promise<void> {
  if (!tx.inTransaction) throw new Error('recordReturnOnCardOutcome must run in the outcome’s transaction');
  if (cardOutcomeNotKnown(payment)) return;
  const [waiting] = await tx.db
    .select({ refund: returnCardRefunds, role: staff.role, staffStoreId: staff.storeId })
    .from(returnCardRefunds)
    .innerJoin(staff, eq(staff.id, returnCardRefunds.staffId))
    .where(and(eq(returnCardRefunds.cardPaymentId, payment.id), eq(returnCardRefunds.status, 'waiting')))
    .for('update', { of: returnCardRefunds });
  if (!waiting) return;
  const close = (status: 'recorded' | 'dropped' | 'failed', failure: string | null = null) =>
    tx.db
      .update(returnCardRefunds)
      .set({ status, failure, closedAt: tx.now() })
      .where(eq(returnCardRefunds.cardPaymentId, payment.id));
  if (payment.state !== 'approved') return void (await close('dropped'));
  const { refund } = waiting;
  const cashier: StaffContext = {
    ...tx,
    storeId: refund.storeId,
    actor: { staffId: refund.staffId, role: waiting.role, storeId: waiting.staffStoreId },
  };
  const stored = refund.request as Omit<RecordReturnInput, 'returnedAt'> & { returnedAt: string };
  const request = { ...stored, returnedAt: new Date(stored.returnedAt), cardPaymentId: payment.id };
  try {
    // A savepoint: a return refused here must not undo the outcome it rides on.
    await tx.db.transaction((inner) => recordReturn({ ...cashier, db: inner, inTransaction: true }, request));
    await close('recorded');
  } catch (error) {
    if (!(error instanceof DomainError)) throw error;
    console.error(`return ${refund.returnId}: card ${payment.id} approved, return refused (${error.reason})`);
    await close('failed', error.reason);
  }
}
