import { eq } from 'drizzle-orm';
import { z } from 'zod';
import { stores } from '../../db/schema';
import { writeAudit } from '../audit/write-audit';
import { inTransaction, type StaffContext } from '../core/context';
import { DomainError, fieldConflict, found, isUniqueViolation } from '../core/errors';
import { defaultEmbeddedBarcodeLayouts } from '../domain/embedded-barcode';
import { createStaff, CreateStaffInput } from '../staff/create-staff';
import { saveLane, SaveLaneInput } from './save-lane';
import { assertKnownTimezone, storeFieldShape } from './store-fields';

export const CreateStoreInput = z.object({
  id: z.uuid(),
  code: storeFieldShape.code,
  name: storeFieldShape.name,
  nameEn: storeFieldShape.nameEn.default(''),
  address: storeFieldShape.address,
  vatNumber: storeFieldShape.vatNumber,
  timezone: storeFieldShape.timezone.default('Asia/Shanghai'),
  embeddedBarcodeLayouts: storeFieldShape.embeddedBarcodeLayouts.default(defaultEmbeddedBarcodeLayouts),
  lanes: z
    .array(SaveLaneInput)
    .max(99)
    .default([])
    .superRefine((lanes, check) => {
      const seen = new Set<number>();
      lanes.forEach((lane, i) => {
        if (seen.has(lane.number))
          check.addIssue({ code: 'custom', path: [i, 'number'], message: 'Another lane already has this number' });
        seen.add(lane.number);
      });
    }),
  /** The store's first manager, created with it (more are added or moved from the staff pages). */
  manager: CreateStaffInput.omit({ role: true }).optional(),
});
export type CreateStoreInput = z.input<typeof CreateStoreInput>;

/** Prefixes a nested service's field errors with where its input sits in this one ("manager.operatorNo"). */
async function under<T>(path: string, work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (error instanceof DomainError && Object.keys(error.fieldErrors).length > 0) {
      const fields = Object.fromEntries(Object.entries(error.fieldErrors).map(([k, v]) => [`${path}.${k}`, v]));
      throw new DomainError(error.code, error.reason, error.message, fields);
    }
    throw error;
  }
}

/**
 * Head office opens a store: its identity, lanes (with printers and terminals), scale-label layouts and first
 * manager, in one transaction through the same services that later edit them. Idempotent on the client-made id.
 */
export async function createStore(ctx: StaffContext, rawInput: CreateStoreInput) {
  const input = CreateStoreInput.parse(rawInput);
  assertKnownTimezone(input.timezone);
  return inTransaction(ctx, async (tx) => {
    const [existing] = await tx.db.select().from(stores).where(eq(stores.id, input.id));
    if (existing) {
      if (existing.code !== input.code) throw new DomainError('CONFLICT', 'store.id-taken', 'Id already used');
      return existing;
    }
    const now = tx.now();
    try {
      await tx.db.insert(stores).values({
        id: input.id,
        code: input.code,
        name: input.name,
        nameEn: input.nameEn,
        address: input.address,
        vatNumber: input.vatNumber,
        timezone: input.timezone,
        embeddedBarcodeLayouts: input.embeddedBarcodeLayouts,
        createdAt: now,
        updatedAt: now,
      });
    } catch (error) {
      if (isUniqueViolation(error, 'stores_code_key'))
        throw fieldConflict('code', 'store.code-taken', 'Another store already has this code');
      throw error;
    }
    const storeCtx: StaffContext = { ...tx, storeId: input.id };
    await writeAudit(storeCtx, {
      action: 'store.created',
      entityType: 'store',
      entityId: input.id,
      summary: `${input.code} ${input.name}`,
      changes: {
        code: { from: null, to: input.code },
        name: { from: null, to: input.name },
        timezone: { from: null, to: input.timezone },
        lanes: { from: null, to: input.lanes.length },
      },
    });
    for (const [i, lane] of input.lanes.entries()) await under(`lanes.${i}`, () => saveLane(storeCtx, lane));
    if (input.manager) {
      const manager = input.manager;
      await under('manager', () => createStaff(storeCtx, { ...manager, role: 'store_manager' }));
    }
    const [created] = await tx.db.select().from(stores).where(eq(stores.id, input.id));
    return found(created, 'store');
  });
}
