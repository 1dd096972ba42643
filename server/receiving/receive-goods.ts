import { eq } from 'drizzle-orm';
import { z } from 'zod';
import { goodsReceiptLines, goodsReceipts } from '../../db/schema';
import { can } from '../auth/permissions';
import { inTransaction, type StaffContext } from '../core/context';
import { DomainError } from '../core/errors';
import { newId } from '../core/ids';
import { fenSchema } from '../domain/money';
import { nextDocumentNumber } from '../inventory/document-number';
import { postStockMovements } from '../inventory/post-stock-movements';
import { closeIfFullyReceived, lockPurchaseOrder } from './close-purchase-order';
import { getSupplier } from './create-supplier';
import { ledgerQuantity, productsOfLines } from './document-lines';
import { getGoodsReceipt } from './get-goods-receipt';
import { purchaseOrderLineProgress } from './purchase-order-progress';

/** Weighed goods rarely weigh exactly what was ordered: up to 5 % over the open weight is taken without asking. */
export const WEIGHED_OVER_TOLERANCE_BPS = 500;

export const ReceiveGoodsInput = z.object({
  id: z.uuid(),
  supplierId: z.uuid(),
  purchaseOrderId: z.uuid().nullable().default(null),
  supplierDocumentNo: z.string().trim().max(40).default(''),
  note: z.string().trim().max(200).default(''),
  /** More than is open on the order (or goods it does not list) is taken only when a manager who may order says so. */
  acceptOverReceipt: z.boolean().default(false),
  lines: z
    .array(
      z.object({
        productId: z.uuid(),
        purchaseOrderLineId: z.uuid().nullable().default(null),
        quantity: ledgerQuantity,
        unitCostFen: fenSchema,
      }),
    )
    .min(1)
    .max(500),
});
export type ReceiveGoodsInput = z.input<typeof ReceiveGoodsInput>;

const overReceipt = (index: number) =>
  new DomainError('INVALID', 'receiving.over-receipt', 'More than is still open on the purchase order', {
    [`lines.${index}.quantity`]: ['More than is still open on the purchase order'],
  });

/**
 * Records a delivery and posts it to the ledger at the supplier's cost, so on hand and the moving-average cost move
 * together. Against a purchase order, lines count towards its open quantities and the order closes itself once every
 * line is in. Idempotent on the client-made receipt id.
 */
export async function receiveGoods(ctx: StaffContext, rawInput: ReceiveGoodsInput) {
  const input = ReceiveGoodsInput.parse(rawInput);
  return inTransaction(ctx, async (tx) => {
    const [existing] = await tx.db
      .select({ storeId: goodsReceipts.storeId })
      .from(goodsReceipts)
      .where(eq(goodsReceipts.id, input.id));
    if (existing) {
      if (existing.storeId !== ctx.storeId) throw new DomainError('CONFLICT', 'receiving.id-taken', 'Id already used');
      return getGoodsReceipt(tx, { id: input.id });
    }
    await getSupplier(tx, input.supplierId);
    const productOf = await productsOfLines(tx, input.lines);
    const lines = input.lines.map((line) => ({ ...line }));

    if (input.purchaseOrderId) {
      const order = await lockPurchaseOrder(tx, input.purchaseOrderId);
      // A retry that waited for the order behind its own first attempt answers what that attempt recorded.
      const [recorded] = await tx.db
        .select({ id: goodsReceipts.id })
        .from(goodsReceipts)
        .where(eq(goodsReceipts.id, input.id));
      if (recorded) return getGoodsReceipt(tx, { id: input.id });
      if (order.status !== 'open') {
        throw new DomainError('CONFLICT', 'purchase-order.not-open', 'This purchase order is no longer open');
      }
      if (order.supplierId !== input.supplierId) {
        throw new DomainError('INVALID', 'receiving.supplier-mismatch', 'The purchase order is from another supplier', {
          supplierId: ['The purchase order is from another supplier'],
        });
      }
      const progress = await purchaseOrderLineProgress(tx, [order.id]);
      const orderLine = new Map(progress.map((line) => [line.id, line]));
      const incoming = new Map<string, number>();
      const mayAcceptOver = can(ctx.actor.role, 'inventory.order');
      if (input.acceptOverReceipt && !mayAcceptOver) {
        throw new DomainError(
          'FORBIDDEN',
          'receiving.over-receipt-forbidden',
          'Only a manager who may order can take more than was ordered',
        );
      }
      lines.forEach((line, index) => {
        // A scanned line with no order line goes to the order's line for that product, when it has one.
        line.purchaseOrderLineId ??= progress.find((candidate) => candidate.productId === line.productId)?.id ?? null;
        if (line.purchaseOrderLineId === null) {
          if (!input.acceptOverReceipt) throw overReceipt(index);
          return;
        }
        const ordered = orderLine.get(line.purchaseOrderLineId);
        if (!ordered || ordered.productId !== line.productId) throw poLineMismatch(index);
        const total = (incoming.get(ordered.id) ?? 0) + line.quantity;
        incoming.set(ordered.id, total);
        const open = Math.max(ordered.quantity - ordered.received, 0);
        const product = productOf.get(line.productId);
        const tolerance =
          product?.unit === 'kg' ? Math.floor((ordered.quantity * WEIGHED_OVER_TOLERANCE_BPS) / 10_000) : 0;
        if (total > open + tolerance && !input.acceptOverReceipt) throw overReceipt(index);
      });
    } else {
      const named = lines.findIndex((line) => line.purchaseOrderLineId !== null);
      if (named >= 0) throw poLineMismatch(named);
    }

    const inserted = await tx.db
      .insert(goodsReceipts)
      .values({
        id: input.id,
        storeId: ctx.storeId,
        number: await nextDocumentNumber(tx, 'goods_receipts'),
        supplierId: input.supplierId,
        purchaseOrderId: input.purchaseOrderId,
        supplierDocumentNo: input.supplierDocumentNo,
        note: input.note,
        receivedBy: ctx.actor.staffId,
        receivedAt: tx.now(),
      })
      .onConflictDoNothing({ target: goodsReceipts.id })
      .returning({ id: goodsReceipts.id });
    if (inserted.length === 0) return getGoodsReceipt(tx, { id: input.id });
    await tx.db.insert(goodsReceiptLines).values(
      lines.map((line, index) => ({
        id: newId(),
        goodsReceiptId: input.id,
        storeId: ctx.storeId,
        lineNo: index + 1,
        productId: line.productId,
        purchaseOrderLineId: line.purchaseOrderLineId,
        quantity: line.quantity,
        unitCostFen: line.unitCostFen,
      })),
    );
    await postStockMovements(
      tx,
      'receipt',
      { type: 'goods_receipt', id: input.id },
      lines.map((line) => ({ productId: line.productId, quantityDelta: line.quantity, unitCostFen: line.unitCostFen })),
    );
    if (input.purchaseOrderId) await closeIfFullyReceived(tx, input.purchaseOrderId);
    return getGoodsReceipt(tx, { id: input.id });
  });
}

function poLineMismatch(index: number) {
  return new DomainError('INVALID', 'receiving.po-line-mismatch', 'This line does not match the purchase order', {
    [`lines.${index}.purchaseOrderLineId`]: ['This line does not match the purchase order'],
  });
}
