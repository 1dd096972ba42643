import type { z } from 'zod';
import type { Database } from '../../db/client';
import type { StaffContext } from '../core/context';
import { DomainError } from '../core/errors';
import { newId } from '../core/ids';
import { CARD_OUTCOME_NOT_KNOWN } from '../domain/card-outcome';
import { lineWeightGrams, type SaleTotals } from '../domain/sale';
import { storeLocalTime } from '../domain/store-time';
import type { LaneInfo } from '../lanes/lane-context';
import { assertCardOutcomesKnown } from '../payments/refuse-while-card-outcome-unknown';
import { assertSellingShift } from '../shifts/find-open-shift';
import type { FinalizedSale, FinalizeSaleInput } from './finalize-sale';
import { jsonColumn, runStatement } from './run-statement';
import { stockDelta } from './stock-delta';

/** A sale that passed every check needing no database: parsed, priced and paid. */
export interface SaleToRecord {
  readonly ctx: StaffContext;
  readonly input: z.output<typeof FinalizeSaleInput>;
  readonly totals: SaleTotals;
  readonly changeFen: number;
}

/**
 * The rows of one new sale, keyed as the columns they fill (see write-sales.ts), plus the facts they were judged
 * on (`lane_timezone`, each line's `catalog_price_fen`), which the write requires to still hold.
 */
export interface SaleRows {
  sale: Record<string, unknown>;
  lines: Record<string, unknown>[];
  tenders: Record<string, unknown>[];
  cash: Record<string, unknown>[];
  stock: Record<string, unknown>[];
}

export type SaleVerdict =
  | { kind: 'recorded'; answer: FinalizedSale }
  | { kind: 'refused'; error: DomainError }
  | { kind: 'new'; answer: FinalizedSale; rows: SaleRows; catalogPrices: ReadonlyMap<string, number> };

/** `state in (...)` for a card payment whose outcome nobody knows; the sale's write requires none (write-sales.ts). */
export const CARD_OUTCOME_NOT_KNOWN_SQL = `state in (${CARD_OUTCOME_NOT_KNOWN.map((state) => `'${state}'`).join(', ')})`;

const READ_SALE_FACTS = `select
  (select coalesce(jsonb_agg(jsonb_build_array(id, store_id, receipt_no, total_fen, change_fen, recorded_at)), '[]')
     from sales where id = any($1::text::uuid[])),
  (select coalesce(jsonb_agg(jsonb_build_array(l.id, l.store_id, l.number, s.timezone)), '[]')
     from lanes l join stores s on s.id = l.store_id where l.id = any($2::text::uuid[])),
  (select coalesce(jsonb_agg(jsonb_build_array(id, store_id, lane_id, staff_id, status)), '[]')
     from shifts where id = any($3::text::uuid[])),
  (select coalesce(jsonb_agg(jsonb_build_array(id, store_id, price_fen)), '[]')
     from products where id = any($4::text::uuid[])),
  (select coalesce(jsonb_agg(distinct jsonb_build_array(sale_id, store_id)), '[]')
     from card_payments where sale_id = any($1::text::uuid[]) and ${CARD_OUTCOME_NOT_KNOWN_SQL})`;

type Recorded = [string, string, string, number, number, string];
/** id, store id, number, the store's time zone. */
export type Lane = [string, string, number, string];
type Shift = [string, string, string, string, 'open' | 'closed'];
/** id, store id, catalog price. */
export type Product = [string, string, number];

// The ids were parsed as UUIDs, so a Postgres array literal of them needs no quoting.
const uuidArray = (ids: Iterable<string>) => `{${[...new Set(ids)].join(',')}}`;

/**
 * Checks sales against the database in one query: a sale already recorded gets its stored answer (so a retry
 * succeeds even after its shift closed), a sale breaking a rule its error, and a new sale the rows to write.
 */
export async function checkSales(db: Database, batch: readonly SaleToRecord[]): Promise<SaleVerdict[]> {
  return judgeSales(batch, await readSaleFacts(db, batch));
}

/** What the checks need to know of these sales, their lanes, shifts and products, read in one query. */
export async function readSaleFacts(db: Database, batch: readonly SaleToRecord[]): Promise<SaleFacts> {
  const [row] = await runStatement(db, 'check_sales', READ_SALE_FACTS, [
    uuidArray(batch.map((s) => s.input.saleId)),
    uuidArray(batch.map((s) => s.input.laneId)),
    uuidArray(batch.map((s) => s.input.shiftId)),
    uuidArray(batch.flatMap((s) => s.input.lines.map((line) => line.productId))),
  ]);
  const [recorded, lanes, shifts, products, cardOutcomeUnknown] = row ?? [];
  return {
    recorded: new Map(jsonColumn<Recorded[]>(recorded).map((r) => [r[0], r])),
    lanes: new Map(jsonColumn<Lane[]>(lanes).map((l) => [l[0], l])),
    shifts: new Map(
      jsonColumn<Shift[]>(shifts).map(([id, storeId, laneId, staffId, status]) => [
        id,
        { id, storeId, laneId, staffId, status },
      ]),
    ),
    products: new Map(jsonColumn<Product[]>(products).map((p) => [p[0], p])),
    cardOutcomeUnknown: new Set(jsonColumn<[string, string][]>(cardOutcomeUnknown).map(storeSaleKey)),
  };
}

/** Each sale's verdict on these facts: the one place the rules for recording a sale are applied. */
export function judgeSales(batch: readonly SaleToRecord[], facts: SaleFacts): SaleVerdict[] {
  return batch.map((sale) => {
    try {
      return judgeSale(sale, facts);
    } catch (error) {
      if (error instanceof DomainError) return { kind: 'refused', error };
      throw error;
    }
  });
}

