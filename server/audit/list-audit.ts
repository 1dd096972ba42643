import { and, desc, eq, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { z } from 'zod';
import { auditLog, staff } from '../../db/schema';
import type { StaffContext } from '../core/context';

export const ListAuditInput = z.object({
  entityType: z.string().max(40).optional(),
  entityId: z.uuid().optional(),
  page: z.number().int().min(1).max(10_000).default(1),
  pageSize: z.number().int().min(1).max(100).default(50),
});
export type ListAuditInput = z.input<typeof ListAuditInput>;

export async function listAudit(ctx: StaffContext, rawInput: ListAuditInput) {
  const input = ListAuditInput.parse(rawInput);
  const approver = alias(staff, 'approver');
  const filters: SQL[] = [eq(auditLog.storeId, ctx.storeId)];
  if (input.entityType) filters.push(eq(auditLog.entityType, input.entityType));
  if (input.entityId) filters.push(eq(auditLog.entityId, input.entityId));
  const rows = await ctx.db
    .select({
      id: auditLog.id,
      createdAt: auditLog.createdAt,
      action: auditLog.action,
      entityType: auditLog.entityType,
      entityId: auditLog.entityId,
      summary: auditLog.summary,
      changes: auditLog.changes,
      actorOperatorNo: staff.operatorNo,
      actorName: staff.name,
      approverName: approver.name,
    })
    .from(auditLog)
    .innerJoin(staff, eq(staff.id, auditLog.actorStaffId))
    .leftJoin(approver, eq(approver.id, auditLog.approverStaffId))
    .where(and(...filters))
    .orderBy(desc(auditLog.createdAt), desc(auditLog.id))
    .limit(input.pageSize + 1)
    .offset((input.page - 1) * input.pageSize);
  return { items: rows.slice(0, input.pageSize), page: input.page, hasMore: rows.length > input.pageSize };
}
