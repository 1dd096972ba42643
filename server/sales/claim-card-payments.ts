import { and, eq, inArray } from 'drizzle-orm';
import { cardPayments } from '../../db/schema';
import type { StaffContext } from '../core/context';
import { DomainError } from '../core/errors';
import type { Tender } from '../domain/sale';

/**
 * A card tender stands only for an approved card payment this sale started, for exactly what was approved:
 * the lane cannot claim a card payment it did not get, or use one twice.
 */
export async function claimCardPayments(tx: StaffContext, saleId: string, tenders: readonly Tender[]): Promise<void> {
  const cardTenders = tenders.filter((t) => t.kind === 'bank_card');
  if (cardTenders.length === 0) return;
  const ids = cardTenders.map((t) => t.reference ?? '');
  const payments = await tx.db
    .select()
    .from(cardPayments)
    .where(and(eq(cardPayments.storeId, tx.storeId), inArray(cardPayments.id, ids.filter(isUuid))))
    .for('update');
  // A payment the manager gave back (voided or refunded, or on its way) pays for nothing any more.
  const givenBack = await tx.db
    .select({ originalPaymentId: cardPayments.originalPaymentId })
    .from(cardPayments)
    .where(
      and(
        inArray(cardPayments.originalPaymentId, ids.filter(isUuid)),
        inArray(cardPayments.txnType, ['01', '02']),
        inArray(cardPayments.state, ['approved', 'in_flight', 'unknown']),
      ),
    );
  for (const tender of cardTenders) {
    const payment = payments.find((p) => p.id === tender.reference);
    if (
      !payment ||
      payment.state !== 'approved' ||
      payment.txnType !== '00' ||
      payment.saleId !== saleId ||
      payment.approvedAmountFen !== tender.amountFen ||
      givenBack.some((g) => g.originalPaymentId === payment.id) ||
      ids.filter((id) => id === payment.id).length > 1
    ) {
      throw new DomainError(
        'INVALID',
        'sale.card-not-approved',
        'A card tender has no approved card payment behind it',
      );
    }
  }
}

const isUuid = (value: string) => /^[0-9a-f-]{36}$/i.test(value);
