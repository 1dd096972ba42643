import { bigint, index, integer, pgEnum, pgTable, primaryKey, text, timestamp, unique, uuid } from 'drizzle-orm/pg-core';
import { departments, products } from './catalog';
import { createdAt, id } from './columns';
import { staff } from './staff';
import { stores, storeRef } from './stores';

/*
 * Inventory documents. Each one that moves stock posts its movements (stock.ts) in the same transaction,
 * with `source_type` naming the table below and `source_id` the document's id. Ids are made by the client.
 */

const staffRef = () =>
  uuid()
    .notNull()
    .references(() => staff.id);
const productRef = () =>
  uuid()
    .notNull()
    .references(() => products.id);
const at = () => timestamp({ withTimezone: true });

export const suppliers = pgTable(
  'suppliers',
  {
    id: id(),
    storeId: storeRef(),
    code: text().notNull(),
    name: text().notNull(),
    contact: text().notNull().default(''),
    phone: text().notNull().default(''),
    createdAt: createdAt(),
  },
  (t) => [unique('suppliers_store_code_key').on(t.storeId, t.code)],
);

export const purchaseOrderStatus = pgEnum('purchase_order_status', ['open', 'closed', 'cancelled']);

/** What the store ordered; received in parts by goods receipts naming its lines. */
export const purchaseOrders = pgTable(
  'purchase_orders',
  {
    id: id(),
    storeId: storeRef(),
    number: text().notNull(),
    supplierId: uuid()
      .notNull()
      .references(() => suppliers.id),
    status: purchaseOrderStatus().notNull().default('open'),
    note: text().notNull().default(''),
    createdBy: staffRef(),
    createdAt: at().notNull(),
    closedAt: at(),
  },
  (t) => [unique('purchase_orders_store_number_key').on(t.storeId, t.number), index().on(t.storeId, t.status)],
);

export const purchaseOrderLines = pgTable(
  'purchase_order_lines',
  {
    id: id(),
    purchaseOrderId: uuid()
      .notNull()
      .references(() => purchaseOrders.id),
    storeId: storeRef(),
    lineNo: integer().notNull(),
    productId: productRef(),
    quantity: integer().notNull(),
    unitCostFen: integer().notNull(),
  },
  (t) => [index().on(t.purchaseOrderId)],
);

/** Goods received from a supplier: posted when recorded, never edited (a mistake is corrected by an adjustment). */
export const goodsReceipts = pgTable(
  'goods_receipts',
  {
    id: id(),
    storeId: storeRef(),
    number: text().notNull(),
    supplierId: uuid()
      .notNull()
      .references(() => suppliers.id),
    purchaseOrderId: uuid().references(() => purchaseOrders.id),
    supplierDocumentNo: text().notNull().default(''),
    note: text().notNull().default(''),
    receivedBy: staffRef(),
    receivedAt: at().notNull(),
  },
  (t) => [unique('goods_receipts_store_number_key').on(t.storeId, t.number), index().on(t.purchaseOrderId)],
);

export const goodsReceiptLines = pgTable(
  'goods_receipt_lines',
  {
    id: id(),
    goodsReceiptId: uuid()
      .notNull()
      .references(() => goodsReceipts.id),
    storeId: storeRef(),
    lineNo: integer().notNull(),
    productId: productRef(),
    purchaseOrderLineId: uuid().references(() => purchaseOrderLines.id),
    quantity: integer().notNull(),
    unitCostFen: integer().notNull(),
  },
  (t) => [index().on(t.goodsReceiptId), index().on(t.purchaseOrderLineId)],
);

export const stockAdjustmentReason = pgEnum('stock_adjustment_reason', [
  'damaged',
  'expired',
  'theft',
  'found',
  'count',
  'correction',
]);

/** A correction of stock with its reason; a stocktake's variances are applied as one of these (reason `count`). */
export const stockAdjustments = pgTable(
  'stock_adjustments',
  {
    id: id(),
    storeId: storeRef(),
    number: text().notNull(),
    reason: stockAdjustmentReason().notNull(),
    note: text().notNull(),
    stocktakeId: uuid(),
    createdBy: staffRef(),
    approvedBy: uuid().references(() => staff.id),
    createdAt: at().notNull(),
  },
  (t) => [unique('stock_adjustments_store_number_key').on(t.storeId, t.number)],
);

