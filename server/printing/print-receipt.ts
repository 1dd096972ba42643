import { and, asc, eq } from 'drizzle-orm';
import { z } from 'zod';
import { lanes, saleLines, saleTenders, sales, staff, stores } from '../../db/schema';
import type { StaffContext } from '../core/context';
import { DomainError, found } from '../core/errors';
import { formatFen } from '../domain/money';
import { lineWeightGrams } from '../domain/sale';
import { vatBreakdown } from '../domain/vat';
import { encodeReceipt, type ReceiptData } from './escpos-receipt';
import { sendToPrinter } from './send-to-printer';

export const PrintReceiptInput = z.object({
  laneId: z.uuid(),
  receiptNo: z.string().trim().min(1).max(40),
  reprint: z.boolean().default(false),
});
export type PrintReceiptInput = z.input<typeof PrintReceiptInput>;

const TENDER_LABELS = { cash: '现金 CASH', bank_card: '银行卡 CARD', store_card: '储值卡 STORE CARD' } as const;

/** The receipt of a recorded sale, as the printer gets it: built from what the server stored, not what a lane says. */
export async function receiptData(ctx: StaffContext, receiptNo: string, reprint: boolean): Promise<ReceiptData> {
  const [row] = await ctx.db
    .select({ sale: sales, store: stores, laneNumber: lanes.number, cashier: staff.name })
    .from(sales)
    .innerJoin(stores, eq(stores.id, sales.storeId))
    .innerJoin(lanes, eq(lanes.id, sales.laneId))
    .innerJoin(staff, eq(staff.id, sales.staffId))
    .where(and(eq(sales.storeId, ctx.storeId), eq(sales.receiptNo, receiptNo)));
  const { sale, store, laneNumber, cashier } = found(row, 'sale');
  const lines = await ctx.db
    .select()
    .from(saleLines)
    .where(eq(saleLines.saleId, sale.id))
    .orderBy(asc(saleLines.lineNo));
  const tenders = await ctx.db.select().from(saleTenders).where(eq(saleTenders.saleId, sale.id));
  return {
    storeName: store.name,
    storeAddress: store.address,
    vatNumber: store.vatNumber,
    lines: lines.map((line) => {
      // Sales recorded before the server stored a price label's weight get it from the same rule.
      const grams = lineWeightGrams(line);
      return {
        name: line.nameZh,
        detail:
          grams !== null
            ? `${(grams / 1000).toFixed(3)}kg × ${formatFen(line.unitPriceFen)}/kg`
            : `${line.quantity} × ${formatFen(line.unitPriceFen)}`,
        totalFen: line.totalFen,
      };
    }),
    totalFen: sale.totalFen,
    tenders: tenders.map((t) => ({ label: TENDER_LABELS[t.kind], amountFen: t.amountFen })),
    changeFen: sale.changeFen,
    vat: vatBreakdown(lines.map((l) => ({ grossFen: l.totalFen, vatRateBps: l.vatRateBps }))).map((r) => ({
      rateBps: r.vatRateBps,
      netFen: r.netFen,
      vatFen: r.vatFen,
    })),
    cashier,
    laneNumber,
    soldAt: sale.soldAt.toLocaleString('zh-CN', { timeZone: store.timezone, hour12: false }),
    receiptNo: sale.receiptNo,
    reprint,
  };
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
