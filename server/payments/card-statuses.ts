import type { MisposStatus } from './mispos';

/** The terminal's last status line per payment in flight (请插卡…, PIN, connecting), for the lane to show. */
const statuses = new Map<string, MisposStatus & { at: Date }>();

export const recordCardStatus = (paymentId: string, status: MisposStatus, at: Date) =>
  statuses.set(paymentId, { ...status, at });
export const cardStatusOf = (paymentId: string) => statuses.get(paymentId) ?? null;
export const forgetCardStatus = (paymentId: string) => statuses.delete(paymentId);
