import { sql } from 'drizzle-orm';
import {
  boolean,
  date,
  index,
  integer,
  jsonb,
  pgEnum,
  pgTable,
  text,
  timestamp,
  unique,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { products } from './catalog';
import { staff } from './staff';
import { lanes, storeRef } from './stores';

export const shiftStatus = pgEnum('shift_status', ['open', 'closed']);
export const cashMovementKind = pgEnum('cash_movement_kind', [
  'opening_float',
  'sale',
  'refund',
  'paid_in',
  'paid_out',
]);
export const saleKind = pgEnum('sale_kind', ['sale', 'return']);
export const saleStatus = pgEnum('sale_status', ['completed', 'voided']);
export const tenderKind = pgEnum('tender_kind', ['cash', 'bank_card', 'store_card']);

/** A cashier's time on one lane, from sign-in (签到) to sign-out (签退); at most one open per lane. */
export const shifts = pgTable(
  'shifts',
  {
    id: uuid().primaryKey(),
    storeId: storeRef(),
    laneId: uuid()
      .notNull()
      .references(() => lanes.id),
    staffId: uuid()
      .notNull()
      .references(() => staff.id),
    status: shiftStatus().notNull().default('open'),
    openingFloatFen: integer().notNull(),
    openedAt: timestamp({ withTimezone: true }).notNull(),
    closedAt: timestamp({ withTimezone: true }),
    countedCashFen: integer(),
    expectedCashFen: integer(),
  },
  (t) => [
    uniqueIndex('shifts_one_open_per_lane')
      .on(t.laneId)
      .where(sql`${t.status} = 'open'`),
    index().on(t.storeId, t.openedAt),
  ],
);

/** The cash drawer's ledger: its balance is the sum of its movements; change given is netted out of a sale's cash. */
export const cashMovements = pgTable(
  'cash_movements',
  {
    id: uuid().primaryKey(),
    storeId: storeRef(),
    shiftId: uuid()
      .notNull()
      .references(() => shifts.id),
    kind: cashMovementKind().notNull(),
    amountFen: integer().notNull(),
    saleId: uuid(),
    reason: text(),
    approverStaffId: uuid().references(() => staff.id),
    createdAt: timestamp({ withTimezone: true }).notNull(),
  },
  (t) => [index().on(t.shiftId)],
);

export const sales = pgTable(
  'sales',
  {
    id: uuid().primaryKey(),
    storeId: storeRef(),
    laneId: uuid()
      .notNull()
      .references(() => lanes.id),
    shiftId: uuid()
      .notNull()
      .references(() => shifts.id),
    staffId: uuid()
      .notNull()
      .references(() => staff.id),
    kind: saleKind().notNull(),
    status: saleStatus().notNull().default('completed'),
    receiptNo: text().notNull(),
    originalSaleId: uuid(),
    customerSegment: text(),
    grossFen: integer().notNull(),
    discountFen: integer().notNull(),
    totalFen: integer().notNull(),
    changeFen: integer().notNull(),
    businessDate: date().notNull(),
    localHour: integer().notNull(),
    soldAt: timestamp({ withTimezone: true }).notNull(),
    recordedAt: timestamp({ withTimezone: true }).notNull(),
    sentOffline: boolean().notNull().default(false),
    /** Why goods came back without a receipt (a return with `originalSaleId` null). */
    returnReason: text(),
    priceDifferences: jsonb()
      .$type<{ productId: string; lanePriceFen: number; catalogPriceFen: number }[]>()
      .notNull()
      .default([]),
  },
  (t) => [
    unique('sales_store_receipt_key').on(t.storeId, t.receiptNo),
    index().on(t.storeId, t.businessDate),
    index().on(t.shiftId),
  ],
);

export const saleLines = pgTable(
  'sale_lines',
  {
    id: uuid().primaryKey(),
    saleId: uuid()
      .notNull()
      .references(() => sales.id),
    storeId: storeRef(),
    lineNo: integer().notNull(),
    productId: uuid()
      .notNull()
      .references(() => products.id),
    scannedCode: text().notNull(),
    nameZh: text().notNull(),
    departmentId: uuid().notNull(),
    unit: text().notNull(),
    quantity: integer().notNull(),
    weightGrams: integer(),
    unitPriceFen: integer().notNull(),
    labelTotalFen: integer(),
    grossFen: integer().notNull(),
    lineDiscountFen: integer().notNull(),
    saleDiscountFen: integer().notNull(),
    totalFen: integer().notNull(),
    vatRateBps: integer().notNull(),
    vatFen: integer().notNull(),
    originalLineId: uuid(),
  },
  // Partial: sale lines (nearly all of them) have no original line and cost no index entry.
  (t) => [
    index().on(t.saleId),
    index()
      .on(t.originalLineId)
      .where(sql`${t.originalLineId} is not null`),
  ],
);

export const saleTenders = pgTable(
  'sale_tenders',
  {
    id: uuid().primaryKey(),
    saleId: uuid()
      .notNull()
      .references(() => sales.id),
    storeId: storeRef(),
    kind: tenderKind().notNull(),
    amountFen: integer().notNull(),
    reference: text(),
  },
  // References name card payments: "is this approval on a sale?" is asked per payment, cash tenders stay out.
  (t) => [
    index().on(t.saleId),
    index()
      .on(t.reference)
      .where(sql`${t.reference} is not null`),
  ],
);

/**
 * A sale the lane had already finished (money taken) that the server refused on upload. The lane cannot
 * fix it, so it waits here for a manager; the payload is the lane's upload as sent.
 */
export const saleUploadRejections = pgTable(
  'sale_upload_rejections',
  {
    saleId: uuid().primaryKey(),
    storeId: storeRef(),
    laneId: uuid().notNull(),
    staffId: uuid()
      .notNull()
      .references(() => staff.id),
    receiptNo: text().notNull(),
    totalFen: integer().notNull(),
    soldAt: timestamp({ withTimezone: true }).notNull(),
    reason: text().notNull(),
    message: text().notNull(),
    payload: jsonb().notNull(),
    attempts: integer().notNull().default(1),
    firstRejectedAt: timestamp({ withTimezone: true }).notNull(),
    lastRejectedAt: timestamp({ withTimezone: true }).notNull(),
    resolvedAt: timestamp({ withTimezone: true }),
    resolvedByStaffId: uuid().references(() => staff.id),
    resolutionNote: text(),
  },
  (t) => [index().on(t.storeId, t.resolvedAt)],
);

export const returnCardRefundStatus = pgEnum('return_card_refund_status', ['waiting', 'recorded', 'dropped', 'failed']);

/**
 * A return by receipt as the lane asked for it, kept with the card void or refund started for it (one row per card
 * transaction, in its transaction): when the terminal's answer, a query or the manager finds it approved, the return
 * is recorded in the same transaction, whether or not the lane is still there; declined or failed, it is dropped.
 */
export const returnCardRefunds = pgTable(
  'return_card_refunds',
  {
    cardPaymentId: uuid().primaryKey(),
    storeId: storeRef(),
    returnId: uuid().notNull(),
    /** The cashier who started it: the return is recorded and audited as theirs, in their shift. */
    staffId: uuid()
      .notNull()
      .references(() => staff.id),
    shiftId: uuid()
      .notNull()
      .references(() => shifts.id),
    /** RecordReturnInput without the card payment (returnedAt as an ISO string). */
    request: jsonb().notNull(),
    status: returnCardRefundStatus().notNull().default('waiting'),
    /** Why a return found approved could not be recorded (a reason key): for the manager. */
    failure: text(),
    createdAt: timestamp({ withTimezone: true }).notNull(),
    closedAt: timestamp({ withTimezone: true }),
  },
  (t) => [index().on(t.returnId), index().on(t.shiftId, t.status)],
);
