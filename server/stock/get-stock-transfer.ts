import { and, asc, eq, inArray, or } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { z } from 'zod';
import { products, staff, stockTransferLines, stockTransfers, stores } from '../../db/schema';
import type { StaffContext } from '../core/context';
import { notFound } from '../core/errors';

export const GetStockTransferInput = z.object({ id: z.uuid() });
export type GetStockTransferInput = z.input<typeof GetStockTransferInput>;

/** A transfer as the sending or the receiving store sees it, with each line matched to the receiver's product. */
export async function getStockTransfer(ctx: StaffContext, rawInput: GetStockTransferInput) {
  const input = GetStockTransferInput.parse(rawInput);
  const fromStore = alias(stores, 'from_store');
  const toStore = alias(stores, 'to_store');
  const sender = alias(staff, 'sender');
  const receiver = alias(staff, 'receiver');
  const [transfer] = await ctx.db
    .select({
      id: stockTransfers.id,
      number: stockTransfers.number,
      status: stockTransfers.status,
      note: stockTransfers.note,
      fromStoreId: stockTransfers.storeId,
      fromStoreCode: fromStore.code,
      fromStoreName: fromStore.name,
      toStoreId: stockTransfers.toStoreId,
      toStoreCode: toStore.code,
      toStoreName: toStore.name,
      sentAt: stockTransfers.sentAt,
      sentByName: sender.name,
      receivedAt: stockTransfers.receivedAt,
      receivedByName: receiver.name,
    })
    .from(stockTransfers)
    .innerJoin(fromStore, eq(fromStore.id, stockTransfers.storeId))
    .innerJoin(toStore, eq(toStore.id, stockTransfers.toStoreId))
    .innerJoin(sender, eq(sender.id, stockTransfers.sentBy))
    .leftJoin(receiver, eq(receiver.id, stockTransfers.receivedBy))
    .where(
      and(
        eq(stockTransfers.id, input.id),
        or(eq(stockTransfers.storeId, ctx.storeId), eq(stockTransfers.toStoreId, ctx.storeId)),
      ),
    );
  if (!transfer) throw notFound('stock-transfer');
  const lines = await ctx.db
    .select({
      id: stockTransferLines.id,
      lineNo: stockTransferLines.lineNo,
      productId: stockTransferLines.productId,
      productCode: stockTransferLines.productCode,
      nameZh: products.nameZh,
      nameEn: products.nameEn,
      unit: products.unit,
      toProductId: stockTransferLines.toProductId,
      quantitySent: stockTransferLines.quantitySent,
      quantityReceived: stockTransferLines.quantityReceived,
      unitCostFen: stockTransferLines.unitCostFen,
    })
    .from(stockTransferLines)
    .innerJoin(products, eq(products.id, stockTransferLines.productId))
    .where(eq(stockTransferLines.stockTransferId, transfer.id))
    .orderBy(asc(stockTransferLines.lineNo));
  const codes = [...new Set(lines.map((line) => line.productCode))];
  const receiving =
    codes.length === 0
      ? []
      : await ctx.db
          .select({ id: products.id, code: products.code })
          .from(products)
          .where(and(eq(products.storeId, transfer.toStoreId), inArray(products.code, codes)));
  const receiverProduct = new Map(receiving.map((p) => [p.code, p.id]));
  return {
    ...transfer,
    direction: transfer.fromStoreId === ctx.storeId ? ('out' as const) : ('in' as const),
    lines: lines.map((line) => ({
      ...line,
      receiverHasProduct: line.toProductId !== null || receiverProduct.has(line.productCode),
      difference: line.quantityReceived === null ? null : line.quantitySent - line.quantityReceived,
    })),
  };
}
export type StockTransferDetail = Awaited<ReturnType<typeof getStockTransfer>>;
