import { and, asc, eq } from 'drizzle-orm';
import { z } from 'zod';
import { goodsReceiptLines, goodsReceipts, products, purchaseOrders, staff, suppliers } from '../../db/schema';
import type { StaffContext } from '../core/context';
import { found } from '../core/errors';
import { lineValueFen } from './quantity';

export const GetGoodsReceiptInput = z.object({ id: z.uuid() });
export type GetGoodsReceiptInput = z.input<typeof GetGoodsReceiptInput>;

export async function getGoodsReceipt(ctx: StaffContext, rawInput: GetGoodsReceiptInput) {
  const { id } = GetGoodsReceiptInput.parse(rawInput);
  const [row] = await ctx.db
    .select({
      id: goodsReceipts.id,
      number: goodsReceipts.number,
      supplierId: goodsReceipts.supplierId,
      supplierName: suppliers.name,
      purchaseOrderId: goodsReceipts.purchaseOrderId,
      purchaseOrderNumber: purchaseOrders.number,
      supplierDocumentNo: goodsReceipts.supplierDocumentNo,
      note: goodsReceipts.note,
      receivedByName: staff.name,
      receivedAt: goodsReceipts.receivedAt,
    })
    .from(goodsReceipts)
    .innerJoin(suppliers, eq(suppliers.id, goodsReceipts.supplierId))
    .innerJoin(staff, eq(staff.id, goodsReceipts.receivedBy))
    .leftJoin(purchaseOrders, eq(purchaseOrders.id, goodsReceipts.purchaseOrderId))
    .where(and(eq(goodsReceipts.id, id), eq(goodsReceipts.storeId, ctx.storeId)));
  const receipt = found(row, 'goods-receipt');
  const lineRows = await ctx.db
    .select({
      lineNo: goodsReceiptLines.lineNo,
      productId: goodsReceiptLines.productId,
      productCode: products.code,
      nameZh: products.nameZh,
      nameEn: products.nameEn,
      unit: products.unit,
      purchaseOrderLineId: goodsReceiptLines.purchaseOrderLineId,
      quantity: goodsReceiptLines.quantity,
      unitCostFen: goodsReceiptLines.unitCostFen,
    })
    .from(goodsReceiptLines)
    .innerJoin(products, eq(products.id, goodsReceiptLines.productId))
    .where(eq(goodsReceiptLines.goodsReceiptId, receipt.id))
    .orderBy(asc(goodsReceiptLines.lineNo));
  const lines = lineRows.map((line) => ({
    ...line,
    valueFen: lineValueFen(line.quantity, line.unitCostFen, line.unit),
  }));
  return { ...receipt, lines, totalFen: lines.reduce((sum, line) => sum + line.valueFen, 0) };
}
export type GoodsReceiptDetail = Awaited<ReturnType<typeof getGoodsReceipt>>;
