import { lineWeightGrams } from '../domain/sale';
import { and, asc, eq } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { z } from 'zod';
import { lanes, products, saleLines, saleTenders, sales, staff, stores } from '../../db/schema';
import type { StaffContext } from '../core/context';
import { found } from '../core/errors';

export const GetSaleInput = z.object({ saleId: z.uuid() });
export type GetSaleInput = z.input<typeof GetSaleInput>;

/**
 * A recorded sale or return of the acting store as the server stored it: who sold it where and when (with the
 * store's time zone to show it in), its lines, tenders and totals. Another store's sale is not found.
 */
export async function getSale(ctx: StaffContext, rawInput: GetSaleInput) {
  const input = GetSaleInput.parse(rawInput);
  const original = alias(sales, 'original_sale');
  const [row] = await ctx.db
    .select({
      id: sales.id,
      kind: sales.kind,
      status: sales.status,
      receiptNo: sales.receiptNo,
      soldAt: sales.soldAt,
      timeZone: stores.timezone,
      laneNumber: lanes.number,
      cashierName: staff.name,
      cashierNo: staff.operatorNo,
      customerSegment: sales.customerSegment,
      grossFen: sales.grossFen,
      discountFen: sales.discountFen,
      totalFen: sales.totalFen,
      changeFen: sales.changeFen,
      sentOffline: sales.sentOffline,
      returnReason: sales.returnReason,
      originalSaleId: original.id,
      originalReceiptNo: original.receiptNo,
    })
    .from(sales)
    .innerJoin(stores, eq(stores.id, sales.storeId))
    .innerJoin(lanes, eq(lanes.id, sales.laneId))
    .innerJoin(staff, eq(staff.id, sales.staffId))
    .leftJoin(original, and(eq(original.id, sales.originalSaleId), eq(original.storeId, sales.storeId)))
    .where(and(eq(sales.id, input.saleId), eq(sales.storeId, ctx.storeId)));
  const sale = found(row, 'sale');
  const [lines, tenders] = await Promise.all([
    ctx.db
      .select({
        lineNo: saleLines.lineNo,
        productId: saleLines.productId,
        code: products.code,
        nameZh: saleLines.nameZh,
        nameEn: products.nameEn,
        unit: saleLines.unit,
        quantity: saleLines.quantity,
        weightGrams: saleLines.weightGrams,
        unitPriceFen: saleLines.unitPriceFen,
        labelTotalFen: saleLines.labelTotalFen,
        grossFen: saleLines.grossFen,
        lineDiscountFen: saleLines.lineDiscountFen,
        saleDiscountFen: saleLines.saleDiscountFen,
        totalFen: saleLines.totalFen,
        vatRateBps: saleLines.vatRateBps,
      })
      .from(saleLines)
      .innerJoin(products, eq(products.id, saleLines.productId))
      .where(and(eq(saleLines.saleId, sale.id), eq(saleLines.storeId, ctx.storeId)))
      .orderBy(asc(saleLines.lineNo)),
    ctx.db
      .select({ kind: saleTenders.kind, amountFen: saleTenders.amountFen })
      .from(saleTenders)
      .where(and(eq(saleTenders.saleId, sale.id), eq(saleTenders.storeId, ctx.storeId)))
      .orderBy(asc(saleTenders.kind)),
  ]);
  const { originalSaleId, originalReceiptNo, ...rest } = sale;
  return {
    ...rest,
    originalSale: originalSaleId && originalReceiptNo ? { id: originalSaleId, receiptNo: originalReceiptNo } : null,
    // The weight the ledger moved: also right for a price-labelled line recorded before its weight was stored.
    lines: lines.map(({ labelTotalFen, ...line }) => ({
      ...line,
      unit: line.unit === 'kg' ? ('kg' as const) : ('each' as const),
      weightGrams: lineWeightGrams({ ...line, labelTotalFen }),
    })),
    tenders,
  };
}
export type SaleDetail = Awaited<ReturnType<typeof getSale>>;
