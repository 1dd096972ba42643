import { boolean, index, integer, pgEnum, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { createdAt, id, updatedAt } from './columns';
import { stores } from './stores';

export const staffRole = pgEnum('staff_role', ['cashier', 'supervisor', 'store_manager', 'head_office']);

export const staff = pgTable('staff', {
  id: id(),
  storeId: uuid().references(() => stores.id),
  operatorNo: text().notNull().unique('staff_operator_no_key'),
  name: text().notNull(),
  passwordHash: text().notNull(),
  role: staffRole().notNull(),
  active: boolean().notNull().default(true),
  failedSignIns: integer().notNull().default(0),
  lockedUntil: timestamp({ withTimezone: true }),
  createdAt: createdAt(),
  updatedAt: updatedAt(),
});

export const sessions = pgTable(
  'sessions',
  {
    id: text().primaryKey(),
    staffId: uuid()
      .notNull()
      .references(() => staff.id, { onDelete: 'cascade' }),
    createdAt: createdAt(),
    expiresAt: timestamp({ withTimezone: true }).notNull(),
  },
  (t) => [index().on(t.staffId)],
);
