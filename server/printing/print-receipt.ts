import { and, asc, eq } from 'drizzle-orm';
import { z } from 'zod';
import { lanes, products, saleLines, saleTenders, sales, staff, stores } from '../../db/schema';
import type { StaffContext } from '../core/context';
import { DomainError, found } from '../core/errors';
import { layoutReceipt, type Receipt } from '../domain/receipt';
import { encodeReceipt } from './escpos-receipt';
import { sendToPrinter } from './send-to-printer';

export const PrintReceiptInput = z.object({
  laneId: z.uuid(),
  receiptNo: z.string().trim().min(1).max(40),
  reprint: z.boolean().default(false),
});
export type PrintReceiptInput = z.input<typeof PrintReceiptInput>;

/**
 * The receipt of a recorded sale, as the printer gets it: built from what the server stored (the figures
 * `priceSale` gave when the sale was recorded), not what a lane says, in the store's receipt language.
 */
export async function receiptData(ctx: StaffContext, receiptNo: string, reprint: boolean): Promise<Receipt> {
  const [row] = await ctx.db
    .select({ sale: sales, store: stores, laneNumber: lanes.number, cashier: staff.name })
    .from(sales)
    .innerJoin(stores, eq(stores.id, sales.storeId))
    .innerJoin(lanes, eq(lanes.id, sales.laneId))
    .innerJoin(staff, eq(staff.id, sales.staffId))
    .where(and(eq(sales.storeId, ctx.storeId), eq(sales.receiptNo, receiptNo)));
  const { sale, store, laneNumber, cashier } = found(row, 'sale');
  // The line keeps the Chinese name it was sold under; the English one is the catalog's.
  const lines = await ctx.db
    .select({ line: saleLines, nameEn: products.nameEn })
    .from(saleLines)
    .innerJoin(products, eq(products.id, saleLines.productId))
    .where(eq(saleLines.saleId, sale.id))
    .orderBy(asc(saleLines.lineNo));
  const tenders = await ctx.db.select().from(saleTenders).where(eq(saleTenders.saleId, sale.id));
  return layoutReceipt({
    language: store.receiptLanguage,
    timeZone: store.timezone,
    store,
    kind: sale.kind,
    lines: lines.map(({ line, nameEn }) => ({ ...line, nameEn })),
    tenders,
    changeFen: sale.changeFen,
    cashier,
    laneNumber,
    soldAt: sale.soldAt,
    receiptNo: sale.receiptNo,
    reprint,
  });
}

/** Prints (or reprints) a recorded sale's receipt on the lane's network printer. */
export async function printReceipt(ctx: StaffContext, rawInput: PrintReceiptInput) {
  const input = PrintReceiptInput.parse(rawInput);
  const [lane] = await ctx.db
    .select({ host: lanes.printerHost, port: lanes.printerPort })
    .from(lanes)
    .where(and(eq(lanes.id, input.laneId), eq(lanes.storeId, ctx.storeId)));
  const printer = found(lane, 'lane');
  if (!printer.host || !printer.port) {
    throw new DomainError('INVALID', 'printer.none', 'No receipt printer is set for this lane');
  }
  const bytes = encodeReceipt(await receiptData(ctx, input.receiptNo, input.reprint));
  try {
    await sendToPrinter(printer.host, printer.port, bytes);
  } catch (error) {
    throw new DomainError(
      'CONFLICT',
      'printer.unreachable',
      `The printer did not take the receipt: ${(error as Error).message}`,
    );
  }
  return { bytes: bytes.length };
}
