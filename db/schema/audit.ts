import { index, jsonb, pgTable, text, uuid } from 'drizzle-orm/pg-core';
import { createdAt, id } from './columns';
import { staff } from './staff';
import { stores } from './stores';

export type AuditChanges = Record<string, { from: unknown; to: unknown }>;

export const auditLog = pgTable(
  'audit_log',
  {
    id: id(),
    storeId: uuid().references(() => stores.id),
    actorStaffId: uuid()
      .notNull()
      .references(() => staff.id),
    approverStaffId: uuid().references(() => staff.id),
    action: text().notNull(),
    entityType: text().notNull(),
    entityId: uuid().notNull(),
    summary: text().notNull(),
    changes: jsonb().$type<AuditChanges>().notNull(),
    createdAt: createdAt(),
  },
  (t) => [index().on(t.storeId, t.createdAt), index().on(t.entityType, t.entityId)],
);
