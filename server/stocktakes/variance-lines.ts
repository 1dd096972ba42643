import { and, asc, eq, sql, type SQL, type SQLWrapper } from 'drizzle-orm';
import { products, stockLevels, stocktakeCounts, stocktakeItems, stocktakes } from '../../db/schema';
import type { StaffContext } from '../core/context';
import type { StocktakeRow } from './find-stocktake';

/** Value of a quantity at a unit cost: units at cost per unit, grams of weighed goods at cost per kg. */
export function stockValueFen(quantity: number, unit: 'each' | 'kg', unitCostFen: number): number {
  return unit === 'kg' ? Math.round((quantity * unitCostFen) / 1000) : quantity * unitCostFen;
}

/** `stockValueFen` in SQL, rounding halves up as Math.round does; null for a null quantity. */
function stockValueFenSql(quantity: SQL, unit: SQLWrapper, unitCostFen: SQLWrapper) {
  return sql`(case when ${unit} = 'kg' then floor((${quantity}::numeric * ${unitCostFen} + 500) / 1000)
    else ${quantity}::numeric * ${unitCostFen} end)`;
}

export interface VarianceLine {
  productId: string;
  code: string;
  nameZh: string;
  nameEn: string;
  unit: 'each' | 'kg';
  frozenOnHand: number;
  unitCostFen: number;
  /** Movements after the freeze (sales and all else but this stocktake) up to the first count entry, or to `until`. */
  movedSinceStart: number;
  expected: number;
  counted: number | null;
  entries: number;
  lastCountedAt: Date | null;
  variance: number | null;
  varianceFen: number | null;
  /** The on-hand figure now, for the report after applying. */
  onHand: number;
}

export type VarianceShow = 'all' | 'differing' | 'uncounted';
/** Where a page of lines starts: after this line in the report's order (counted lines first, then by code). */
export interface VarianceCursor {
  counted: boolean;
  code: string;
}

/**
 * Each product in scope with what it should have held when it was counted: the frozen on hand plus its movements
 * after the freeze up to the ledger position of its first count entry. Later entries add goods found elsewhere; later
 * movements stay in the ledger, beside the count. Uncounted products are brought to `until` (now, or when the
 * stocktake was applied). `match` narrows on `products`.
 */
function varianceSource(ctx: StaffContext, stocktake: StocktakeRow, until: Date, match?: SQL | null) {
  const counted = ctx.db
    .select({
      productId: stocktakeCounts.productId,
      counted: sql<number>`sum(${stocktakeCounts.quantity})::int`.as('counted'),
      entries: sql<number>`count(*)::int`.as('entries'),
      lastCountedMs: sql<number>`(extract(epoch from max(${stocktakeCounts.countedAt})) * 1000)::float8`.as(
        'last_counted_ms',
      ),
      // Entries recorded before counts kept their ledger position fall back to their time.
      firstLedgerSeq: sql<number | null>`(case when bool_and(${stocktakeCounts.ledgerSeq} is not null)
        then min(${stocktakeCounts.ledgerSeq}) end)`.as('first_ledger_seq'),
      firstCountedAt: sql<unknown>`min(${stocktakeCounts.countedAt})`.as('first_counted_at'),
    })
    .from(stocktakeCounts)
    .where(eq(stocktakeCounts.stocktakeId, stocktake.id))
    .groupBy(stocktakeCounts.productId)
    .as('counted');
  const line = ctx.db
    .select({
      productId: stocktakeItems.productId,
      code: products.code,
      nameZh: products.nameZh,
      nameEn: products.nameEn,
      unit: products.unit,
      frozenOnHand: stocktakeItems.frozenOnHand,
      unitCostFen: stocktakeItems.unitCostFen,
      onHand: sql<number>`coalesce(${stockLevels.onHand}, 0)`.as('on_hand'),
      counted: counted.counted,
      entries: sql<number>`coalesce(${counted.entries}, 0)`.as('entries'),
      lastCountedMs: counted.lastCountedMs,
      movedSinceStart: sql<number>`(select coalesce(sum(m.quantity_delta), 0)::int from stock_movements m
        where m.store_id = ${stocktakeItems.storeId} and m.product_id = ${stocktakeItems.productId}
          and (case when ${stocktakes.frozenSeq} is null then m.created_at > ${stocktakes.startedAt}
            else m.seq > ${stocktakes.frozenSeq} end)
          and (case when ${counted.firstLedgerSeq} is not null then m.seq <= ${counted.firstLedgerSeq}
            else m.created_at <= coalesce(${counted.firstCountedAt}, ${until.toISOString()}::timestamptz) end)
          and m.source_id is distinct from ${stocktakes.stockAdjustmentId})`.as('moved_since_start'),
    })
    .from(stocktakeItems)
    .innerJoin(stocktakes, eq(stocktakes.id, stocktakeItems.stocktakeId))
    .innerJoin(products, eq(products.id, stocktakeItems.productId))
    .leftJoin(counted, eq(counted.productId, stocktakeItems.productId))
    .leftJoin(
      stockLevels,
      and(eq(stockLevels.storeId, stocktakeItems.storeId), eq(stockLevels.productId, stocktakeItems.productId)),
    )
    .where(
      and(eq(stocktakeItems.stocktakeId, stocktake.id), eq(stocktakeItems.storeId, ctx.storeId), match ?? undefined),
    )
    .as('line');
  const expected = sql`(${line.frozenOnHand} + ${line.movedSinceStart})`;
  const variance = sql`(${line.counted} - ${expected})`;
  const varianceFen = stockValueFenSql(variance, line.unit, line.unitCostFen);
  const fields = {
    productId: line.productId,
    code: line.code,
    nameZh: line.nameZh,
    nameEn: line.nameEn,
    unit: line.unit,
    frozenOnHand: line.frozenOnHand,
    unitCostFen: line.unitCostFen,
    onHand: line.onHand,
    counted: line.counted,
    entries: line.entries,
    lastCountedMs: line.lastCountedMs,
    movedSinceStart: line.movedSinceStart,
    expected: sql<number>`${expected}::int`,
    variance: sql<number | null>`${variance}::int`,
    varianceFen: sql<string | number | null>`${varianceFen}::bigint`,
  };
  const shown: Record<VarianceShow, SQL | undefined> = {
    all: undefined,
    differing: sql`${variance} <> 0`,
    uncounted: sql`${line.counted} is null`,
  };
  const uncountedRank = sql`(case when ${line.counted} is null then 1 else 0 end)`;
  return { line, fields, expected, variance, varianceFen, shown, uncountedRank };
}

