import { eq } from 'drizzle-orm';
import { z } from 'zod';
import { stores } from '../../db/schema';
import { diffFields, writeAudit } from '../audit/write-audit';
import { inTransaction, type StaffContext } from '../core/context';
import { fieldInvalid, notFound } from '../core/errors';
import { plainText } from '../catalog/product-fields';
import { embeddedBarcodeLayoutSchema } from '../domain/embedded-barcode';
import { NEGATIVE_STOCK_POLICIES } from '../domain/negative-stock';

export const UpdateStoreInput = z.object({
  name: plainText(z.string().trim().min(1, 'Enter the store name').max(60)).optional(),
  address: plainText(z.string().trim().min(1, 'Enter the address').max(200)).optional(),
  timezone: z.string().trim().min(1).max(64).optional(),
  vatNumber: z
    .string()
    .trim()
    .regex(/^[0-9A-Z]{15,20}$/, 'Taxpayer id: 15–20 digits or capital letters')
    .optional(),
  embeddedBarcodeLayouts: z.array(embeddedBarcodeLayoutSchema).max(10).optional(),
  negativeStockPolicy: z.enum(NEGATIVE_STOCK_POLICIES).optional(),
});
export type UpdateStoreInput = z.input<typeof UpdateStoreInput>;

function isKnownTimezone(timezone: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: timezone });
    return true;
  } catch {
    return false;
  }
}

export async function updateStore(ctx: StaffContext, rawInput: UpdateStoreInput) {
  const input = UpdateStoreInput.parse(rawInput);
  if (input.timezone && !isKnownTimezone(input.timezone)) {
    throw fieldInvalid('timezone', 'store.bad-timezone', 'Unknown time zone (e.g. Asia/Shanghai)');
  }
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
