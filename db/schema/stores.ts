import { integer, jsonb, pgEnum, pgTable, text, unique, uuid } from 'drizzle-orm/pg-core';
import type { EmbeddedBarcodeLayout } from '../../server/domain/embedded-barcode';
import { createdAt, id, updatedAt } from './columns';

/** Selling beyond what the ledger says is on hand: allowed and flagged, or blocked at the lane unless a supervisor approves. */
export const negativeStockPolicy = pgEnum('negative_stock_policy', ['allow', 'block']);

/** The language the store's receipts are printed in (screen and printer), whatever each cashier's screen speaks. */
export const receiptLanguage = pgEnum('receipt_language', ['zh-CN', 'en', 'both']);

export const stores = pgTable('stores', {
  id: id(),
  code: text().notNull().unique('stores_code_key'),
  name: text().notNull(),
  nameEn: text().notNull().default(''),
  address: text().notNull(),
  timezone: text().notNull(),
  vatNumber: text().notNull(),
  embeddedBarcodeLayouts: jsonb().$type<EmbeddedBarcodeLayout[]>().notNull(),
  negativeStockPolicy: negativeStockPolicy().notNull().default('allow'),
  receiptLanguage: receiptLanguage().notNull().default('zh-CN'),
  createdAt: createdAt(),
  updatedAt: updatedAt(),
});

/** The store a store-scoped row belongs to: every such table has one, so stores' data can meet at head office. */
export const storeRef = () =>
  uuid()
    .notNull()
    .references(() => stores.id);

export const lanes = pgTable(
  'lanes',
  {
    id: id(),
    storeId: storeRef(),
    number: integer().notNull(),
    name: text().notNull(),
    terminalHost: text(),
    terminalPort: integer(),
    printerHost: text(),
    printerPort: integer(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [unique('lanes_store_number_key').on(t.storeId, t.number)],
);
