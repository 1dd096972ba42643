import { and, eq, isNull } from 'drizzle-orm';
import { z } from 'zod';
import { saleUploadRejections } from '../../db/schema';
import { writeAudit } from '../audit/write-audit';
import { inTransaction, type StaffContext } from '../core/context';
import { DomainError, found } from '../core/errors';

export const ResolveUploadRejectionInput = z.object({
  saleId: z.uuid(),
  note: z.string().trim().min(1, 'Say how it was settled').max(500),
});
export type ResolveUploadRejectionInput = z.input<typeof ResolveUploadRejectionInput>;

/** A manager settles a refused sale (cash counted, stock adjusted by hand, …) with a note; audited. */
export async function resolveUploadRejection(ctx: StaffContext, rawInput: ResolveUploadRejectionInput) {
  const input = ResolveUploadRejectionInput.parse(rawInput);
  return inTransaction(ctx, async (tx) => {
    const [resolved] = await tx.db
      .update(saleUploadRejections)
      .set({ resolvedAt: tx.now(), resolvedByStaffId: tx.actor.staffId, resolutionNote: input.note })
      .where(
        and(
          eq(saleUploadRejections.saleId, input.saleId),
          eq(saleUploadRejections.storeId, ctx.storeId),
          isNull(saleUploadRejections.resolvedAt),
        ),
      )
      .returning();
    if (!resolved) {
      const [exists] = await tx.db
        .select({ saleId: saleUploadRejections.saleId })
        .from(saleUploadRejections)
        .where(and(eq(saleUploadRejections.saleId, input.saleId), eq(saleUploadRejections.storeId, ctx.storeId)));
      found(exists, 'rejection');
      throw new DomainError('CONFLICT', 'rejection.already-resolved', 'This sale has already been settled');
    }
    await writeAudit(tx, {
      action: 'sale.rejection-resolved',
      entityType: 'sale',
      entityId: resolved.saleId,
      summary: `${resolved.receiptNo} ${input.note}`,
      changes: { reason: { from: resolved.reason, to: null }, note: { from: null, to: input.note } },
    });
    return { saleId: resolved.saleId, resolvedAt: resolved.resolvedAt };
  });
}
