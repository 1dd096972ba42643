import { and, eq } from 'drizzle-orm';
import { z } from 'zod';
import { cashMovements, saleLines, saleTenders, sales } from '../../db/schema';
import type { StaffContext } from '../core/context';
import { newId } from '../core/ids';
import { storeLocalTime } from '../domain/store-time';
import type { LaneInfo } from '../lanes/lane-context';
import { moveStock } from './move-stock';

/** A return line as stored: negative quantity and money, refunded at what the customer paid. */
export type ReturnLineRow = typeof saleLines.$inferInsert & {
  weightGrams: number | null;
  labelTotalFen: number | null;
};

export interface ReturnToWrite {
  returnId: string;
  receiptNo: string;
  returnedAt: Date;
  lane: LaneInfo;
  shiftId: string;
  originalSaleId: string | null;
  returnReason: string | null;
  lines: ReturnLineRow[];
  /** The part refunded to the customer's card by the terminal (a void or refund payment); the rest is cash. */
  cardRefund?: { paymentId: string; amountFen: number } | null;
}

/**
 * Writes a return as a negative sale: its lines, a cash refund tender, the drawer's refund movement and
 * the stock coming back, all in the caller's transaction. Returns the refund (positive fen).
 */
export async function writeReturn(tx: StaffContext, ret: ReturnToWrite): Promise<number> {
  const sum = (pick: (line: ReturnLineRow) => number) => ret.lines.reduce((total, line) => total + pick(line), 0);
  const totalFen = sum((l) => l.totalFen);
  const recordedAt = tx.now();
  const local = storeLocalTime(ret.returnedAt, ret.lane.timeZone);
  await tx.db.insert(sales).values({
    id: ret.returnId,
    storeId: tx.storeId,
    laneId: ret.lane.laneId,
    shiftId: ret.shiftId,
    staffId: tx.actor.staffId,
    kind: 'return',
    receiptNo: ret.receiptNo,
    originalSaleId: ret.originalSaleId,
    returnReason: ret.returnReason,
    grossFen: sum((l) => l.grossFen),
    discountFen: sum((l) => l.lineDiscountFen + l.saleDiscountFen),
    totalFen,
    changeFen: 0,
    businessDate: local.businessDate,
    localHour: local.hour,
    soldAt: ret.returnedAt,
    recordedAt,
  });
  await tx.db.insert(saleLines).values(ret.lines);
  const cardFen = -(ret.cardRefund?.amountFen ?? 0);
  const cashFen = totalFen - cardFen;
  await tx.db.insert(saleTenders).values([
    ...(ret.cardRefund
      ? [
          {
            id: newId(),
            saleId: ret.returnId,
            storeId: tx.storeId,
            kind: 'bank_card' as const,
            amountFen: cardFen,
            reference: ret.cardRefund.paymentId,
          },
        ]
      : []),
    ...(cashFen !== 0 || !ret.cardRefund
      ? [
          {
            id: newId(),
            saleId: ret.returnId,
            storeId: tx.storeId,
            kind: 'cash' as const,
            amountFen: cashFen,
            reference: null,
          },
        ]
      : []),
  ]);
  if (cashFen !== 0) {
    await tx.db.insert(cashMovements).values({
      id: newId(),
      storeId: tx.storeId,
      shiftId: ret.shiftId,
      kind: 'refund',
      amountFen: cashFen,
      saleId: ret.returnId,
      createdAt: recordedAt,
    });
  }
  const stockLines = ret.lines.map((l) => ({ ...l, unit: l.unit === 'kg' ? ('kg' as const) : ('each' as const) }));
  const productIds = [...new Set(stockLines.map((l) => l.productId))].sort();
  await moveStock(tx, 'return', ret.returnId, productIds, stockLines, recordedAt);
  return -totalFen;
}

/** What every return names, by receipt or without: its own id and receipt number, where and when. */
export const returnHeaderShape = {
  returnId: z.uuid(),
  laneId: z.uuid(),
  shiftId: z.uuid(),
  receiptNo: z.string().regex(/^[0-9]{2}-[0-9]{8}-[0-9]{9}$/),
  returnedAt: z.date(),
};

/** The answer already given for this return id, so a retried return is recorded once. */
export async function recordedReturn(tx: StaffContext, returnId: string) {
  const [known] = await tx.db
    .select({ id: sales.id, totalFen: sales.totalFen, receiptNo: sales.receiptNo })
    .from(sales)
    .where(and(eq(sales.id, returnId), eq(sales.storeId, tx.storeId)));
  return known ? { returnId: known.id, receiptNo: known.receiptNo, refundFen: -known.totalFen } : null;
}
