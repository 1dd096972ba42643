import { and, eq } from 'drizzle-orm';
import { approvals } from '../../db/schema';
import type { StaffContext } from '../core/context';
import { DomainError } from '../core/errors';
import type { APPROVAL_ACTIONS } from './grant-approval';

/** Spends an approval on the sale it was granted for, returning the approver; a retry of the same sale may reuse it. */
export async function spendApproval(
  ctx: StaffContext,
  approvalId: string,
  action: (typeof APPROVAL_ACTIONS)[number],
  saleId: string,
): Promise<string> {
  const [approval] = await ctx.db
    .update(approvals)
    .set({ usedAt: ctx.now() })
    .where(
      and(
        eq(approvals.id, approvalId),
        eq(approvals.storeId, ctx.storeId),
        eq(approvals.action, action),
        eq(approvals.saleId, saleId),
      ),
    )
    .returning({ approverStaffId: approvals.approverStaffId });
  if (!approval) throw new DomainError('FORBIDDEN', 'approval.invalid', 'This needs a supervisor’s approval');
  return approval.approverStaffId;
}
