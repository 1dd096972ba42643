import { z } from 'zod';
import type { StaffContext } from '../core/context';
import { DomainError } from '../core/errors';
import { negativeStockApprovalSchema } from '../domain/negative-stock';
import { discountNeedsApproval, discountSchema, priceSale, saleLineSchema, settle, tenderSchema } from '../domain/sale';
import { recordSaleAlone } from './record-sale-alone';
import { recordSaleInGroup } from './record-sales-in-groups';

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
  negativeStockApprovals: z.array(negativeStockApprovalSchema).max(500).default([]),
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

/**
 * Records a finished sale once, however often the lane sends it: same id, same answer. Lines, tenders, cash
 * and stock ledgers commit together (with other lanes' sales arriving at the same moment, see
 * record-sales-in-groups.ts); the lane's prices stand and differences from the catalog are flagged.
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
  const sale = { ctx, input, totals, changeFen: settlement.changeFen };
  // Approvals, card payments and audit rows need a transaction of their own; a caller's one must not be shared.
  const alone =
    ctx.inTransaction ||
    input.voidedLines.length > 0 ||
    input.lines.some((line) => line.overrideApprovalId) ||
    input.negativeStockApprovals.length > 0 ||
    input.tenders.some((tender) => tender.kind === 'bank_card') ||
    discountNeedsApproval(totals);
  return alone ? recordSaleAlone(sale) : recordSaleInGroup(sale);
}
