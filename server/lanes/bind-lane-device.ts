import { and, eq } from 'drizzle-orm';
import { z } from 'zod';
import { laneDevices, lanes, stores } from '../../db/schema';
import { writeAudit } from '../audit/write-audit';
import { can } from '../auth/permissions';
import { laneDeviceCookieExpiry } from '../auth/session-policy';
import { checkCredentials, clearFailedSignIns, SignInInput } from '../auth/sign-in';
import { newSessionToken, sessionIdFromToken } from '../auth/session-token';
import { inTransaction, type ServiceContext, type StaffContext } from '../core/context';
import { DomainError, fieldInvalid } from '../core/errors';

export const BindLaneDeviceInput = SignInInput.pick({ operatorNo: true, password: true }).extend({
  deviceId: z.uuid(),
  storeCode: z.string().trim().min(1, 'Choose the store').max(20),
  laneNumber: z.number().int().min(1).max(999),
});
export type BindLaneDeviceInput = z.input<typeof BindLaneDeviceInput>;

/**
 * A manager of the store (or head office) binds this device to one store and lane with their operator number and
 * password, checked as at sign-in (same lockout). The device gets a token for its cookie; a retry with the same
 * device id replaces the token, so only the last answer the device received counts.
 */
export async function bindLaneDevice(ctx: ServiceContext, rawInput: BindLaneDeviceInput) {
  const input = BindLaneDeviceInput.parse(rawInput);
  const [store] = await ctx.db.select().from(stores).where(eq(stores.code, input.storeCode));
  if (!store) throw fieldInvalid('storeCode', 'lane-device.no-store', 'No store with this code');
  const [lane] = await ctx.db
    .select()
    .from(lanes)
    .where(and(eq(lanes.storeId, store.id), eq(lanes.number, input.laneNumber)));
  if (!lane) throw fieldInvalid('laneNumber', 'lane-device.no-lane', 'The store has no lane with this number');
  const account = await checkCredentials(ctx, input.operatorNo, input.password);
  if (!can(account.role, 'lane.bind') || (account.role !== 'head_office' && account.storeId !== store.id)) {
    throw new DomainError(
      'FORBIDDEN',
      'lane-device.bind-forbidden',
      "Only this store's manager or head office can set up a lane",
    );
  }
  const token = newSessionToken();
  const now = ctx.now();
  await inTransaction(ctx, async (tx) => {
    await clearFailedSignIns(tx, account.id);
    const [before] = await tx.db.select().from(laneDevices).where(eq(laneDevices.id, input.deviceId)).for('update');
    if (before && (before.laneId !== lane.id || before.revokedAt)) {
      throw new DomainError('CONFLICT', 'lane-device.id-taken', 'This device id was already used');
    }
    const staffCtx: StaffContext = {
      ...tx,
      storeId: store.id,
      actor: { staffId: account.id, role: account.role, storeId: account.storeId },
    };
    // A retry with the same device id (the setup screen sent twice) gives the device a new token: audited as a rebind.
    if (before) {
      await tx.db
        .update(laneDevices)
        .set({ tokenHash: sessionIdFromToken(token), boundByStaffId: account.id, boundAt: now })
        .where(eq(laneDevices.id, before.id));
    } else {
      await tx.db.insert(laneDevices).values({
        id: input.deviceId,
        storeId: store.id,
        laneId: lane.id,
        tokenHash: sessionIdFromToken(token),
        boundByStaffId: account.id,
        boundAt: now,
      });
    }
    await writeAudit(staffCtx, {
      action: before ? 'lane-device.rebound' : 'lane-device.bound',
      entityType: 'lane',
      entityId: lane.id,
      summary: `#${lane.number} ${lane.name}`,
      changes: before
        ? { boundBy: { from: before.boundByStaffId, to: account.id } }
        : { device: { from: null, to: input.deviceId } },
    });
  });
  const expiresAt = laneDeviceCookieExpiry(now);
  return { token, expiresAt, storeCode: store.code, laneNumber: lane.number };
}
