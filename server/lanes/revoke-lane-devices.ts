import { and, eq, isNull } from 'drizzle-orm';
import { z } from 'zod';
import { laneDevices } from '../../db/schema';
import { writeAudit } from '../audit/write-audit';
import { inTransaction, type StaffContext } from '../core/context';
import { findStoreLane } from './lane-context';

export const RevokeLaneDevicesInput = z.object({ laneId: z.uuid() });
export type RevokeLaneDevicesInput = z.input<typeof RevokeLaneDevicesInput>;

/** Unbinds every device of this store's lane: each asks to be set up again before it opens a lane. */
export async function revokeLaneDevices(ctx: StaffContext, rawInput: RevokeLaneDevicesInput) {
  const input = RevokeLaneDevicesInput.parse(rawInput);
  return inTransaction(ctx, async (tx) => {
    const lane = await findStoreLane(tx, input.laneId);
    const revoked = await tx.db
      .update(laneDevices)
      .set({ revokedAt: tx.now() })
      .where(and(eq(laneDevices.laneId, lane.laneId), isNull(laneDevices.revokedAt)))
      .returning({ id: laneDevices.id });
    if (revoked.length > 0) {
      await writeAudit(tx, {
        action: 'lane-device.revoked',
        entityType: 'lane',
        entityId: lane.laneId,
        summary: `#${lane.laneNumber}`,
        changes: { devices: { from: revoked.map((d) => d.id), to: [] } },
      });
    }
    return { revoked: revoked.length };
  });
}
