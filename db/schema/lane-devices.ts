import { index, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { id } from './columns';
import { staff } from './staff';
import { lanes, storeRef } from './stores';

/**
 * A checkout device (browser) bound by a manager to one store and lane. The device keeps a random token in a
 * long-lived cookie; only its SHA-256 is stored. A revoked binding no longer opens the lane.
 */
export const laneDevices = pgTable(
  'lane_devices',
  {
    id: id(),
    storeId: storeRef(),
    laneId: uuid()
      .notNull()
      .references(() => lanes.id),
    tokenHash: text().notNull().unique('lane_devices_token_hash_key'),
    boundByStaffId: uuid()
      .notNull()
      .references(() => staff.id),
    boundAt: timestamp({ withTimezone: true }).notNull(),
    revokedAt: timestamp({ withTimezone: true }),
  },
  (t) => [index().on(t.laneId)],
);
