import { and, eq } from 'drizzle-orm';
import { z } from 'zod';
import { sessions, shifts, staff, stores } from '../../db/schema';
import { writeAudit } from '../audit/write-audit';
import { inTransaction, type StaffContext } from '../core/context';
import { DomainError, found, notFound } from '../core/errors';
import { publicStaffColumns } from './staff-columns';
import { staffFieldShape } from './staff-fields';

export const MoveStaffToStoreInput = z.object({
  operatorNo: staffFieldShape.operatorNo,
  storeId: z.uuid('Choose the store'),
  role: z.enum(['cashier', 'supervisor', 'store_manager']).optional(),
});
export type MoveStaffToStoreInput = z.input<typeof MoveStaffToStoreInput>;

/**
 * Head office assigns an existing account to a store (optionally with a new store role, e.g. store manager). Their
 * sessions end, so they sign in to the new store; an account with a shift open at a lane must sign out there first.
 */
export async function moveStaffToStore(ctx: StaffContext, rawInput: MoveStaffToStoreInput) {
  const input = MoveStaffToStoreInput.parse(rawInput);
  return inTransaction(ctx, async (tx) => {
    const [before] = await tx.db
      .select(publicStaffColumns)
      .from(staff)
      .where(eq(staff.operatorNo, input.operatorNo))
      .for('update');
    if (!before) throw notFound('staff');
    if (before.role === 'head_office')
      throw new DomainError('FORBIDDEN', 'staff.head-office-has-no-store', 'Head-office accounts belong to no store');
    const [store] = await tx.db
      .select({ id: stores.id, code: stores.code })
      .from(stores)
      .where(eq(stores.id, input.storeId));
    const target = found(store, 'store');
    const role = input.role ?? before.role;
    if (before.storeId === target.id && role === before.role) return before;
    const [open] = await tx.db
      .select({ id: shifts.id })
      .from(shifts)
      .where(and(eq(shifts.staffId, before.id), eq(shifts.status, 'open')));
    if (open)
      throw new DomainError('CONFLICT', 'staff.shift-open', 'They have a shift open at a lane: sign out there first');
    await tx.db.update(staff).set({ storeId: target.id, role, updatedAt: tx.now() }).where(eq(staff.id, before.id));
    await tx.db.delete(sessions).where(eq(sessions.staffId, before.id));
    await writeAudit(
      { ...tx, storeId: target.id },
      {
        action: 'staff.moved',
        entityType: 'staff',
        entityId: before.id,
        summary: `${before.operatorNo} ${before.name} → ${target.code}`,
        changes: { storeId: { from: before.storeId, to: target.id }, role: { from: before.role, to: role } },
      },
    );
    const [after] = await tx.db.select(publicStaffColumns).from(staff).where(eq(staff.id, before.id));
    return found(after, 'staff');
  });
}
