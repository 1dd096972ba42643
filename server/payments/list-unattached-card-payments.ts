import { and, desc, eq, exists, gte, inArray, isNotNull, isNull, lt, lte, or, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { auditLog, cardPayments, lanes, saleTenders, sales, staff } from '../../db/schema';
import type { StaffContext } from '../core/context';

/** A card sale with no sale of its own to finish it: after this long the lane has let go of it. */
export const UNATTACHED_AFTER_MS = 30 * 60_000;

/**
 * Approved card sales (`00`) on no sale tender and not voided or refunded in full, once their sale is no longer
 * open: it was finished (without them) or voided, or it has no sale or is older than 30 minutes, or the manager
 * offered it to a lane's open sale. Each is money taken from a customer for nothing: the manager attaches it to
 * its open sale, voids or refunds it, and no card day balances meanwhile.
 */
export async function unattachedCardPayments(ctx: StaffContext, range: { from?: Date; to?: Date } = {}) {
  const now = ctx.now();
  const overruled = alias(staff, 'overruled');
  const refundedFen = sql<number>`coalesce((select sum(f.approved_amount_fen) from card_payments f
    where f.original_payment_id = ${cardPayments.id} and f.txn_type = '02' and f.state = 'approved'), 0)`;
  return ctx.db
    .select({
      id: cardPayments.id,
      saleId: cardPayments.saleId,
      laneId: cardPayments.laneId,
      amountFen: cardPayments.approvedAmountFen,
      refundedFen: refundedFen.mapWith(Number),
      ecrRef: cardPayments.ecrRef,
      refNo: cardPayments.refNo,
      cardNoMasked: cardPayments.cardNoMasked,
      hostDate: cardPayments.hostDate,
      batchNo: cardPayments.batchNo,
      voucherNo: cardPayments.voucherNo,
      createdAt: cardPayments.createdAt,
      laneNumber: lanes.number,
      cashierName: staff.name,
      // Offered by the manager to a lane's open sale: still unattached until a sale tender claims it.
      offeredToLaneNumber: sql<
        number | null
      >`(select o.number from lanes o where o.id = ${cardPayments.offeredToLaneId})`,
      addedToSaleId: sql<
        string | null
      >`case when ${cardPayments.offeredToLaneId} is not null then ${cardPayments.saleId} end`,
      /** Set when the manager had settled it as failed and the bank's answer corrected it. */
      correctedAt: cardPayments.correctedAt,
      settledAsFailedBy: overruled.name,
    })
    .from(cardPayments)
    .innerJoin(lanes, eq(lanes.id, cardPayments.laneId))
    .innerJoin(staff, eq(staff.id, cardPayments.staffId))
    .leftJoin(overruled, and(eq(overruled.id, cardPayments.resolvedByStaffId), isNotNull(cardPayments.correctedAt)))
    .where(
      and(
        eq(cardPayments.storeId, ctx.storeId),
        eq(cardPayments.state, 'approved'),
        eq(cardPayments.txnType, '00'),
        range.from ? gte(cardPayments.createdAt, range.from) : undefined,
        range.to ? lte(cardPayments.createdAt, range.to) : undefined,
        sql`not exists (select 1 from ${saleTenders} where ${saleTenders.reference} = ${cardPayments.id}::text)`,
        sql`not exists (select 1 from card_payments f where f.original_payment_id = ${cardPayments.id}
          and f.txn_type = '01' and f.state in ('approved', 'in_flight', 'unknown'))`,
        sql`${refundedFen} < ${cardPayments.approvedAmountFen}`,
        or(
          isNull(cardPayments.saleId),
          isNotNull(cardPayments.offeredToLaneId),
          lt(cardPayments.createdAt, new Date(now.getTime() - UNATTACHED_AFTER_MS)),
          exists(ctx.db.select({ id: sales.id }).from(sales).where(eq(sales.id, cardPayments.saleId))),
          exists(
            ctx.db
              .select({ id: auditLog.id })
              .from(auditLog)
              .where(and(eq(auditLog.entityId, cardPayments.saleId), inArray(auditLog.action, ['sale.voided']))),
          ),
        ),
      ),
    )
    .orderBy(desc(cardPayments.createdAt));
}
