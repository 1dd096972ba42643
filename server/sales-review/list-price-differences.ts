import { and, desc, eq, gte, inArray, lte, sql } from 'drizzle-orm';
import { z } from 'zod';
import { lanes, products, saleLines, sales, staff, stores } from '../../db/schema';
import type { StaffContext } from '../core/context';
import { storeLocalTime } from '../domain/store-time';

const businessDate = z.iso.date();

export const ListPriceDifferencesInput = z.object({
  from: businessDate.optional(),
  to: businessDate.optional(),
  limit: z.number().int().min(1).max(500).default(200),
});
export type ListPriceDifferencesInput = z.input<typeof ListPriceDifferencesInput>;

/**
 * Sales a lane rang up at a price other than the catalog's when the sale reached the server (an offline
 * lane with an old price, say): one row per product and sale, with what the difference cost or gained.
 */
export async function listPriceDifferences(ctx: StaffContext, rawInput: ListPriceDifferencesInput) {
  const input = ListPriceDifferencesInput.parse(rawInput);
  const { from, to } = await businessDays(ctx, input);
  const flagged = await ctx.db
    .select({
      saleId: sales.id,
      receiptNo: sales.receiptNo,
      soldAt: sales.soldAt,
      businessDate: sales.businessDate,
      sentOffline: sales.sentOffline,
      laneNumber: lanes.number,
      cashierName: staff.name,
      cashierNo: staff.operatorNo,
      differences: sales.priceDifferences,
    })
    .from(sales)
    .innerJoin(lanes, eq(lanes.id, sales.laneId))
    .innerJoin(staff, eq(staff.id, sales.staffId))
    .where(
      and(
        eq(sales.storeId, ctx.storeId),
        gte(sales.businessDate, from),
        lte(sales.businessDate, to),
        sql`jsonb_array_length(${sales.priceDifferences}) > 0`,
      ),
    )
    .orderBy(desc(sales.soldAt))
    .limit(input.limit);
  if (flagged.length === 0) return { from, to, rows: [] };
  const saleIds = flagged.map((s) => s.saleId);
  const sold = await ctx.db
    .select({
      saleId: saleLines.saleId,
      productId: saleLines.productId,
      nameZh: products.nameZh,
      code: products.code,
      quantity: sql<number>`sum(${saleLines.quantity})::int`,
      weightGrams: sql<number | null>`sum(${saleLines.weightGrams})::int`,
    })
    .from(saleLines)
    .innerJoin(products, eq(products.id, saleLines.productId))
    .where(inArray(saleLines.saleId, saleIds))
    .groupBy(saleLines.saleId, saleLines.productId, products.nameZh, products.code);
  const rows = flagged.flatMap(({ differences, ...sale }) =>
    differences.map((difference) => {
      const line = sold.find((l) => l.saleId === sale.saleId && l.productId === difference.productId);
      const perUnitFen = difference.lanePriceFen - difference.catalogPriceFen;
      // Weighed goods are priced per kg: the difference scales with the weight sold.
      const effectFen =
        line?.weightGrams != null
          ? Math.round((perUnitFen * line.weightGrams) / 1000)
          : perUnitFen * (line?.quantity ?? 0);
      return {
        ...sale,
        productId: difference.productId,
        productName: line?.nameZh ?? '',
        productCode: line?.code ?? '',
        quantity: line?.quantity ?? 0,
        weightGrams: line?.weightGrams ?? null,
        lanePriceFen: difference.lanePriceFen,
        catalogPriceFen: difference.catalogPriceFen,
        effectFen,
      };
    }),
  );
  return { from, to, rows };
}

/** The days asked for, or the store's last seven business days (its own time zone, not the browser's). */
async function businessDays(ctx: StaffContext, input: { from?: string | undefined; to?: string | undefined }) {
  const [store] = await ctx.db.select({ timeZone: stores.timezone }).from(stores).where(eq(stores.id, ctx.storeId));
  const now = ctx.now();
  const today = storeLocalTime(now, store?.timeZone ?? 'Asia/Shanghai').businessDate;
  const weekAgo = storeLocalTime(new Date(now.getTime() - 6 * 86_400_000), store?.timeZone ?? 'Asia/Shanghai');
  return { from: input.from ?? weekAgo.businessDate, to: input.to ?? today };
}
