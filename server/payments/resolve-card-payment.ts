import { and, eq } from 'drizzle-orm';
import { z } from 'zod';
import { cardPayments, stores } from '../../db/schema';
import { slipDate } from '../domain/store-time';
import { writeAudit } from '../audit/write-audit';
import { inTransaction, type StaffContext } from '../core/context';
import { DomainError } from '../core/errors';
import { recordReturnOnCardOutcome } from '../sales/record-return-on-card-outcome';

export const ResolveCardPaymentInput = z.discriminatedUnion('outcome', [
  z.object({
    paymentId: z.uuid(),
    outcome: z.literal('approved'),
    refNo: z
      .string()
      .trim()
      .regex(/^[0-9A-Za-z]{1,12}$/, 'The reference number on the bank slip'),
    /** 凭证号: a void names it; without it the terminal would void its last transaction. */
    voucherNo: z
      .string()
      .trim()
      .regex(/^[0-9]{6}$/, 'The 6-digit voucher number on the bank slip'),
    /** The slip's transaction date (yyyymmdd), which a refund names; by default the payment's day in the store. */
    hostDate: z
      .string()
      .trim()
      .regex(/^20[0-9]{2}(0[1-9]|1[0-2])(0[1-9]|[12][0-9]|3[01])$/, 'The transaction date on the slip, yyyymmdd')
      .optional(),
    note: z.string().trim().max(500).default(''),
  }),
  z.object({
    paymentId: z.uuid(),
    outcome: z.literal('failed'),
    note: z.string().trim().min(1, 'Say how you know it failed').max(500),
  }),
]);
export type ResolveCardPaymentInput = z.input<typeof ResolveCardPaymentInput>;

/** A manager settles a card payment whose outcome no terminal could tell: approved (with the slip's reference) or failed. */
export async function resolveCardPayment(ctx: StaffContext, rawInput: ResolveCardPaymentInput) {
  const input = ResolveCardPaymentInput.parse(rawInput);
  return inTransaction(ctx, async (tx) => {
    const approved = input.outcome === 'approved';
    const [payment] = await tx.db
      .update(cardPayments)
      .set({
        state: approved ? 'approved' : 'failed',
        refNo: approved ? input.refNo : null,
        voucherNo: approved ? Number(input.voucherNo) : null,
        hostDate: approved ? (input.hostDate ?? (await storeDayOf(tx, input.paymentId))) : null,
        approvedAmountFen: approved ? cardPayments.amountFen : null,
        resolvedByStaffId: tx.actor.staffId,
        resolutionNote: input.note,
        answeredAt: tx.now(),
        // A failed one keeps its next query: the bank's answer outranks it (verify-failed-card-payment.ts).
        nextQueryAt: approved ? null : undefined,
      })
      .where(
        and(
          eq(cardPayments.id, input.paymentId),
          eq(cardPayments.storeId, ctx.storeId),
          eq(cardPayments.state, 'unknown'),
        ),
      )
      .returning();
    if (!payment)
      throw new DomainError('CONFLICT', 'card.not-unknown', 'Only a payment of unknown outcome can be settled by hand');
    await recordReturnOnCardOutcome(tx, payment);
    await writeAudit(tx, {
      action: approved ? 'card.resolved-approved' : 'card.resolved-failed',
      entityType: 'card-payment',
      entityId: payment.id,
      summary: `${payment.ecrRef} ${input.note}`.trim(),
      changes: {
        state: { from: 'unknown', to: payment.state },
        refNo: { from: null, to: payment.refNo },
        voucherNo: { from: null, to: payment.voucherNo },
        hostDate: { from: null, to: payment.hostDate },
      },
    });
    return payment;
  });
}

/** The payment's day in the store's time zone, as a slip prints it (yyyymmdd). */
async function storeDayOf(ctx: StaffContext, paymentId: string) {
  const [row] = await ctx.db
    .select({ createdAt: cardPayments.createdAt, timeZone: stores.timezone })
    .from(cardPayments)
    .innerJoin(stores, eq(stores.id, cardPayments.storeId))
    .where(and(eq(cardPayments.id, paymentId), eq(cardPayments.storeId, ctx.storeId)));
  return row ? slipDate(row.createdAt, row.timeZone) : null;
}
