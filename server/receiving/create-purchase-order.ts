import { eq } from 'drizzle-orm';
import { z } from 'zod';
import { purchaseOrderLines, purchaseOrders } from '../../db/schema';
import { inTransaction, type StaffContext } from '../core/context';
import { DomainError } from '../core/errors';
import { newId } from '../core/ids';
import { fenSchema } from '../domain/money';
import { nextDocumentNumber } from '../inventory/document-number';
import { getSupplier } from './create-supplier';
import { ledgerQuantity, productsOfLines } from './document-lines';
import { getPurchaseOrder } from './get-purchase-order';

export const CreatePurchaseOrderInput = z
  .object({
    id: z.uuid(),
    supplierId: z.uuid(),
    note: z.string().trim().max(200).default(''),
    lines: z
      .array(z.object({ productId: z.uuid(), quantity: ledgerQuantity, unitCostFen: fenSchema }))
      .min(1)
      .max(500),
  })
  .superRefine((value, zctx) => {
    const seen = new Set<string>();
    value.lines.forEach((line, index) => {
      if (seen.has(line.productId)) {
        zctx.addIssue({ code: 'custom', path: ['lines', index, 'productId'], message: 'This product is listed twice' });
      }
      seen.add(line.productId);
    });
  });
export type CreatePurchaseOrderInput = z.input<typeof CreatePurchaseOrderInput>;

/** Idempotent on the client-made id: a retry answers the order made the first time. */
export async function createPurchaseOrder(ctx: StaffContext, rawInput: CreatePurchaseOrderInput) {
  const input = CreatePurchaseOrderInput.parse(rawInput);
  return inTransaction(ctx, async (tx) => {
    const [existing] = await tx.db
      .select({ storeId: purchaseOrders.storeId })
      .from(purchaseOrders)
      .where(eq(purchaseOrders.id, input.id));
    if (existing) {
      if (existing.storeId !== ctx.storeId) throw new DomainError('CONFLICT', 'receiving.id-taken', 'Id already used');
      return getPurchaseOrder(tx, { id: input.id });
    }
    await getSupplier(tx, input.supplierId);
    await productsOfLines(tx, input.lines);
    const inserted = await tx.db
      .insert(purchaseOrders)
      .values({
        id: input.id,
        storeId: ctx.storeId,
        number: await nextDocumentNumber(tx, 'purchase_orders'),
        supplierId: input.supplierId,
        note: input.note,
        createdBy: ctx.actor.staffId,
        createdAt: tx.now(),
      })
      .onConflictDoNothing({ target: purchaseOrders.id })
      .returning({ id: purchaseOrders.id });
    if (inserted.length === 0) return getPurchaseOrder(tx, { id: input.id });
    await tx.db.insert(purchaseOrderLines).values(
      input.lines.map((line, index) => ({
        id: newId(),
        purchaseOrderId: input.id,
        storeId: ctx.storeId,
        lineNo: index + 1,
        productId: line.productId,
        quantity: line.quantity,
        unitCostFen: line.unitCostFen,
      })),
    );
    return getPurchaseOrder(tx, { id: input.id });
  });
}
