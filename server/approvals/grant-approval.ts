import { z } from 'zod';
import { approvalAction, approvals } from '../../db/schema';
import { can } from '../auth/permissions';
import { checkCredentials } from '../auth/sign-in';
import type { StaffContext } from '../core/context';
import { DomainError } from '../core/errors';

export const APPROVAL_ACTIONS = approvalAction.enumValues;

export const GrantApprovalInput = z.object({
  approvalId: z.uuid(),
  saleId: z.uuid(),
  action: z.enum(APPROVAL_ACTIONS),
  operatorNo: z.string().trim().min(1).max(16),
  password: z.string().min(1).max(200),
});
export type GrantApprovalInput = z.input<typeof GrantApprovalInput>;

/** A supervisor approves at the cashier's lane with their own credentials; the approval serves this sale once. */
export async function grantApproval(ctx: StaffContext, rawInput: GrantApprovalInput) {
  const input = GrantApprovalInput.parse(rawInput);
  const approver = await checkCredentials(ctx, input.operatorNo, input.password);
  if (
    !can(approver.role, 'lane.approve-override') ||
    (approver.storeId !== ctx.storeId && approver.role !== 'head_office')
  ) {
    throw new DomainError(
      'FORBIDDEN',
      'approval.not-a-supervisor',
      'Only a supervisor or manager of this store can approve',
    );
  }
  await ctx.db
    .insert(approvals)
    .values({
      id: input.approvalId,
      storeId: ctx.storeId,
      action: input.action,
      approverStaffId: approver.id,
      requestedByStaffId: ctx.actor.staffId,
      saleId: input.saleId,
      createdAt: ctx.now(),
    })
    .onConflictDoNothing({ target: approvals.id });
  return { approvalId: input.approvalId, approverName: approver.name };
}
