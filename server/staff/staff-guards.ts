import { assignableRoles, type StaffRole } from '../auth/permissions';
import type { StaffContext } from '../core/context';
import { DomainError } from '../core/errors';

export function assertMayAssignRole(ctx: StaffContext, role: StaffRole): void {
  if (!assignableRoles(ctx.actor.role).includes(role)) {
    throw new DomainError('FORBIDDEN', 'staff.role-forbidden', `Your role cannot give the role ${role}`, {
      role: ['Your role cannot give this role'],
    });
  }
}

export function assertMayManage(ctx: StaffContext, target: { role: StaffRole; storeId: string | null }): void {
  const sameStore = target.storeId === ctx.storeId;
  if (ctx.actor.role !== 'head_office' && (!sameStore || !assignableRoles(ctx.actor.role).includes(target.role))) {
    throw new DomainError('FORBIDDEN', 'staff.manage-forbidden', 'You cannot change this account');
  }
}
