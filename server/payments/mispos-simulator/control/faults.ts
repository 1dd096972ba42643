import { z } from 'zod';
import { RESPONSE_CODES, type KnownResponseCode } from '../../mispos';
import type { HostFaults } from '../bank/bank-host';
import type { LinkFaults } from '../bank/bank-link';

const strikes = {
  /** How often the fault strikes: bank requests for `bankSilent`, incoming frames for `nakStorm`, else transactions. */
  times: z.number().int().min(1).max(1_000_000).default(1),
  untilCleared: z.boolean().default(false),
};
const milliseconds = z.number().int().min(0).max(600_000);
/** A fault that strikes every time until `forMs` after it was injected (instead of `times`). */
const forAWhile = { forMs: z.number().int().min(1).max(3_600_000).optional(), ...strikes };
const fen = z.number().int().min(1).max(100_000_000);
const DECLINE_CODES = (Object.keys(RESPONSE_CODES) as KnownResponseCode[]).filter(
  (code) => RESPONSE_CODES[code].source === 'bank' && code !== '00',
) as [KnownResponseCode, ...KnownResponseCode[]];

/** The faults of section 8, as `POST /faults` takes them; each absent one is left as it is. */
export const FaultsInputSchema = z.strictObject({
  bankSilent: z.strictObject(strikes).optional(),
  bankDelay: z.strictObject({ ms: milliseconds, ...strikes }).optional(),
  bankDecline: z.strictObject({ code: z.enum(DECLINE_CODES), ...strikes }).optional(),
  dropConnection: z.strictObject(strikes).optional(),
  answerDelay: z.strictObject({ ms: milliseconds, ...strikes }).optional(),
  garbledResponse: z.strictObject({ mode: z.enum(['lrc', 'body', 'echo']).default('lrc'), ...strikes }).optional(),
  nakStorm: z.strictObject(strikes).optional(),
  busy: z.strictObject(strikes).optional(),
  queryBusy: z.strictObject(forAWhile).optional(),
  queryUnanswered: z.strictObject(forAWhile).optional(),
  overApproval: z.strictObject({ fen, ...strikes }).optional(),
  underApproval: z.strictObject({ fen, ...strikes }).optional(),
  lateCard: z.strictObject({ ms: milliseconds, ...strikes }).optional(),
  unbalancedSettlement: z.strictObject(strikes).optional(),
});
export type FaultsInput = z.input<typeof FaultsInputSchema>;
type FaultSettings = Required<z.output<typeof FaultsInputSchema>>;
export type FaultName = keyof FaultSettings;
export const FAULT_NAMES = Object.keys(FaultsInputSchema.shape) as FaultName[];
export type FaultParams<Name extends FaultName> = Omit<
  NonNullable<FaultSettings[Name]>,
  'times' | 'untilCleared' | 'forMs'
>;

/** Injected faults, one shot (`times`) or until cleared; every part of the simulator takes its own. */
export class Faults implements HostFaults, LinkFaults {
  private active: { [Name in FaultName]?: NonNullable<FaultSettings[Name]> } = {};
  private readonly expiresAt = new Map<FaultName, number>();

  constructor(private readonly nowMs: () => number = Date.now) {}

  inject(input: FaultsInput): void {
    const parsed = FaultsInputSchema.parse(input);
    for (const [name, fault] of Object.entries(parsed) as [FaultName, { forMs?: number } | undefined][]) {
      if (!fault) continue;
      if (fault.forMs === undefined) this.expiresAt.delete(name);
      else this.expiresAt.set(name, this.nowMs() + fault.forMs);
    }
    this.active = { ...this.active, ...Object.fromEntries(Object.entries(parsed).filter(([, v]) => v)) };
  }

  clear(name?: FaultName): void {
    if (name === undefined) {
      this.active = {};
      this.expiresAt.clear();
    } else {
      delete this.active[name];
      this.expiresAt.delete(name);
    }
  }

  /** The fault's parameters if it strikes now, using up one strike; null if it is not set. */
  take<Name extends FaultName>(name: Name): FaultParams<Name> | null {
    const fault = this.active[name];
    if (!fault) return null;
    const expiresAt = this.expiresAt.get(name);
    if (expiresAt !== undefined) {
      if (this.nowMs() < expiresAt) return fault;
      this.clear(name);
      return null;
    }
    if (!fault.untilCleared) {
      fault.times -= 1;
      if (fault.times <= 0) delete this.active[name];
    }
    return fault;
  }

  list(): Partial<FaultSettings> {
    return structuredClone(this.active);
  }

  takeDecline = (): string | null => this.take('bankDecline')?.code ?? null;
  takeUnbalanced = (): boolean => this.take('unbalancedSettlement') !== null;
  takeSilence = (): boolean => this.take('bankSilent') !== null;
  takeDelayMs = (): number => this.take('bankDelay')?.ms ?? 0;
}
