import { index, pgEnum, pgTable, timestamp, uuid } from 'drizzle-orm/pg-core';
import { staff } from './staff';
import { storeRef } from './stores';

export const approvalAction = pgEnum('approval_action', [
  'void-sale',
  'price-override',
  'discount',
  'return-without-receipt',
  'negative-stock',
]);

/** A supervisor's credentials given at a lane, good for one use by the sale it was asked for. */
export const approvals = pgTable(
  'approvals',
  {
    id: uuid().primaryKey(),
    storeId: storeRef(),
    action: approvalAction().notNull(),
    approverStaffId: uuid()
      .notNull()
      .references(() => staff.id),
    requestedByStaffId: uuid()
      .notNull()
      .references(() => staff.id),
    saleId: uuid().notNull(),
    createdAt: timestamp({ withTimezone: true }).notNull(),
    usedAt: timestamp({ withTimezone: true }),
  },
  (t) => [index().on(t.saleId)],
);
