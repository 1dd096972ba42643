import { jsonb, pgTable, timestamp, uuid } from 'drizzle-orm/pg-core';
import { id } from './columns';
import { staff } from './staff';
import { storeRef } from './stores';

export interface CatalogCopyCounts {
  departments: number;
  products: number;
  barcodes: number;
  skippedDepartments: number;
  skippedProducts: number;
  skippedBarcodes: number;
}

/** One copy of a store's catalog into another, by its client-made id: a retried copy answers with this row. */
export const catalogCopies = pgTable('catalog_copies', {
  id: id(),
  storeId: storeRef(),
  fromStoreId: storeRef(),
  copiedByStaffId: uuid()
    .notNull()
    .references(() => staff.id),
  copiedAt: timestamp({ withTimezone: true }).notNull(),
  counts: jsonb().$type<CatalogCopyCounts>().notNull(),
});
