import { and, desc, eq, isNotNull, isNull } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { z } from 'zod';
import { lanes, saleUploadRejections, staff } from '../../db/schema';
import type { StaffContext } from '../core/context';

export const ListUploadRejectionsInput = z.object({
  status: z.enum(['open', 'resolved']).default('open'),
  limit: z.number().int().min(1).max(500).default(200),
});
export type ListUploadRejectionsInput = z.input<typeof ListUploadRejectionsInput>;

/** Finished sales the server refused, newest first: open ones wait for a manager to settle them. */
export async function listUploadRejections(ctx: StaffContext, rawInput: ListUploadRejectionsInput) {
  const input = ListUploadRejectionsInput.parse(rawInput);
  const resolver = alias(staff, 'resolver');
  return ctx.db
    .select({
      saleId: saleUploadRejections.saleId,
      receiptNo: saleUploadRejections.receiptNo,
      soldAt: saleUploadRejections.soldAt,
      totalFen: saleUploadRejections.totalFen,
      reason: saleUploadRejections.reason,
      message: saleUploadRejections.message,
      attempts: saleUploadRejections.attempts,
      lastRejectedAt: saleUploadRejections.lastRejectedAt,
      laneNumber: lanes.number,
      cashierName: staff.name,
      cashierNo: staff.operatorNo,
      resolvedAt: saleUploadRejections.resolvedAt,
      resolvedByName: resolver.name,
      resolutionNote: saleUploadRejections.resolutionNote,
    })
    .from(saleUploadRejections)
    .innerJoin(staff, eq(staff.id, saleUploadRejections.staffId))
    .leftJoin(lanes, eq(lanes.id, saleUploadRejections.laneId))
    .leftJoin(resolver, eq(resolver.id, saleUploadRejections.resolvedByStaffId))
    .where(
      and(
        eq(saleUploadRejections.storeId, ctx.storeId),
        input.status === 'open' ? isNull(saleUploadRejections.resolvedAt) : isNotNull(saleUploadRejections.resolvedAt),
      ),
    )
    .orderBy(desc(saleUploadRejections.lastRejectedAt))
    .limit(input.limit);
}