type SourceRow = Awaited<ReturnType<typeof selectLines>>[number];
function selectLines(ctx: StaffContext, source: ReturnType<typeof varianceSource>) {
  return ctx.db.select(source.fields).from(source.line).$dynamic();
}

function toVarianceLine(row: SourceRow): VarianceLine {
  return {
    productId: row.productId,
    code: row.code,
    nameZh: row.nameZh,
    nameEn: row.nameEn,
    unit: row.unit,
    frozenOnHand: row.frozenOnHand,
    unitCostFen: row.unitCostFen,
    movedSinceStart: Number(row.movedSinceStart),
    expected: Number(row.expected),
    counted: row.counted === null ? null : Number(row.counted),
    entries: Number(row.entries),
    lastCountedAt: row.lastCountedMs === null ? null : new Date(Math.round(Number(row.lastCountedMs))),
    variance: row.variance === null ? null : Number(row.variance),
    varianceFen: row.varianceFen === null ? null : Number(row.varianceFen),
    onHand: Number(row.onHand),
  };
}

/** Every line of the stocktake by product code, unpaged: what applying it works from. */
export async function varianceLines(ctx: StaffContext, stocktake: StocktakeRow, until: Date): Promise<VarianceLine[]> {
  const source = varianceSource(ctx, stocktake, until);
  const rows = await selectLines(ctx, source).orderBy(asc(source.line.code));
  return rows.map(toVarianceLine);
}

/** A page of the report's lines, counted ones first, each part by code; `next` is where the following page starts. */
export async function varianceLinePage(
  ctx: StaffContext,
  stocktake: StocktakeRow,
  until: Date,
  page: { show: VarianceShow; match: SQL | null; after: VarianceCursor | null; limit: number },
): Promise<{ lines: VarianceLine[]; next: VarianceCursor | null }> {
  const source = varianceSource(ctx, stocktake, until, page.match);
  const after = page.after
    ? sql`(${source.uncountedRank}, ${source.line.code}) > (${page.after.counted ? 0 : 1}, ${page.after.code})`
    : undefined;
  const rows = await selectLines(ctx, source)
    .where(and(source.shown[page.show], after))
    .orderBy(asc(source.uncountedRank), asc(source.line.code))
    .limit(page.limit + 1);
  const lines = rows.slice(0, page.limit).map(toVarianceLine);
  const last = lines.at(-1);
  const next = rows.length > page.limit && last ? { counted: last.counted !== null, code: last.code } : null;
  return { lines, next };
}

/** The report's totals over every line of the stocktake, in value (quantities mix units and grams). */
export async function varianceTotals(ctx: StaffContext, stocktake: StocktakeRow, until: Date) {
  const { line, expected, variance, varianceFen } = varianceSource(ctx, stocktake, until);
  const uncountedValue = stockValueFenSql(sql`greatest(${expected}, 0)`, line.unit, line.unitCostFen);
  const [row] = await ctx.db
    .select({
      products: sql<number>`count(*)::int`,
      counted: sql<number>`count(${line.counted})::int`,
      differing: sql<number>`(count(*) filter (where ${variance} <> 0))::int`,
      gainFen: sql<string | number>`coalesce(sum(${varianceFen}) filter (where ${varianceFen} > 0), 0)::bigint`,
      lossFen: sql<string | number>`coalesce(sum(${varianceFen}) filter (where ${varianceFen} < 0), 0)::bigint`,
      uncountedValueFen: sql<
        string | number
      >`coalesce(sum(${uncountedValue}) filter (where ${line.counted} is null), 0)::bigint`,
    })
    .from(line);
  const products = Number(row?.products ?? 0);
  const counted = Number(row?.counted ?? 0);
  const gainFen = Number(row?.gainFen ?? 0);
  const lossFen = Number(row?.lossFen ?? 0);
  return {
    products,
    counted,
    uncounted: products - counted,
    differing: Number(row?.differing ?? 0),
    gainFen,
    lossFen,
    netFen: gainFen + lossFen,
    uncountedValueFen: Number(row?.uncountedValueFen ?? 0),
  };
}
