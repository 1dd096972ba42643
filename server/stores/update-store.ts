import { eq } from 'drizzle-orm';
import { z } from 'zod';
import { stores } from '../../db/schema';
import { diffFields, writeAudit } from '../audit/write-audit';
import { inTransaction, type StaffContext } from '../core/context';
import { notFound } from '../core/errors';
import { NEGATIVE_STOCK_POLICIES } from '../domain/negative-stock';
import { RECEIPT_LANGUAGES } from '../domain/receipt';
import { assertKnownTimezone, storeFieldShape } from './store-fields';

export const UpdateStoreInput = z.object({
  name: storeFieldShape.name.optional(),
  nameEn: storeFieldShape.nameEn.optional(),
  address: storeFieldShape.address.optional(),
  timezone: storeFieldShape.timezone.optional(),
  vatNumber: storeFieldShape.vatNumber.optional(),
  embeddedBarcodeLayouts: storeFieldShape.embeddedBarcodeLayouts.optional(),
  negativeStockPolicy: z.enum(NEGATIVE_STOCK_POLICIES).optional(),
  receiptLanguage: z.enum(RECEIPT_LANGUAGES).optional(),
});
export type UpdateStoreInput = z.input<typeof UpdateStoreInput>;

export async function updateStore(ctx: StaffContext, rawInput: UpdateStoreInput) {
  const input = UpdateStoreInput.parse(rawInput);
  assertKnownTimezone(input.timezone);
  return inTransaction(ctx, async (tx) => {
    const [before] = await tx.db.select().from(stores).where(eq(stores.id, ctx.storeId)).for('update');
    if (!before) throw notFound('store');
    const changes = diffFields(before, input);
    if (Object.keys(changes).length === 0) return before;
    const [after] = await tx.db
      .update(stores)
      .set({ ...input, updatedAt: tx.now() })
      .where(eq(stores.id, before.id))
      .returning();
    await writeAudit(tx, {
      action: 'store.updated',
      entityType: 'store',
      entityId: before.id,
      summary: `${before.code} ${after?.name ?? before.name}`,
      changes,
    });
    return after ?? before;
  });
}
