import { type z } from 'zod';
import { DomainError } from '../core/errors';
import { SignInInput, signIn } from '../auth/sign-in';
import { signOut } from '../auth/sign-out';
import type { ServiceContext } from '../core/context';
import { staffContextFor } from '../runtime/staff-context';
import { OpenShiftInput, openShift } from '../shifts/open-shift';
import { findLaneDevice } from './find-lane-device';

export const SignInAtLaneInput = SignInInput.pick({ operatorNo: true, password: true }).extend(OpenShiftInput.shape);
export type SignInAtLaneInput = z.input<typeof SignInAtLaneInput>;

/**
 * 签到: the cashier's credentials open (or resume) their shift on this lane; no session is left if the lane is busy.
 * Only a device bound to this lane (its `lk_lane_device` token) may sign in there.
 */
export async function signInAtLane(ctx: ServiceContext, rawInput: SignInAtLaneInput, deviceToken: string | undefined) {
  const input = SignInAtLaneInput.parse(rawInput);
  const device = await findLaneDevice(ctx, deviceToken);
  if (device?.laneId !== input.laneId) {
    throw new DomainError('FORBIDDEN', 'lane-device.not-bound', 'This device is not set up for this lane');
  }
  const session = await signIn(ctx, { operatorNo: input.operatorNo, password: input.password, area: 'lane' });
  try {
    const member = { ...session.staff, operatorNo: input.operatorNo };
    const staffCtx = await staffContextFor(ctx, member, undefined);
    const { shift, resumed } = await openShift(staffCtx, input);
    return { session, shift, resumed };
  } catch (error) {
    await signOut(ctx, session.token);
    throw error;
  }
}