export interface SaleFacts {
  recorded: Map<string, Recorded>;
  lanes: Map<string, Lane>;
  shifts: Map<string, ShiftFacts>;
  products: Map<string, Product>;
  /** Sales (`storeSaleKey`) with a card transaction of unknown outcome: never remembered, as it changes by the second. */
  cardOutcomeUnknown: Set<string>;
}

export const storeSaleKey = ([saleId, storeId]: readonly [string, string]) => `${storeId}/${saleId}`;

export type ShiftFacts = {
  id: string;
  storeId: string;
  laneId: string;
  staffId: string;
  status: 'open' | 'closed';
};

function judgeSale({ ctx, input, totals, changeFen }: SaleToRecord, facts: SaleFacts): SaleVerdict {
  const known = facts.recorded.get(input.saleId);
  if (known) {
    const [saleId, storeId, receiptNo, totalFen, knownChangeFen, recordedAt] = known;
    if (storeId !== ctx.storeId) throw new DomainError('CONFLICT', 'sale.id-taken', 'Sale id already used');
    return {
      kind: 'recorded',
      answer: { saleId, receiptNo, totalFen, changeFen: knownChangeFen, recordedAt: new Date(recordedAt) },
    };
  }
  // The lane never finishes a sale while blocked; this is the second line, whatever the tenders.
  if (facts.cardOutcomeUnknown.has(storeSaleKey([input.saleId, ctx.storeId]))) {
    assertCardOutcomesKnown([{ state: 'unknown' }]);
  }
  const laneRow = facts.lanes.get(input.laneId);
  const storeLane: LaneInfo | undefined =
    laneRow && laneRow[1] === ctx.storeId
      ? { laneId: laneRow[0], laneNumber: laneRow[2], timeZone: laneRow[3] }
      : undefined;
  const { lane, shift } = assertSellingShift(ctx, storeLane, facts.shifts.get(input.shiftId));

  const productIds = [...new Set(input.lines.map((line) => line.productId))].sort();
  const catalogPrices = new Map<string, number>();
  for (const productId of productIds) {
    const product = facts.products.get(productId);
    if (!product || product[1] !== ctx.storeId) {
      throw new DomainError('INVALID', 'sale.unknown-product', 'A line names a product this store does not have');
    }
    catalogPrices.set(productId, product[2]);
  }
  const priceDifferences = input.lines.flatMap((line) => {
    if (line.overrideApprovalId) return [];
    const catalogPriceFen = catalogPrices.get(line.productId) ?? line.unitPriceFen;
    return catalogPriceFen === line.unitPriceFen
      ? []
      : [{ productId: line.productId, lanePriceFen: line.unitPriceFen, catalogPriceFen }];
  });

  const recordedAt = ctx.now();
  const local = storeLocalTime(input.soldAt, lane.timeZone);
  const storeId = ctx.storeId;
  const saleId = input.saleId;
  const cashFen = input.tenders.filter((t) => t.kind === 'cash').reduce((sum, t) => sum + t.amountFen, 0);
  const rows: SaleRows = {
    sale: {
      id: saleId,
      store_id: storeId,
      lane_id: lane.laneId,
      shift_id: shift.id,
      staff_id: ctx.actor.staffId,
      receipt_no: input.receiptNo,
      customer_segment: input.customerSegment,
      gross_fen: totals.grossFen,
      discount_fen: totals.discountFen,
      total_fen: totals.totalFen,
      change_fen: changeFen,
      business_date: local.businessDate,
      local_hour: local.hour,
      sold_at: input.soldAt,
      recorded_at: recordedAt,
      sent_offline: input.sentOffline,
      price_differences: priceDifferences,
      lane_timezone: lane.timeZone,
    },
    lines: input.lines.map((line, index) => {
      const priced = totals.lines[index];
      return {
        id: line.lineId,
        sale_id: saleId,
        store_id: storeId,
        line_no: index + 1,
        product_id: line.productId,
        scanned_code: line.scannedCode,
        name_zh: line.nameZh,
        department_id: line.departmentId,
        unit: line.unit,
        quantity: line.quantity,
        weight_grams: lineWeightGrams(line),
        unit_price_fen: line.unitPriceFen,
        label_total_fen: line.labelTotalFen,
        gross_fen: priced?.grossFen ?? 0,
        line_discount_fen: priced?.lineDiscountFen ?? 0,
        sale_discount_fen: priced?.saleDiscountFen ?? 0,
        total_fen: priced?.totalFen ?? 0,
        vat_rate_bps: line.vatRateBps,
        vat_fen: priced?.vatFen ?? 0,
        catalog_price_fen: catalogPrices.get(line.productId),
      };
    }),
    tenders: input.tenders.map((tender) => ({
      id: tender.tenderId,
      sale_id: saleId,
      store_id: storeId,
      kind: tender.kind,
      amount_fen: tender.amountFen,
      reference: tender.reference,
    })),
    // The drawer takes the cash net of change: change never counts as takings.
    cash:
      cashFen === 0
        ? []
        : [
            {
              id: newId(),
              store_id: storeId,
              shift_id: shift.id,
              amount_fen: cashFen - changeFen,
              sale_id: saleId,
              created_at: recordedAt,
            },
          ],
    stock: productIds.map((productId) => ({
      id: newId(),
      store_id: storeId,
      product_id: productId,
      quantity_delta: input.lines
        .filter((line) => line.productId === productId)
        .reduce((sum, line) => sum + stockDelta(line), 0),
      source_id: saleId,
      created_at: recordedAt,
    })),
  };
  const answer = { saleId, receiptNo: input.receiptNo, totalFen: totals.totalFen, changeFen, recordedAt };
  return { kind: 'new', answer, rows, catalogPrices };
}
