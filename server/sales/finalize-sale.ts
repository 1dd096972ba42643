import { eq, inArray, sql } from 'drizzle-orm';
import { z } from 'zod';
import { cashMovements, products, saleLines, saleTenders, sales, stockLevels, stockMovements } from '../../db/schema';
import { spendApproval } from '../approvals/spend-approval';
import { writeAudit } from '../audit/write-audit';
import { inTransaction, type StaffContext } from '../core/context';
import { DomainError } from '../core/errors';
import { newId } from '../core/ids';
import {
  discountNeedsApproval,
  discountSchema,
  priceSale,
  saleLineSchema,
  settle,
  tenderSchema,
  type SaleLine,
} from '../domain/sale';
import { storeLocalTime } from '../domain/store-time';
import { findSellingShift } from '../shifts/find-open-shift';

export const FinalizeSaleInput = z.object({
  saleId: z.uuid(),
  laneId: z.uuid(),
  shiftId: z.uuid(),
  receiptNo: z.string().regex(/^[0-9]{2}-[0-9]{8}-[0-9]{9}$/, 'Receipt number as the lane makes it'),
  soldAt: z.date(),
  customerSegment: z.string().trim().max(32).nullable(),
  lines: z.array(saleLineSchema).min(1).max(500),
  saleDiscount: discountSchema.nullable(),
  tenders: z.array(tenderSchema).min(1).max(10),
  sentOffline: z.boolean().default(false),
  discountApprovalId: z.uuid().nullable().default(null),
  voidedLines: z
    .array(z.object({ line: saleLineSchema, voidedAt: z.string().max(40) }))
    .max(500)
    .default([]),
});
export type FinalizeSaleInput = z.input<typeof FinalizeSaleInput>;

export interface FinalizedSale {
  saleId: string;
  receiptNo: string;
  totalFen: number;
  changeFen: number;
  recordedAt: Date;
}

/** Stock moves in units for counted goods and in grams for weighed goods. */
type StockLine = Pick<SaleLine, 'productId' | 'unit' | 'quantity' | 'weightGrams'>;

const stockDelta = (line: StockLine) =>
  line.unit === 'kg' && line.weightGrams !== null ? -Math.sign(line.quantity) * line.weightGrams : -line.quantity;

/**
 * Records a finished sale once, however often the lane sends it: same id, same answer. Lines, tenders,
 * cash and stock ledgers are written in one transaction; the lane's prices stand and any difference
 * from the catalog is flagged for the manager.
 */
export async function finalizeSale(ctx: StaffContext, rawInput: FinalizeSaleInput): Promise<FinalizedSale> {
  const input = FinalizeSaleInput.parse(rawInput);
  if (input.lines.some((line) => line.quantity <= 0)) {
    throw new DomainError('INVALID', 'sale.negative-line', 'A sale sells: returns go through a return');
  }
  const totals = priceSale(input.lines, input.saleDiscount);
  const settlement = settle(totals.totalFen, input.tenders);
  if (!settlement.complete) {
    throw new DomainError('INVALID', 'sale.unpaid', `The tenders do not pay the total (${settlement.dueFen} fen due)`);
  }
  return inTransaction(ctx, async (tx) => {
    const existing = await recordedSale(tx, input.saleId);
    if (existing) return existing;
    const { lane, shift } = await findSellingShift(tx, input);

    const productIds = [...new Set(input.lines.map((line) => line.productId))].sort();
    const catalog = await tx.db
      .select({ id: products.id, priceFen: products.priceFen, storeId: products.storeId })
      .from(products)
      .where(inArray(products.id, productIds));
    if (catalog.length !== productIds.length || catalog.some((p) => p.storeId !== ctx.storeId)) {
      throw new DomainError('INVALID', 'sale.unknown-product', 'A line names a product this store does not have');
    }
    const priceDifferences = input.lines.flatMap((line) => {
      if (line.overrideApprovalId) return [];
      const catalogPriceFen = catalog.find((p) => p.id === line.productId)?.priceFen ?? line.unitPriceFen;
      return catalogPriceFen === line.unitPriceFen
        ? []
        : [{ productId: line.productId, lanePriceFen: line.unitPriceFen, catalogPriceFen }];
    });
    const recordedAt = tx.now();
    const local = storeLocalTime(input.soldAt, lane.timeZone);
    const inserted = await tx.db
      .insert(sales)
      .values({
        id: input.saleId,
        storeId: ctx.storeId,
        laneId: lane.laneId,
        shiftId: shift.id,
        staffId: ctx.actor.staffId,
        kind: 'sale',
        receiptNo: input.receiptNo,
        customerSegment: input.customerSegment,
        grossFen: totals.grossFen,
        discountFen: totals.discountFen,
        totalFen: totals.totalFen,
        changeFen: settlement.changeFen,
        businessDate: local.businessDate,
        localHour: local.hour,
        soldAt: input.soldAt,
        recordedAt,
        sentOffline: input.sentOffline,
        priceDifferences,
      })
      .onConflictDoNothing({ target: sales.id })
      .returning({ id: sales.id });
    if (inserted.length === 0) {
      const raced = await recordedSale(tx, input.saleId);
      if (raced) return raced;
      throw new DomainError('CONFLICT', 'sale.conflict', 'The sale could not be recorded; send it again');
    }

    await tx.db.insert(saleLines).values(
      input.lines.map((line, index) => {
        const priced = totals.lines[index];
        return {
          id: line.lineId,
          saleId: input.saleId,
          storeId: ctx.storeId,
          lineNo: index + 1,
          productId: line.productId,
          scannedCode: line.scannedCode,
          nameZh: line.nameZh,
          departmentId: line.departmentId,
          unit: line.unit,
          quantity: line.quantity,
          weightGrams: line.weightGrams,
          unitPriceFen: line.unitPriceFen,
          labelTotalFen: line.labelTotalFen,
          grossFen: priced?.grossFen ?? 0,
          lineDiscountFen: priced?.lineDiscountFen ?? 0,
          saleDiscountFen: priced?.saleDiscountFen ?? 0,
          totalFen: priced?.totalFen ?? 0,
          vatRateBps: line.vatRateBps,
          vatFen: priced?.vatFen ?? 0,
        };
      }),
    );
    await tx.db.insert(saleTenders).values(
      input.tenders.map((tender) => ({
        id: tender.tenderId,
        saleId: input.saleId,
        storeId: ctx.storeId,
        kind: tender.kind,
        amountFen: tender.amountFen,
        reference: tender.reference,
      })),
    );
    const cashFen = input.tenders.filter((t) => t.kind === 'cash').reduce((sum, t) => sum + t.amountFen, 0);
    if (cashFen !== 0) {
      await tx.db.insert(cashMovements).values({
        id: newId(),
        storeId: ctx.storeId,
        shiftId: shift.id,
        kind: 'sale',
        amountFen: cashFen - settlement.changeFen,
        saleId: input.saleId,
        createdAt: recordedAt,
      });
    }
    await moveStock(tx, 'sale', input.saleId, productIds, input.lines, recordedAt);
    await recordApprovals(tx, input, totals, catalog);
    for (const { line, voidedAt } of input.voidedLines) {
      await writeAudit(tx, {
        action: 'sale.line-voided',
        entityType: 'sale',
        entityId: input.saleId,
        summary: `${input.receiptNo} − ${line.nameZh} × ${line.weightGrams ?? line.quantity}`,
        changes: {
          line: {
            from: { productId: line.productId, quantity: line.quantity, unitPriceFen: line.unitPriceFen, voidedAt },
            to: null,
          },
        },
      });
    }
    return {
      saleId: input.saleId,
      receiptNo: input.receiptNo,
      totalFen: totals.totalFen,
      changeFen: settlement.changeFen,
      recordedAt,
    };
  });
}

