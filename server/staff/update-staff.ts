import { eq } from 'drizzle-orm';
import { z } from 'zod';
import { sessions, staff } from '../../db/schema';
import { diffFields, writeAudit } from '../audit/write-audit';
import { hashPassword } from '../auth/password';
import { inTransaction, type StaffContext } from '../core/context';
import { DomainError, found, notFound } from '../core/errors';
import { publicStaffColumns } from './staff-columns';
import { staffFieldShape } from './staff-fields';
import { assertMayAssignRole, assertMayManage } from './staff-guards';

export const UpdateStaffInput = z.object({
  id: z.uuid(),
  name: staffFieldShape.name.optional(),
  role: staffFieldShape.role.optional(),
  active: staffFieldShape.active.optional(),
  newPassword: staffFieldShape.password.optional(),
  unlock: z.boolean().optional(),
});
export type UpdateStaffInput = z.input<typeof UpdateStaffInput>;

export async function updateStaff(ctx: StaffContext, rawInput: UpdateStaffInput) {
  const input = UpdateStaffInput.parse(rawInput);
  const passwordHash = input.newPassword ? await hashPassword(input.newPassword) : undefined;
  return inTransaction(ctx, async (tx) => {
    const [before] = await tx.db.select().from(staff).where(eq(staff.id, input.id)).for('update');
    if (!before) throw notFound('staff');
    assertMayManage(tx, before);
    if (input.role) assertMayAssignRole(tx, input.role);
    if (before.id === ctx.actor.staffId && (input.active === false || (input.role && input.role !== before.role))) {
      throw new DomainError('FORBIDDEN', 'staff.self-change', 'You cannot deactivate yourself or change your own role');
    }
    const changes = diffFields(before, { name: input.name, role: input.role, active: input.active });
    if (passwordHash) changes.password = { from: '***', to: '***' };
    if (input.unlock && before.lockedUntil) changes.lockedUntil = { from: before.lockedUntil, to: null };
    if (Object.keys(changes).length > 0) {
      await tx.db
        .update(staff)
        .set({
          name: input.name,
          role: input.role,
          ...(input.role ? { storeId: input.role === 'head_office' ? null : (before.storeId ?? ctx.storeId) } : {}),
          active: input.active,
          passwordHash,
          ...(input.unlock ? { lockedUntil: null, failedSignIns: 0 } : {}),
          updatedAt: tx.now(),
        })
        .where(eq(staff.id, before.id));
      if (passwordHash || input.active === false || changes.role) {
        await tx.db.delete(sessions).where(eq(sessions.staffId, before.id));
      }
      await writeAudit(tx, {
        action: changes.role ? 'staff.role-changed' : 'staff.updated',
        entityType: 'staff',
        entityId: before.id,
        summary: `${before.operatorNo} ${input.name ?? before.name}`,
        changes,
        storeId: before.storeId ?? ctx.storeId,
      });
    }
    const [after] = await tx.db.select(publicStaffColumns).from(staff).where(eq(staff.id, before.id));
    return found(after, 'staff');
  });
}
