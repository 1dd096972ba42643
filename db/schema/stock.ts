import { bigserial, index, integer, pgEnum, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { products } from './catalog';
import { storeRef } from './stores';

export const stockMovementKind = pgEnum('stock_movement_kind', [
  'sale',
  'return',
  'receipt',
  'adjustment',
  'count',
  'transfer_out',
  'transfer_in',
]);

/** Append-only: why stock is what it is. Counted goods move in units, weighed goods in grams. */
export const stockMovements = pgTable(
  'stock_movements',
  {
    id: uuid().primaryKey(),
    storeId: storeRef(),
    productId: uuid()
      .notNull()
      .references(() => products.id),
    kind: stockMovementKind().notNull(),
    quantityDelta: integer().notNull(),
    /** The cost each unit moved at (receipts: the supplier's; others: the moving average then), when known. */
    unitCostFen: integer(),
    sourceType: text().notNull(),
    sourceId: uuid().notNull(),
    createdAt: timestamp({ withTimezone: true }).notNull(),
    /** Taken when the row is written, after any table lock: orders movements by when they reached the ledger. */
    seq: bigserial({ mode: 'number' }).notNull(),
  },
  (t) => [index().on(t.storeId, t.productId, t.createdAt), index().on(t.sourceType, t.sourceId)],
);

/** The on-hand projection of the ledger, kept in the same transaction as each movement. */
export const stockLevels = pgTable(
  'stock_levels',
  {
    storeId: storeRef(),
    productId: uuid()
      .notNull()
      .references(() => products.id),
    onHand: integer().notNull(),
    /** Moving-average cost per unit (per kg for weighed goods), from receipts; null until the first receipt. */
    avgCostFen: integer(),
    updatedAt: timestamp({ withTimezone: true }).notNull(),
  },
  // No index on on_hand or updated_at: every sale moves both, and unindexed they stay cheap in-place updates.
  (t) => [primaryKey({ columns: [t.storeId, t.productId] })],
);