/** Price overrides and discounts beyond the cashier's limit stand only with a supervisor's approval, audited. */
async function recordApprovals(
  ctx: StaffContext,
  input: z.output<typeof FinalizeSaleInput>,
  totals: ReturnType<typeof priceSale>,
  catalog: { id: string; priceFen: number }[],
): Promise<void> {
  for (const line of input.lines) {
    if (!line.overrideApprovalId) continue;
    const approverStaffId = await spendApproval(ctx, line.overrideApprovalId, 'price-override', input.saleId);
    const catalogPriceFen = catalog.find((p) => p.id === line.productId)?.priceFen ?? null;
    await writeAudit(ctx, {
      action: 'sale.price-overridden',
      entityType: 'sale',
      entityId: input.saleId,
      approverStaffId,
      summary: `${input.receiptNo} ${line.nameZh}`,
      changes: { unitPriceFen: { from: catalogPriceFen, to: line.unitPriceFen } },
    });
  }
  if (!discountNeedsApproval(totals)) return;
  if (!input.discountApprovalId) {
    throw new DomainError('FORBIDDEN', 'sale.discount-needs-approval', 'This discount needs a supervisor’s approval');
  }
  const approverStaffId = await spendApproval(ctx, input.discountApprovalId, 'discount', input.saleId);
  await writeAudit(ctx, {
    action: 'sale.discount-approved',
    entityType: 'sale',
    entityId: input.saleId,
    approverStaffId,
    summary: input.receiptNo,
    changes: { discountFen: { from: 0, to: totals.discountFen }, grossFen: { from: null, to: totals.grossFen } },
  });
}

async function recordedSale(ctx: StaffContext, saleId: string): Promise<FinalizedSale | null> {
  const [row] = await ctx.db
    .select({
      saleId: sales.id,
      receiptNo: sales.receiptNo,
      totalFen: sales.totalFen,
      changeFen: sales.changeFen,
      recordedAt: sales.recordedAt,
      storeId: sales.storeId,
    })
    .from(sales)
    .where(eq(sales.id, saleId));
  if (!row) return null;
  if (row.storeId !== ctx.storeId) throw new DomainError('CONFLICT', 'sale.id-taken', 'Sale id already used');
  const { storeId: _storeId, ...sale } = row;
  return sale;
}

/**
 * Appends one movement per product and moves the on-hand projection with it. Products are locked in id
 * order, so lanes selling the same goods at once queue instead of deadlocking.
 */
export async function moveStock(
  ctx: StaffContext,
  kind: 'sale' | 'return',
  sourceId: string,
  productIds: readonly string[],
  lines: readonly StockLine[],
  at: Date,
): Promise<void> {
  const deltas = productIds.map((productId) => ({
    productId,
    delta: lines.filter((l) => l.productId === productId).reduce((sum, l) => sum + stockDelta(l), 0),
  }));
  await ctx.db.insert(stockMovements).values(
    deltas.map(({ productId, delta }) => ({
      id: newId(),
      storeId: ctx.storeId,
      productId,
      kind,
      quantityDelta: delta,
      sourceType: 'sale',
      sourceId,
      createdAt: at,
    })),
  );
  await ctx.db
    .insert(stockLevels)
    .values(deltas.map(({ productId, delta }) => ({ storeId: ctx.storeId, productId, onHand: delta, updatedAt: at })))
    .onConflictDoUpdate({
      target: [stockLevels.storeId, stockLevels.productId],
      set: { onHand: sql`${stockLevels.onHand} + excluded.on_hand`, updatedAt: at },
    });
}
