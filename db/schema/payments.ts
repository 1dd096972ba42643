import {
  bigint,
  boolean,
  index,
  integer,
  jsonb,
  pgEnum,
  pgTable,
  text,
  timestamp,
  unique,
  uuid,
} from 'drizzle-orm/pg-core';
import type { CardTotals } from '../../server/domain/card-settlement';
import type { TxnType } from '../../server/payments/mispos/codes';
import { staff } from './staff';
import { lanes, storeRef } from './stores';

export const cardPaymentState = pgEnum('card_payment_state', [
  'in_flight',
  'approved',
  'declined',
  'not_sent',
  'unknown',
  'failed',
]);

/**
 * One request to a lane's bank terminal, persisted before a byte is sent: its ecrRef is the terminal's
 * idempotency key, so an outcome lost in a crash or timeout is asked for (query `20`), never re-sent.
 * Only what the terminal answers about the card is kept: masked number, issuer, references.
 */
export const cardPayments = pgTable(
  'card_payments',
  {
    id: uuid().primaryKey(),
    storeId: storeRef(),
    laneId: uuid()
      .notNull()
      .references(() => lanes.id),
    staffId: uuid()
      .notNull()
      .references(() => staff.id),
    saleId: uuid(),
    txnType: text().$type<TxnType>().notNull(),
    ecrRef: text().notNull(),
    amountFen: integer().notNull(),
    state: cardPaymentState().notNull(),
    originalPaymentId: uuid(),
    respCode: text(),
    message: text(),
    approvedAmountFen: integer(),
    /** A balance inquiry's answer: what the card holds, which may exceed what one payment can. */
    balanceFen: bigint({ mode: 'number' }),
    issuerCode: text(),
    issuerName: text(),
    cardNoMasked: text(),
    cardOrg: text(),
    fundingType: text(),
    merchantId: text(),
    terminalId: text(),
    batchNo: integer(),
    voucherNo: integer(),
    refNo: text(),
    authCode: text(),
    hostDate: text(),
    hostTime: text(),
    slip: text(),
    createdAt: timestamp({ withTimezone: true }).notNull(),
    answeredAt: timestamp({ withTimezone: true }),
    queries: integer().notNull().default(0),
    /**
     * When the background resolver asks the terminal again about an outcome not known, or verifies a manager's
     * settlement as `failed` while the terminal's query window is open; null: nothing to ask.
     */
    nextQueryAt: timestamp({ withTimezone: true }),
    resolvedByStaffId: uuid().references(() => staff.id),
    resolutionNote: text(),
    /** An approval on no sale that the manager offered to this lane's open sale (`offerCardPaymentToLane`). */
    offeredToLaneId: uuid().references(() => lanes.id),
    /** The manager's offer, made by the page: a retried offer changes nothing. */
    offerId: uuid(),
    /** When a query found approved a payment the manager (`resolvedByStaffId`) had settled as failed. */
    correctedAt: timestamp({ withTimezone: true }),
  },
  (t) => [
    unique('card_payments_ecr_ref_key').on(t.storeId, t.ecrRef),
    index().on(t.saleId),
    index().on(t.storeId, t.state),
    index().on(t.laneId, t.batchNo),
    index().on(t.offeredToLaneId),
  ],
);

/**
 * Every request and query the POS sent the terminal for a payment, each with its own ecrRef, so that every request
 * the terminal saw can be matched. The payment's own ecrRef is the attempt whose outcome decides it.
 */
export const cardPaymentAttempts = pgTable(
  'card_payment_attempts',
  {
    id: uuid().primaryKey(),
    storeId: storeRef(),
    paymentId: uuid()
      .notNull()
      .references(() => cardPayments.id),
    ecrRef: text().notNull(),
    kind: text().$type<'request' | 'query'>().notNull(),
    sentAt: timestamp({ withTimezone: true }).notNull(),
    answeredAt: timestamp({ withTimezone: true }),
    /** `answered`, `not-sent` or `unknown` (see TransactOutcome); null while waiting. */
    outcome: text(),
    respCode: text(),
    answeredAmountFen: bigint({ mode: 'number' }),
    detail: text(),
  },
  (t) => [index().on(t.paymentId, t.sentAt)],
);

/** A terminal's batch closed by settlement (`06`): its totals beside the POS's own, and whether they agree. */
export const terminalSettlements = pgTable(
  'terminal_settlements',
  {
    id: uuid().primaryKey(),
    storeId: storeRef(),
    laneId: uuid()
      .notNull()
      .references(() => lanes.id),
    staffId: uuid()
      .notNull()
      .references(() => staff.id),
    terminalId: text().notNull(),
    merchantId: text().notNull(),
    batchNo: integer().notNull(),
    businessDate: text().notNull(),
    terminalTotals: jsonb().$type<CardTotals>().notNull(),
    posTotals: jsonb().$type<CardTotals>().notNull(),
    balanced: boolean().notNull(),
    differences: jsonb().notNull(),
    settledAt: timestamp({ withTimezone: true }).notNull(),
  },
  (t) => [unique('terminal_settlements_batch_key').on(t.storeId, t.terminalId, t.batchNo)],
);

/** What the acquirer keeps of each card payment, per store and card kind (e.g. debit 0.5 % capped at 35 yuan). */
export const cardFeeRates = pgTable(
  'card_fee_rates',
  {
    storeId: storeRef(),
    cardKind: text().notNull(),
    rateBps: integer().notNull(),
    capFen: integer(),
  },
  (t) => [unique('card_fee_rates_store_kind_key').on(t.storeId, t.cardKind)],
);
