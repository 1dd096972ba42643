import { auditLog, type AuditChanges } from '../../db/schema';
import type { StaffContext } from '../core/context';
import { newId } from '../core/ids';

export interface AuditEntry {
  action: string;
  entityType: string;
  entityId: string;
  summary: string;
  changes: AuditChanges;
  approverStaffId?: string | null;
  storeId?: string | null;
}

/** Must be called inside the transaction of the change it records, so both commit or neither does. */
export async function writeAudit(ctx: StaffContext, entry: AuditEntry): Promise<void> {
  if (!ctx.inTransaction) throw new Error('writeAudit must run inside the transaction of the change');
  await ctx.db.insert(auditLog).values({
    id: newId(),
    storeId: entry.storeId === undefined ? ctx.storeId : entry.storeId,
    actorStaffId: ctx.actor.staffId,
    approverStaffId: entry.approverStaffId ?? null,
    action: entry.action,
    entityType: entry.entityType,
    entityId: entry.entityId,
    summary: entry.summary,
    changes: entry.changes,
    createdAt: ctx.now(),
  });
}

/** Field-by-field difference of two records, for the audit row. */
export function diffFields<T extends Record<string, unknown>>(before: T, after: Partial<T>): AuditChanges {
  const changes: AuditChanges = {};
  for (const key of Object.keys(after)) {
    const from = before[key];
    const to = after[key];
    if (to !== undefined && JSON.stringify(from) !== JSON.stringify(to)) changes[key] = { from, to };
  }
  return changes;
}
