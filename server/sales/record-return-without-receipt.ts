import { and, eq, inArray } from 'drizzle-orm';
import { z } from 'zod';
import { products } from '../../db/schema';
import { spendApproval } from '../approvals/spend-approval';
import { writeAudit } from '../audit/write-audit';
import { inTransaction, type StaffContext } from '../core/context';
import { DomainError } from '../core/errors';
import { priceSale, type SaleLine } from '../domain/sale';
import { findSellingShift } from '../shifts/find-open-shift';
import { recordedReturn, returnHeaderShape, writeReturn } from './write-return';

export const RecordReturnWithoutReceiptInput = z.object({
  ...returnHeaderShape,
  approvalId: z.uuid(),
  reason: z.string().trim().min(1, 'Say why the goods come back').max(200),
  lines: z
    .array(
      z.object({
        lineId: z.uuid(),
        productId: z.uuid(),
        scannedCode: z.string().max(32),
        quantity: z.number().int().min(1).max(9999),
        weightGrams: z.number().int().min(1).max(999_999).nullable(),
      }),
    )
    .min(1)
    .max(100),
});
export type RecordReturnWithoutReceiptInput = z.input<typeof RecordReturnWithoutReceiptInput>;

/**
 * Goods back without a receipt, on a supervisor's approval: refunded in cash at today's catalog price
 * (nothing proves another was paid), stock back, audited with the approver and the reason.
 */
export async function recordReturnWithoutReceipt(ctx: StaffContext, rawInput: RecordReturnWithoutReceiptInput) {
  const input = RecordReturnWithoutReceiptInput.parse(rawInput);
  return inTransaction(ctx, async (tx) => {
    const known = await recordedReturn(tx, input.returnId);
    if (known) return known;
    const { lane, shift } = await findSellingShift(tx, input);
    const catalog = await tx.db
      .select()
      .from(products)
      .where(
        and(
          eq(products.storeId, ctx.storeId),
          inArray(
            products.id,
            input.lines.map((l) => l.productId),
          ),
        ),
      );
    const lines: SaleLine[] = input.lines.map((requested) => {
      const product = catalog.find((p) => p.id === requested.productId);
      if (!product)
        throw new DomainError('INVALID', 'sale.unknown-product', 'A line names a product this store does not have');
      const weighed = product.unit === 'kg';
      if (weighed !== (requested.weightGrams !== null)) {
        throw new DomainError(
          'INVALID',
          'return.weight-mismatch',
          `${product.nameZh}: weighed goods come back by weight`,
        );
      }
      return {
        lineId: requested.lineId,
        productId: product.id,
        scannedCode: requested.scannedCode,
        nameZh: product.nameZh,
        nameEn: product.nameEn,
        departmentId: product.departmentId,
        vatRateBps: product.vatRateBps,
        unit: product.unit,
        quantity: weighed ? 1 : requested.quantity,
        weightGrams: requested.weightGrams,
        unitPriceFen: product.priceFen,
        labelTotalFen: null,
        discount: null,
      };
    });
    const priced = priceSale(lines, null).lines;
    const approverStaffId = await spendApproval(tx, input.approvalId, 'return-without-receipt', input.returnId);
    const refundFen = await writeReturn(tx, {
      returnId: input.returnId,
      receiptNo: input.receiptNo,
      returnedAt: input.returnedAt,
      lane,
      shiftId: shift.id,
      originalSaleId: null,
      returnReason: input.reason,
      lines: lines.map((line, index) => {
        const money = priced[index];
        return {
          id: line.lineId,
          saleId: input.returnId,
          storeId: ctx.storeId,
          lineNo: index + 1,
          productId: line.productId,
          scannedCode: line.scannedCode,
          nameZh: line.nameZh,
          departmentId: line.departmentId,
          unit: line.unit,
          quantity: -line.quantity,
          weightGrams: line.weightGrams,
          unitPriceFen: line.unitPriceFen,
          labelTotalFen: null,
          grossFen: -(money?.grossFen ?? 0),
          lineDiscountFen: 0,
          saleDiscountFen: 0,
          totalFen: -(money?.totalFen ?? 0),
          vatRateBps: line.vatRateBps,
          vatFen: -(money?.vatFen ?? 0),
          originalLineId: null,
        };
      }),
    });
    await writeAudit(tx, {
      action: 'sale.returned-without-receipt',
      entityType: 'sale',
      entityId: input.returnId,
      approverStaffId,
      summary: `${input.receiptNo} ${input.reason}`,
      changes: { refundFen: { from: null, to: refundFen }, lines: { from: null, to: lines.length } },
    });
    return { returnId: input.returnId, receiptNo: input.receiptNo, refundFen };
  });
}
