import { eq, sql } from 'drizzle-orm';
import type { z } from 'zod';
import { saleUploadRejections } from '../../db/schema';
import { inTransaction, type StaffContext } from '../core/context';
import type { DomainError } from '../core/errors';
import { priceSale } from '../domain/sale';
import type { FinalizeSaleInput } from './finalize-sale';

/**
 * Keeps a finished sale the server refused, so a manager sees it: the lane took the money and cannot
 * change the sale. A repeat of the same upload counts as another attempt, not another rejection.
 */
export async function recordUploadRejection(
  ctx: StaffContext,
  input: z.output<typeof FinalizeSaleInput>,
  error: DomainError,
): Promise<void> {
  const now = ctx.now();
  let totalFen = 0;
  try {
    totalFen = priceSale(input.lines, input.saleDiscount).totalFen;
  } catch {
    // A sale that cannot even be priced is still worth keeping; its total shows as 0.
  }
  await inTransaction(ctx, (tx) =>
    tx.db
      .insert(saleUploadRejections)
      .values({
        saleId: input.saleId,
        storeId: ctx.storeId,
        laneId: input.laneId,
        staffId: ctx.actor.staffId,
        receiptNo: input.receiptNo,
        totalFen,
        soldAt: input.soldAt,
        reason: error.reason,
        message: error.message,
        payload: input,
        firstRejectedAt: now,
        lastRejectedAt: now,
      })
      .onConflictDoUpdate({
        target: saleUploadRejections.saleId,
        set: {
          attempts: sql`${saleUploadRejections.attempts} + 1`,
          lastRejectedAt: now,
          reason: error.reason,
          message: error.message,
        },
        setWhere: eq(saleUploadRejections.storeId, ctx.storeId),
      }),
  );
}
