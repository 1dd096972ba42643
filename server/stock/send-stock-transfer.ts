import { and, eq, inArray } from 'drizzle-orm';
import { z } from 'zod';
import { products, stockTransferLines, stockTransfers, stores } from '../../db/schema';
import { writeAudit } from '../audit/write-audit';
import { inTransaction, type StaffContext } from '../core/context';
import { DomainError, fieldInvalid } from '../core/errors';
import { newId } from '../core/ids';
import { nextDocumentNumber } from '../inventory/document-number';
import { postStockMovements } from '../inventory/post-stock-movements';
import { getStockTransfer } from './get-stock-transfer';

export const SendStockTransferInput = z.object({
  id: z.uuid(),
  toStoreId: z.uuid(),
  note: z.string().trim().max(500).default(''),
  lines: z
    .array(
      z.object({
        productId: z.uuid(),
        /** Units for counted goods, grams for weighed goods. */
        quantity: z.number().int().min(1).max(10_000_000),
      }),
    )
    .min(1)
    .max(500),
});
export type SendStockTransferInput = z.input<typeof SendStockTransferInput>;

/** Sends goods to another store of the chain: out of this store's stock now, in transit until received there. */
export async function sendStockTransfer(ctx: StaffContext, rawInput: SendStockTransferInput) {
  const input = SendStockTransferInput.parse(rawInput);
  return inTransaction(ctx, async (tx) => {
    const known = await existingTransfer(tx, input.id);
    if (known) return known;
    if (input.toStoreId === ctx.storeId) {
      throw fieldInvalid('toStoreId', 'stock-transfer.same-store', 'Choose another store to send to');
    }
    const [destination] = await tx.db.select({ id: stores.id }).from(stores).where(eq(stores.id, input.toStoreId));
    if (!destination) throw fieldInvalid('toStoreId', 'stock-transfer.unknown-store', 'Choose a store of the chain');
    const productIds = [...new Set(input.lines.map((line) => line.productId))];
    const ours = await tx.db
      .select({ id: products.id, code: products.code })
      .from(products)
      .where(and(eq(products.storeId, ctx.storeId), inArray(products.id, productIds)));
    const codeOf = new Map(ours.map((p) => [p.id, p.code]));
    const number = await nextDocumentNumber(tx, 'stock_transfers');
    const inserted = await tx.db
      .insert(stockTransfers)
      .values({
        id: input.id,
        storeId: ctx.storeId,
        toStoreId: input.toStoreId,
        number,
        status: 'in_transit',
        note: input.note,
        sentBy: ctx.actor.staffId,
        sentAt: tx.now(),
      })
      .onConflictDoNothing({ target: stockTransfers.id })
      .returning({ id: stockTransfers.id });
    if (inserted.length === 0) return recorded(await existingTransfer(tx, input.id));
    const levels = await postStockMovements(
      tx,
      'transfer_out',
      { type: 'stock_transfer', id: input.id },
      input.lines.map((line) => ({ productId: line.productId, quantityDelta: -line.quantity })),
    );
    const costOf = new Map(levels.map((level) => [level.productId, level.avgCostFen]));
    await tx.db.insert(stockTransferLines).values(
      input.lines.map((line, index) => ({
        id: newId(),
        stockTransferId: input.id,
        storeId: ctx.storeId,
        lineNo: index + 1,
        productId: line.productId,
        productCode: codeOf.get(line.productId) ?? '',
        quantitySent: line.quantity,
        unitCostFen: costOf.get(line.productId) ?? 0,
      })),
    );
    await writeAudit(tx, {
      action: 'stock-transfer.sent',
      entityType: 'stock_transfer',
      entityId: input.id,
      summary: number,
      changes: {
        toStoreId: { from: null, to: input.toStoreId },
        lines: { from: null, to: input.lines.map((l) => ({ code: codeOf.get(l.productId), quantity: l.quantity })) },
      },
    });
    return getStockTransfer(tx, { id: input.id });
  });
}

async function existingTransfer(tx: StaffContext, id: string) {
  const [row] = await tx.db
    .select({ storeId: stockTransfers.storeId })
    .from(stockTransfers)
    .where(eq(stockTransfers.id, id));
  if (!row) return null;
  if (row.storeId !== tx.storeId) {
    throw new DomainError('CONFLICT', 'stock-transfer.id-taken', 'This id is already used by another document');
  }
  return getStockTransfer(tx, { id });
}

function recorded<T>(value: T | null): T {
  if (value === null) throw new Error('transfer vanished after a conflicting insert');
  return value;
}
