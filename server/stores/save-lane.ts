import { and, eq } from 'drizzle-orm';
import { z } from 'zod';
import { lanes } from '../../db/schema';
import { diffFields, writeAudit } from '../audit/write-audit';
import { plainText } from '../catalog/product-fields';
import { inTransaction, type StaffContext } from '../core/context';
import { DomainError, found, fieldConflict, isUniqueViolation } from '../core/errors';

export const SaveLaneInput = z
  .object({
    id: z.uuid(),
    number: z.number().int().min(1, 'Lane numbers start at 1').max(999),
    name: plainText(z.string().trim().min(1, 'Enter a name').max(40)),
    terminalHost: z
      .string()
      .trim()
      .regex(/^[A-Za-z0-9.-]{1,253}$/, 'Host name or IP address')
      .nullable(),
    terminalPort: z.number().int().min(1).max(65535).nullable(),
    printerHost: z
      .string()
      .trim()
      .regex(/^[A-Za-z0-9.-]{1,253}$/, 'Host name or IP address')
      .nullable()
      .default(null),
    printerPort: z.number().int().min(1).max(65535).nullable().default(null),
  })
  .refine((lane) => (lane.terminalHost === null) === (lane.terminalPort === null), {
    path: ['terminalPort'],
    message: 'Give both the terminal host and port, or neither',
  })
  .refine((lane) => (lane.printerHost === null) === (lane.printerPort === null), {
    path: ['printerPort'],
    message: 'Give both the printer host and port, or neither',
  });
export type SaveLaneInput = z.input<typeof SaveLaneInput>;

/** Creates the lane with this client-made id, or updates it: the same request twice changes nothing more. */
export async function saveLane(ctx: StaffContext, rawInput: SaveLaneInput) {
  const input = SaveLaneInput.parse(rawInput);
  return inTransaction(ctx, async (tx) => {
    const [before] = await tx.db.select().from(lanes).where(eq(lanes.id, input.id)).for('update');
    if (before && before.storeId !== ctx.storeId) throw new DomainError('CONFLICT', 'lane.id-taken', 'Id already used');
    const { id, ...fields } = input;
    const changes = before ? diffFields(before, fields) : diffFields({} as Record<string, unknown>, fields);
    if (before && Object.keys(changes).length === 0) return before;
    const now = tx.now();
    try {
      if (before)
        await tx.db
          .update(lanes)
          .set({ ...fields, updatedAt: now })
          .where(and(eq(lanes.id, id)));
      else
        await tx.db
          .insert(lanes)
          .values({ id, storeId: ctx.storeId, ...fields, createdAt: now, updatedAt: now })
          .onConflictDoNothing({ target: lanes.id });
    } catch (error) {
      if (isUniqueViolation(error, 'lanes_store_number_key')) {
        throw fieldConflict('number', 'lane.number-taken', 'Another lane already has this number');
      }
      throw error;
    }
    await writeAudit(tx, {
      action: before ? 'lane.updated' : 'lane.created',
      entityType: 'lane',
      entityId: id,
      summary: `#${input.number} ${input.name}`,
      changes,
    });
    const [after] = await tx.db.select().from(lanes).where(eq(lanes.id, id));
    return found(after, 'lane');
  });
}
