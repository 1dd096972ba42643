import { can, type Permission } from '../auth/permissions';
import { DomainError } from '../core/errors';
import { findLaneDevice } from '../lanes/find-lane-device';
import { staffContextFor } from '../runtime/staff-context';
import type { TrpcContext } from './context';

/**
 * Who may make a lane call: the cashier signed in at the lane (lane session cookie) holding `permission`, on a device
 * bound to a lane of that cashier's store. The one check behind every lane procedure and the bulk catalog download.
 */
export async function laneCallContext(ctx: TrpcContext, permission: Permission) {
  if (!ctx.laneMember || !ctx.laneSessionToken) {
    throw new DomainError('UNAUTHENTICATED', 'auth.sign-in-required', 'Sign in at the lane first');
  }
  if (!can(ctx.laneMember.role, permission)) {
    throw new DomainError('FORBIDDEN', 'auth.role-forbidden', `Your role may not do this (${permission})`);
  }
  const staffCtx = await staffContextFor(ctx, ctx.laneMember, undefined);
  // Checked on every call, not only at sign-in: an unbound device stops at once, and a lane session works on no other.
  const laneDevice = await findLaneDevice(ctx, ctx.laneDeviceToken);
  if (!laneDevice || laneDevice.storeId !== staffCtx.storeId) {
    throw new DomainError('FORBIDDEN', 'lane-device.not-bound', 'This device is not set up for this lane');
  }
  return { ...ctx, ...staffCtx, laneDevice, laneSessionToken: ctx.laneSessionToken };
}
