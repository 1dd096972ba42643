import { and, desc, eq, inArray, or, sql, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { z } from 'zod';
import {
  goodsReceipts,
  sales,
  stockAdjustments,
  stockLevels,
  stockMovements,
  stockTransfers,
  stores,
} from '../../db/schema';
import type { StaffContext } from '../core/context';

export const ListStockHistoryInput = z.object({
  productId: z.uuid(),
  /** Where the previous page ended, with the on hand just before its last movement. */
  cursor: z.object({ createdAt: z.coerce.date(), id: z.uuid(), onHand: z.number().int() }).optional(),
  pageSize: z.number().int().min(1).max(200).default(50),
});
export type ListStockHistoryInput = z.input<typeof ListStockHistoryInput>;

export type StockSource =
  | { type: 'sale'; id: string; receiptNo: string | null; isReturn: boolean }
  | { type: 'goods_receipt'; id: string; number: string | null }
  | { type: 'stock_adjustment'; id: string; number: string | null; reason: string | null }
  | {
      type: 'stock_transfer';
      id: string;
      number: string | null;
      direction: 'out' | 'in';
      otherStore: { code: string; name: string } | null;
    }
  | { type: 'other'; id: string; sourceType: string };

/**
 * A product's movements newest first, each with the on hand after it and the document it came from. The first page
 * reads the level and the movements in one statement (one snapshot), so the running balance is exact.
 */
export async function listStockHistory(ctx: StaffContext, rawInput: ListStockHistoryInput) {
  const input = ListStockHistoryInput.parse(rawInput);
  const filters: SQL[] = [eq(stockMovements.storeId, ctx.storeId), eq(stockMovements.productId, input.productId)];
  if (input.cursor) {
    filters.push(
      sql`(${stockMovements.createdAt}, ${stockMovements.id}) < (${input.cursor.createdAt.toISOString()}::timestamptz, ${input.cursor.id}::uuid)`,
    );
  }
  const rows = await ctx.db
    .select({
      id: stockMovements.id,
      kind: stockMovements.kind,
      quantityDelta: stockMovements.quantityDelta,
      unitCostFen: stockMovements.unitCostFen,
      sourceType: stockMovements.sourceType,
      sourceId: stockMovements.sourceId,
      createdAt: stockMovements.createdAt,
      levelOnHand: sql<number | null>`(select ${stockLevels.onHand} from ${stockLevels}
        where ${stockLevels.storeId} = ${ctx.storeId} and ${stockLevels.productId} = ${input.productId})`,
    })
    .from(stockMovements)
    .where(and(...filters))
    .orderBy(desc(stockMovements.createdAt), desc(stockMovements.id))
    .limit(input.pageSize + 1);
  const page = rows.slice(0, input.pageSize);
  const sources = await resolveSources(ctx, page);
  let onHand = input.cursor ? input.cursor.onHand : Number(page[0]?.levelOnHand ?? 0);
  const items = page.map(({ levelOnHand: _level, ...row }) => {
    const item = { ...row, onHandAfter: onHand, source: sources(row.sourceType, row.sourceId, row.kind) };
    onHand -= row.quantityDelta;
    return item;
  });
  const last = items.at(-1);
  return {
    items,
    nextCursor: rows.length > input.pageSize && last ? { createdAt: last.createdAt, id: last.id, onHand } : null,
  };
}

async function resolveSources(ctx: StaffContext, rows: { sourceType: string; sourceId: string }[]) {
  const idsOf = (type: string) => [...new Set(rows.filter((r) => r.sourceType === type).map((r) => r.sourceId))];
  const saleIds = idsOf('sale');
  const receiptIds = idsOf('goods_receipt');
  const adjustmentIds = idsOf('stock_adjustment');
  const transferIds = idsOf('stock_transfer');
  const fromStore = alias(stores, 'from_store');
  const toStore = alias(stores, 'to_store');
  const [saleRows, receiptRows, adjustmentRows, transferRows] = await Promise.all([
    saleIds.length === 0
      ? []
      : ctx.db
          .select({ id: sales.id, receiptNo: sales.receiptNo, kind: sales.kind })
          .from(sales)
          .where(and(eq(sales.storeId, ctx.storeId), inArray(sales.id, saleIds))),
    receiptIds.length === 0
      ? []
      : ctx.db
          .select({ id: goodsReceipts.id, number: goodsReceipts.number })
          .from(goodsReceipts)
          .where(and(eq(goodsReceipts.storeId, ctx.storeId), inArray(goodsReceipts.id, receiptIds))),
    adjustmentIds.length === 0
      ? []
      : ctx.db
          .select({ id: stockAdjustments.id, number: stockAdjustments.number, reason: stockAdjustments.reason })
          .from(stockAdjustments)
          .where(and(eq(stockAdjustments.storeId, ctx.storeId), inArray(stockAdjustments.id, adjustmentIds))),
    transferIds.length === 0
      ? []
      : ctx.db
          .select({
            id: stockTransfers.id,
            number: stockTransfers.number,
            storeId: stockTransfers.storeId,
            fromCode: fromStore.code,
            fromName: fromStore.name,
            toCode: toStore.code,
            toName: toStore.name,
          })
          .from(stockTransfers)
          .innerJoin(fromStore, eq(fromStore.id, stockTransfers.storeId))
          .innerJoin(toStore, eq(toStore.id, stockTransfers.toStoreId))
          .where(
            and(
              inArray(stockTransfers.id, transferIds),
              or(eq(stockTransfers.storeId, ctx.storeId), eq(stockTransfers.toStoreId, ctx.storeId)),
            ),
          ),
  ]);
  const byId = <T extends { id: string }>(list: T[]) => new Map(list.map((row) => [row.id, row]));
  const saleOf = byId(saleRows);
  const receiptOf = byId(receiptRows);
  const adjustmentOf = byId(adjustmentRows);
  const transferOf = byId(transferRows);
  return (type: string, id: string, kind: string): StockSource => {
    switch (type) {
      case 'sale': {
        const sale = saleOf.get(id);
        return { type, id, receiptNo: sale?.receiptNo ?? null, isReturn: (sale?.kind ?? kind) === 'return' };
      }
      case 'goods_receipt':
        return { type, id, number: receiptOf.get(id)?.number ?? null };
      case 'stock_adjustment': {
        const adjustment = adjustmentOf.get(id);
        return { type, id, number: adjustment?.number ?? null, reason: adjustment?.reason ?? null };
      }
      case 'stock_transfer': {
        const transfer = transferOf.get(id);
        const direction = transfer
          ? transfer.storeId === ctx.storeId
            ? 'out'
            : 'in'
          : kind === 'transfer_in'
            ? 'in'
            : 'out';
        const otherStore = !transfer
          ? null
          : direction === 'out'
            ? { code: transfer.toCode, name: transfer.toName }
            : { code: transfer.fromCode, name: transfer.fromName };
        return { type, id, number: transfer?.number ?? null, direction, otherStore };
      }
      default:
        return { type: 'other', id, sourceType: type };
    }
  };
}
