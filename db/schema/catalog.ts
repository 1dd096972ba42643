import { sql } from 'drizzle-orm';
import { boolean, index, integer, pgEnum, pgTable, text, unique, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { createdAt, id, updatedAt } from './columns';
import { storeRef } from './stores';

export const saleUnit = pgEnum('sale_unit', ['each', 'kg']);
export const barcodeKind = pgEnum('barcode_kind', ['ean13', 'ean8', 'upca', 'internal']);

export const departments = pgTable(
  'departments',
  {
    id: id(),
    storeId: storeRef(),
    code: text().notNull(),
    nameZh: text().notNull(),
    nameEn: text().notNull(),
    createdAt: createdAt(),
  },
  (t) => [unique('departments_store_code_key').on(t.storeId, t.code)],
);

export const products = pgTable(
  'products',
  {
    id: id(),
    storeId: storeRef(),
    code: text().notNull(),
    nameZh: text().notNull(),
    nameEn: text().notNull(),
    pinyinInitials: text().notNull(),
    searchText: text().notNull(),
    departmentId: uuid()
      .notNull()
      .references(() => departments.id),
    unit: saleUnit().notNull(),
    priceFen: integer().notNull(),
    costFen: integer().notNull(),
    vatRateBps: integer().notNull(),
    plu: text(),
    active: boolean().notNull().default(true),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    unique('products_store_code_key').on(t.storeId, t.code),
    uniqueIndex('products_store_plu_key')
      .on(t.storeId, t.plu)
      .where(sql`${t.plu} is not null`),
    index().on(t.storeId, t.departmentId, t.code),
    // Lanes download what changed since their last sync.
    index().on(t.storeId, t.updatedAt),
    index('products_search_text_trgm').using('gin', t.searchText.op('gin_trgm_ops')),
  ],
);

export const barcodes = pgTable(
  'barcodes',
  {
    id: id(),
    storeId: storeRef(),
    productId: uuid()
      .notNull()
      .references(() => products.id, { onDelete: 'cascade' }),
    code: text().notNull(),
    kind: barcodeKind().notNull(),
    createdAt: createdAt(),
  },
  (t) => [unique('barcodes_store_code_key').on(t.storeId, t.code), index().on(t.productId)],
);
