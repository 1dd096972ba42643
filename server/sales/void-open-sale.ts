import { and, eq, inArray } from 'drizzle-orm';
import { z } from 'zod';
import { auditLog, cardPayments } from '../../db/schema';
import { spendApproval } from '../approvals/spend-approval';
import { writeAudit } from '../audit/write-audit';
import { inTransaction, type StaffContext } from '../core/context';
import { DomainError } from '../core/errors';
import { priceSale, saleLineSchema } from '../domain/sale';
import { refuseWhileCardOutcomeUnknown } from '../payments/refuse-while-card-outcome-unknown';
import { findOwnOpenShift } from '../shifts/find-open-shift';

export const VoidOpenSaleInput = z.object({
  saleId: z.uuid(),
  approvalId: z.uuid(),
  lines: z.array(saleLineSchema).max(500),
  /** The lane's shift, so its X and Z reports count the void. */
  shiftId: z.uuid().optional(),
});
export type VoidOpenSaleInput = z.input<typeof VoidOpenSaleInput>;

/** Voiding a whole sale before payment: nothing is sold, but who voided what, and who approved, is kept. */
export async function voidOpenSale(ctx: StaffContext, rawInput: VoidOpenSaleInput) {
  const input = VoidOpenSaleInput.parse(rawInput);
  return inTransaction(ctx, async (tx) => {
    await refuseWhileCardOutcomeUnknown(tx, input.saleId);
    const approverStaffId = await spendApproval(tx, input.approvalId, 'void-sale', input.saleId);
    const [paidByCard] = await tx.db
      .select({ id: cardPayments.id })
      .from(cardPayments)
      .where(
        and(
          eq(cardPayments.saleId, input.saleId),
          eq(cardPayments.txnType, '00'),
          inArray(cardPayments.state, ['approved', 'in_flight', 'unknown']),
        ),
      );
    // The customer's card was charged: the charge must be voided at the terminal before the sale can go.
    if (paidByCard && !(await cardPaymentVoided(tx, paidByCard.id))) {
      throw new DomainError('CONFLICT', 'sale.card-paid', 'Void the card payment at the terminal first');
    }
    const [already] = await tx.db
      .select({ id: auditLog.id })
      .from(auditLog)
      .where(and(eq(auditLog.entityId, input.saleId), eq(auditLog.action, 'sale.voided')));
    if (already) return { voided: true };
    if (input.shiftId) await findOwnOpenShift(tx, input.shiftId);
    const totals = priceSale(input.lines, null);
    await writeAudit(tx, {
      action: 'sale.voided',
      entityType: 'sale',
      entityId: input.saleId,
      approverStaffId,
      summary: `${input.lines.length} lines, ${totals.totalFen} fen`,
      changes: {
        lines: { from: input.lines.map((l) => `${l.nameZh} × ${l.weightGrams ?? l.quantity}`), to: null },
        totalFen: { from: totals.totalFen, to: 0 },
        shiftId: { from: input.shiftId ?? null, to: input.shiftId ?? null },
      },
    });
    return { voided: true };
  });
}

async function cardPaymentVoided(tx: StaffContext, paymentId: string): Promise<boolean> {
  const [voided] = await tx.db
    .select({ id: cardPayments.id })
    .from(cardPayments)
    .where(
      and(
        eq(cardPayments.originalPaymentId, paymentId),
        eq(cardPayments.txnType, '01'),
        eq(cardPayments.state, 'approved'),
      ),
    );
  return voided !== undefined;
}