export const stockAdjustmentLines = pgTable(
  'stock_adjustment_lines',
  {
    id: id(),
    stockAdjustmentId: uuid()
      .notNull()
      .references(() => stockAdjustments.id),
    storeId: storeRef(),
    lineNo: integer().notNull(),
    productId: productRef(),
    quantityDelta: integer().notNull(),
    unitCostFen: integer().notNull(),
  },
  (t) => [index().on(t.stockAdjustmentId)],
);

export const stocktakeScope = pgEnum('stocktake_scope', ['full', 'department']);
export const stocktakeStatus = pgEnum('stocktake_status', ['counting', 'applied', 'cancelled']);

/** A count (盘点): expected quantities are frozen at the start; counts are appended by any number of counters. */
export const stocktakes = pgTable(
  'stocktakes',
  {
    id: id(),
    storeId: storeRef(),
    number: text().notNull(),
    scope: stocktakeScope().notNull(),
    departmentId: uuid().references(() => departments.id),
    status: stocktakeStatus().notNull().default('counting'),
    startedBy: staffRef(),
    startedAt: at().notNull(),
    /** The last ledger sequence in the frozen figures: movements after it happened during the count. */
    frozenSeq: bigint({ mode: 'number' }),
    appliedBy: uuid().references(() => staff.id),
    appliedAt: at(),
    stockAdjustmentId: uuid().references(() => stockAdjustments.id),
  },
  (t) => [unique('stocktakes_store_number_key').on(t.storeId, t.number), index().on(t.storeId, t.status)],
);

/** On hand and cost of each product in scope at the moment the stocktake started. */
export const stocktakeItems = pgTable(
  'stocktake_items',
  {
    stocktakeId: uuid()
      .notNull()
      .references(() => stocktakes.id),
    storeId: storeRef(),
    productId: productRef(),
    frozenOnHand: integer().notNull(),
    unitCostFen: integer().notNull(),
  },
  (t) => [primaryKey({ columns: [t.stocktakeId, t.productId] })],
);

/** One counter's count of a product at a moment; a product's count is the sum of its entries. */
export const stocktakeCounts = pgTable(
  'stocktake_counts',
  {
    id: id(),
    stocktakeId: uuid()
      .notNull()
      .references(() => stocktakes.id),
    storeId: storeRef(),
    productId: productRef(),
    quantity: integer().notNull(),
    scannedCode: text(),
    countedBy: staffRef(),
    countedAt: at().notNull(),
    /** The last ledger sequence when the entry was recorded: a product's count stands at its first entry's. */
    ledgerSeq: bigint({ mode: 'number' }),
  },
  (t) => [index().on(t.stocktakeId, t.productId)],
);

export const transferStatus = pgEnum('transfer_status', ['in_transit', 'received']);

/** Goods sent from one store to another: out of the sender when sent, into the receiver as counted on arrival. */
export const stockTransfers = pgTable(
  'stock_transfers',
  {
    id: id(),
    storeId: storeRef(),
    toStoreId: uuid()
      .notNull()
      .references(() => stores.id),
    number: text().notNull(),
    status: transferStatus().notNull().default('in_transit'),
    note: text().notNull().default(''),
    sentBy: staffRef(),
    sentAt: at().notNull(),
    receivedBy: uuid().references(() => staff.id),
    receivedAt: at(),
  },
  (t) => [unique('stock_transfers_store_number_key').on(t.storeId, t.number), index().on(t.toStoreId, t.status)],
);

/** Products are per store: the receiving store's product is matched by product code. */
export const stockTransferLines = pgTable(
  'stock_transfer_lines',
  {
    id: id(),
    stockTransferId: uuid()
      .notNull()
      .references(() => stockTransfers.id),
    storeId: storeRef(),
    lineNo: integer().notNull(),
    productId: productRef(),
    productCode: text().notNull(),
    toProductId: uuid().references(() => products.id),
    quantitySent: integer().notNull(),
    quantityReceived: integer(),
    unitCostFen: integer().notNull(),
  },
  (t) => [index().on(t.stockTransferId)],
);

/** When a product is low (on hand at or below the point) and how much to order by default. */
export const reorderRules = pgTable(
  'reorder_rules',
  {
    storeId: storeRef(),
    productId: productRef(),
    reorderPoint: integer().notNull(),
    reorderQuantity: integer().notNull(),
    updatedAt: at().notNull(),
  },
  (t) => [primaryKey({ columns: [t.storeId, t.productId] })],
);
