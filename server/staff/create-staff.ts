import { eq } from 'drizzle-orm';
import { z } from 'zod';
import { staff } from '../../db/schema';
import { writeAudit } from '../audit/write-audit';
import { hashPassword } from '../auth/password';
import { inTransaction, type StaffContext } from '../core/context';
import { DomainError, found, fieldConflict, isUniqueViolation } from '../core/errors';
import { publicStaffColumns } from './staff-columns';
import { staffFieldShape } from './staff-fields';
import { assertMayAssignRole } from './staff-guards';

export const CreateStaffInput = z.object({
  id: z.uuid(),
  operatorNo: staffFieldShape.operatorNo,
  name: staffFieldShape.name,
  role: staffFieldShape.role,
  password: staffFieldShape.password,
});
export type CreateStaffInput = z.input<typeof CreateStaffInput>;

export async function createStaff(ctx: StaffContext, rawInput: CreateStaffInput) {
  const input = CreateStaffInput.parse(rawInput);
  assertMayAssignRole(ctx, input.role);
  const passwordHash = await hashPassword(input.password);
  return inTransaction(ctx, async (tx) => {
    const [existing] = await tx.db.select(publicStaffColumns).from(staff).where(eq(staff.id, input.id));
    if (existing) {
      if (existing.operatorNo !== input.operatorNo)
        throw new DomainError('CONFLICT', 'staff.id-taken', 'Id already used');
      return existing;
    }
    const now = tx.now();
    const storeId = input.role === 'head_office' ? null : ctx.storeId;
    try {
      const inserted = await tx.db
        .insert(staff)
        .values({
          id: input.id,
          storeId,
          operatorNo: input.operatorNo,
          name: input.name,
          passwordHash,
          role: input.role,
          createdAt: now,
          updatedAt: now,
        })
        .onConflictDoNothing({ target: staff.id })
        .returning({ id: staff.id });
      if (inserted.length === 0) {
        const [raced] = await tx.db.select(publicStaffColumns).from(staff).where(eq(staff.id, input.id));
        return found(raced, 'staff');
      }
    } catch (error) {
      if (isUniqueViolation(error, 'staff_operator_no_key')) {
        throw fieldConflict('operatorNo', 'staff.operator-no-taken', 'This operator number is already in use');
      }
      throw error;
    }
    await writeAudit(tx, {
      action: 'staff.created',
      entityType: 'staff',
      entityId: input.id,
      summary: `${input.operatorNo} ${input.name}`,
      changes: { role: { from: null, to: input.role }, name: { from: null, to: input.name } },
    });
    const [created] = await tx.db.select(publicStaffColumns).from(staff).where(eq(staff.id, input.id));
    return found(created, 'staff');
  });
}
