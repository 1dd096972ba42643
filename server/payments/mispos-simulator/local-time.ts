import { padDigits } from './digits';

/** Date and time parts as the links carry them, in the simulator's local time (the shop's clock). */
export interface LocalStamp {
  readonly yyyymmdd: string;
  readonly mmdd: string;
  readonly hhmmss: string;
}

export function localStamp(at: Date): LocalStamp {
  const mmdd = padDigits(at.getMonth() + 1, 2) + padDigits(at.getDate(), 2);
  return {
    yyyymmdd: padDigits(at.getFullYear(), 4) + mmdd,
    mmdd,
    hhmmss: padDigits(at.getHours(), 2) + padDigits(at.getMinutes(), 2) + padDigits(at.getSeconds(), 2),
  };
}

export type Clock = () => Date;
export const systemClock: Clock = () => new Date();
