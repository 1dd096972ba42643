import { and, eq, inArray } from 'drizzle-orm';
import { z } from 'zod';
import { cardPayments, saleLines, saleTenders, sales } from '../../db/schema';
import { writeAudit } from '../audit/write-audit';
import { inTransaction, type StaffContext } from '../core/context';
import { DomainError, found } from '../core/errors';
import { returnShareFen } from '../domain/return-share';
import { assertCardOutcomesKnown, refuseWhileCardOutcomeUnknown } from '../payments/refuse-while-card-outcome-unknown';
import { lineWeightGrams } from '../domain/sale';
import { findSellingShift } from '../shifts/find-open-shift';
import { cardPaidOf } from './find-sale-for-return';
import { returnedQuantities } from './returned-quantities';
import { recordedReturn, returnHeaderShape, writeReturn } from './write-return';

export const RecordReturnInput = z.object({
  ...returnHeaderShape,
  originalSaleId: z.uuid(),
  lines: z
    .array(z.object({ lineId: z.uuid(), originalLineId: z.uuid(), quantity: z.number().int().min(1).max(9999) }))
    .min(1)
    .max(500),
  /** For a sale paid by card: the approved void or refund that took the money back to the card. */
  cardPaymentId: z.uuid().nullable().default(null),
});
export type RecordReturnInput = z.input<typeof RecordReturnInput>;

/**
 * A return by receipt, refunded to the original tender (card first, then cash): each unit back at what was
 * paid for it, stock back exactly once. Returns of one receipt queue on its row, so no line goes back twice.
 */
export async function recordReturn(ctx: StaffContext, rawInput: RecordReturnInput) {
  const input = RecordReturnInput.parse(rawInput);
  return inTransaction(ctx, async (tx) => {
    const known = await recordedReturn(tx, input.returnId);
    if (known) return known;
    const { sale, lane, shift, returnLines, refundTotalFen } = await returnLinesFor(tx, input);
    // A void or refund of unknown outcome may have moved the money: the return waits for it, like a sale does.
    await refuseWhileCardOutcomeUnknown(tx, input.returnId);
    const cardRefund = await cardRefundFor(tx, sale.id, input.cardPaymentId, refundTotalFen);
    const refundFen = await writeReturn(tx, {
      cardRefund,
      returnId: input.returnId,
      receiptNo: input.receiptNo,
      returnedAt: input.returnedAt,
      lane,
      shiftId: shift.id,
      originalSaleId: sale.id,
      returnReason: null,
      lines: returnLines,
    });
    await writeAudit(tx, {
      action: 'sale.returned',
      entityType: 'sale',
      entityId: sale.id,
      summary: `${sale.receiptNo} → ${input.receiptNo}`,
      changes: { refundFen: { from: null, to: refundFen }, lines: { from: null, to: input.lines.length } },
    });
    return { returnId: input.returnId, receiptNo: input.receiptNo, refundFen };
  });
}

/**
 * The return's lines as the receipt allows them: each unit back at what was paid for it, never more than is left
 * to return. Locks the receipt's sale, so returns of one receipt queue; refuses what recordReturn would refuse.
 */
export async function returnLinesFor(
  tx: StaffContext,
  input: Omit<z.output<typeof RecordReturnInput>, 'cardPaymentId'>,
) {
  const [original] = await tx.db
    .select()
    .from(sales)
    .where(and(eq(sales.id, input.originalSaleId), eq(sales.storeId, tx.storeId)))
    .for('update');
  const sale = found(original, 'sale');
  if (sale.kind !== 'sale' || sale.status !== 'completed') {
    throw new DomainError('INVALID', 'return.not-returnable', 'Only completed sales can be returned');
  }
  const { lane, shift } = await findSellingShift(tx, input);
  const originals = await tx.db
    .select()
    .from(saleLines)
    .where(
      and(
        eq(saleLines.saleId, sale.id),
        inArray(
          saleLines.id,
          input.lines.map((l) => l.originalLineId),
        ),
      ),
    );
  const returnedBefore = await returnedQuantities(
    tx,
    input.lines.map((l) => l.originalLineId),
    input.returnId,
  );
  const returnedSoFar = new Map(returnedBefore);
  const returnLines = input.lines.map((requested, index) => {
    const line = originals.find((o) => o.id === requested.originalLineId);
    if (!line) throw new DomainError('INVALID', 'return.unknown-line', 'A line is not on this receipt');
    const before = returnedBefore.get(line.id) ?? 0;
    const asked = input.lines.filter((l) => l.originalLineId === line.id).reduce((sum, l) => sum + l.quantity, 0);
    if (before + asked > line.quantity) {
      throw new DomainError(
        'CONFLICT',
        'return.too-many',
        `Only ${line.quantity - before} of ${line.nameZh} can still be returned`,
      );
    }
    const soFar = returnedSoFar.get(line.id) ?? 0;
    returnedSoFar.set(line.id, soFar + requested.quantity);
    const share = (fen: number) => -returnShareFen(fen, line.quantity, soFar, requested.quantity);
    return {
      id: requested.lineId,
      saleId: input.returnId,
      storeId: tx.storeId,
      lineNo: index + 1,
      productId: line.productId,
      scannedCode: line.scannedCode,
      nameZh: line.nameZh,
      departmentId: line.departmentId,
      unit: line.unit,
      quantity: -requested.quantity,
      weightGrams: lineWeightGrams(line),
      unitPriceFen: line.unitPriceFen,
      labelTotalFen: line.labelTotalFen,
      grossFen: share(line.grossFen),
      lineDiscountFen: share(line.lineDiscountFen),
      saleDiscountFen: share(line.saleDiscountFen),
      totalFen: share(line.totalFen),
      vatRateBps: line.vatRateBps,
      vatFen: share(line.vatFen),
      originalLineId: line.id,
    };
  });
  const refundTotalFen = -returnLines.reduce((sum, l) => sum + l.totalFen, 0);
  return { sale, lane, shift, returnLines, refundTotalFen };
}

/**
 * A sale paid by card is refunded to the card first, by a void or refund the terminal approved for its
 * payment and not used by another return; the rest, if any, in cash.
 */
async function cardRefundFor(tx: StaffContext, saleId: string, cardPaymentId: string | null, refundFen: number) {
  const card = await cardPaidOf(tx, saleId);
  if (!card) return null;
  if (!cardPaymentId) {
    throw new DomainError('INVALID', 'return.card-refund-required', 'A card payment goes back to the card');
  }
  const [payment] = await tx.db
    .select()
    .from(cardPayments)
    .where(and(eq(cardPayments.id, cardPaymentId), eq(cardPayments.storeId, tx.storeId)))
    .for('update');
  if (payment) assertCardOutcomesKnown([payment]);
  const [used] = await tx.db
    .select({ id: saleTenders.id })
    .from(saleTenders)
    .where(eq(saleTenders.reference, cardPaymentId));
  const amountFen = payment?.approvedAmountFen ?? 0;
  if (
    !payment ||
    payment.state !== 'approved' ||
    !['01', '02'].includes(payment.txnType) ||
    payment.originalPaymentId !== card.paymentId ||
    used ||
    amountFen > refundFen
  ) {
    throw new DomainError('INVALID', 'return.card-refund-invalid', 'The card refund does not match this return');
  }
  return { paymentId: payment.id, amountFen };
}
