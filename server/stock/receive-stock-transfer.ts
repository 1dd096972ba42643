import { and, eq, inArray } from 'drizzle-orm';
import { z } from 'zod';
import { products, stockTransferLines, stockTransfers } from '../../db/schema';
import { writeAudit } from '../audit/write-audit';
import { inTransaction, type StaffContext } from '../core/context';
import { DomainError, notFound } from '../core/errors';
import { postStockMovements } from '../inventory/post-stock-movements';
import { getStockTransfer } from './get-stock-transfer';

export const ReceiveStockTransferInput = z.object({
  id: z.uuid(),
  lines: z
    .array(z.object({ lineId: z.uuid(), quantityReceived: z.number().int().min(0).max(10_000_000) }))
    .min(1)
    .max(500),
});
export type ReceiveStockTransferInput = z.input<typeof ReceiveStockTransferInput>;

/**
 * The receiving store takes in what actually arrived, each line into its own product of the same item code. A retry
 * of the same receipt answers the stored transfer; any other second receipt is refused.
 */
export async function receiveStockTransfer(ctx: StaffContext, rawInput: ReceiveStockTransferInput) {
  const input = ReceiveStockTransferInput.parse(rawInput);
  return inTransaction(ctx, async (tx) => {
    const [transfer] = await tx.db
      .select()
      .from(stockTransfers)
      .where(and(eq(stockTransfers.id, input.id), eq(stockTransfers.toStoreId, ctx.storeId)))
      .for('update');
    if (!transfer) throw notFound('stock-transfer');
    const lines = await tx.db
      .select()
      .from(stockTransferLines)
      .where(eq(stockTransferLines.stockTransferId, transfer.id));
    const received = new Map(input.lines.map((line) => [line.lineId, line.quantityReceived]));
    if (
      received.size !== input.lines.length ||
      lines.length !== received.size ||
      lines.some((l) => !received.has(l.id))
    ) {
      throw new DomainError(
        'INVALID',
        'stock-transfer.lines-mismatch',
        'Enter the received quantity of every line once',
      );
    }
    if (transfer.status === 'received') {
      const same =
        transfer.receivedBy === ctx.actor.staffId && lines.every((l) => l.quantityReceived === received.get(l.id));
      if (same) return getStockTransfer(tx, { id: transfer.id });
      throw new DomainError('CONFLICT', 'stock-transfer.already-received', 'This transfer has already been received');
    }
    const codes = [...new Set(lines.map((line) => line.productCode))];
    const ours = await tx.db
      .select({ id: products.id, code: products.code, unit: products.unit })
      .from(products)
      .where(and(eq(products.storeId, ctx.storeId), inArray(products.code, codes)));
    const productOf = new Map(ours.map((p) => [p.code, p.id]));
    const unitOf = new Map(ours.map((p) => [p.code, p.unit]));
    const sent = await tx.db
      .select({ id: products.id, unit: products.unit })
      .from(products)
      .where(inArray(products.id, [...new Set(lines.map((line) => line.productId))]));
    const sentUnitOf = new Map(sent.map((p) => [p.id, p.unit]));
    // Counted goods move in units and weighed goods in grams: a code sold both ways cannot carry its quantity over.
    const otherUnit = lines.filter(
      (line) => unitOf.has(line.productCode) && unitOf.get(line.productCode) !== sentUnitOf.get(line.productId),
    );
    if (otherUnit.length > 0) {
      const list = otherUnit.map((line) => line.productCode).join(', ');
      throw new DomainError(
        'INVALID',
        'stock-transfer.unit-mismatch',
        `Item code ${list} is sold by another unit here than in the sending store`,
        { lines: [list] },
      );
    }
    const missing = codes.filter((code) => !productOf.has(code));
    if (missing.length > 0) {
      throw new DomainError(
        'INVALID',
        'stock-transfer.product-missing',
        `This store has no product with item code ${missing.join(', ')}: create it first, then receive`,
        { lines: [missing.join(', ')] },
      );
    }
    const at = tx.now();
    const moves = lines.map((line) => ({
      productId: productOf.get(line.productCode) ?? '',
      quantityDelta: received.get(line.id) ?? 0,
      // Goods arrive at what they cost the sending store, so the chain's stock value neither grows nor shrinks.
      unitCostFen: line.unitCostFen,
    }));
    await postStockMovements(tx, 'transfer_in', { type: 'stock_transfer', id: transfer.id }, moves);
    for (const line of lines) {
      await tx.db
        .update(stockTransferLines)
        .set({ quantityReceived: received.get(line.id) ?? 0, toProductId: productOf.get(line.productCode) ?? null })
        .where(eq(stockTransferLines.id, line.id));
    }
    await tx.db
      .update(stockTransfers)
      .set({ status: 'received', receivedBy: ctx.actor.staffId, receivedAt: at })
      .where(eq(stockTransfers.id, transfer.id));
    const differences = lines
      .filter((line) => line.quantitySent !== received.get(line.id))
      .map((line) => ({ code: line.productCode, sent: line.quantitySent, received: received.get(line.id) }));
    await writeAudit(tx, {
      action: 'stock-transfer.received',
      entityType: 'stock_transfer',
      entityId: transfer.id,
      summary: transfer.number,
      changes: { status: { from: 'in_transit', to: 'received' }, differences: { from: null, to: differences } },
    });
    return getStockTransfer(tx, { id: transfer.id });
  });
}
