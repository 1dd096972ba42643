import { and, eq } from 'drizzle-orm';
import { z } from 'zod';
import { returnCardRefunds } from '../../db/schema';
import { writeAudit } from '../audit/write-audit';
import { inTransaction, type StaffContext } from '../core/context';
import { DomainError } from '../core/errors';

export const WriteOffRefundWithoutReturnInput = z.object({
  cardPaymentId: z.uuid(),
  note: z.string().trim().min(1, 'Say why the money stays with the customer').max(500),
});
export type WriteOffRefundWithoutReturnInput = z.input<typeof WriteOffRefundWithoutReturnInput>;

/**
 * The manager accepts that a card refund given for no return stays with the customer (a card cannot be charged
 * again without them): audited with who and why, in the same transaction. A retried click changes nothing.
 */
export async function writeOffRefundWithoutReturn(ctx: StaffContext, rawInput: WriteOffRefundWithoutReturnInput) {
  const input = WriteOffRefundWithoutReturnInput.parse(rawInput);
  return inTransaction(ctx, async (tx) => {
    const [row] = await tx.db
      .select()
      .from(returnCardRefunds)
      .where(and(eq(returnCardRefunds.cardPaymentId, input.cardPaymentId), eq(returnCardRefunds.storeId, tx.storeId)))
      .for('update');
    if (row?.status === 'written_off') return row;
    if (row?.status !== 'failed') {
      throw new DomainError(
        'CONFLICT',
        'card.refund-not-without-return',
        'This card refund is not one without a return',
      );
    }
    const [written] = await tx.db
      .update(returnCardRefunds)
      .set({ status: 'written_off', writtenOffByStaffId: tx.actor.staffId, writeOffNote: input.note })
      .where(eq(returnCardRefunds.cardPaymentId, row.cardPaymentId))
      .returning();
    await writeAudit(tx, {
      action: 'card.refund-written-off',
      entityType: 'card-payment',
      entityId: row.cardPaymentId,
      summary: `${row.failure ?? ''} ${input.note}`.trim(),
      changes: { status: { from: 'failed', to: 'written_off' } },
    });
    return written ?? row;
  });
}
