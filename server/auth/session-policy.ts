export const SESSION_COOKIE = 'lk_session';
/** Lanes have their own cookie, so signing in at a lane never replaces a back-office session in the same browser. */
export const LANE_SESSION_COOKIE = 'lk_lane_session';
/** A lane device's binding to its store and lane: long-lived, so the device never has to guess its store. */
export const LANE_DEVICE_COOKIE = 'lk_lane_device';
/** Browsers keep a cookie at most 400 days; each sign-in at the lane renews it, so a lane in use never forgets. */
export const LANE_DEVICE_COOKIE_DAYS = 400;

export function laneDeviceCookieExpiry(now: Date): Date {
  return new Date(now.getTime() + LANE_DEVICE_COOKIE_DAYS * 24 * 3_600_000);
}
export const MAX_FAILED_SIGN_INS = 5;
export const LOCKOUT_MINUTES = 15;

export function sessionTtlHours(env: NodeJS.ProcessEnv = process.env): number {
  const hours = Number(env.SESSION_TTL_HOURS ?? 12);
  return Number.isFinite(hours) && hours > 0 ? hours : 12;
}
