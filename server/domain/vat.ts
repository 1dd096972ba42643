import { z } from 'zod';
import { assertFen, roundHalfUpDiv } from './money';

export const VAT_RATES_BPS = [1300, 900, 600, 0] as const;
export type VatRateBps = (typeof VAT_RATES_BPS)[number];
export const vatRateSchema = z.union([z.literal(1300), z.literal(900), z.literal(600), z.literal(0)]);

function assertRate(rateBps: number): void {
  if (!Number.isSafeInteger(rateBps) || rateBps < 0) {
    throw new RangeError(`VAT rate must be a non-negative integer in basis points, got ${rateBps}`);
  }
}

export function vatIncluded(grossFen: number, rateBps: number): number {
  assertFen(grossFen);
  assertRate(rateBps);
  return roundHalfUpDiv(grossFen * rateBps, 10_000 + rateBps);
}

export type VatBreakdownRow = { vatRateBps: number; grossFen: number; netFen: number; vatFen: number };

export function vatBreakdown(lines: readonly { grossFen: number; vatRateBps: number }[]): VatBreakdownRow[] {
  const grossByRate = new Map<number, number>();
  for (const line of lines) {
    assertFen(line.grossFen);
    assertRate(line.vatRateBps);
    grossByRate.set(line.vatRateBps, (grossByRate.get(line.vatRateBps) ?? 0) + line.grossFen);
  }
  return [...grossByRate.entries()]
    .sort(([a], [b]) => b - a)
    .map(([vatRateBps, grossFen]) => {
      const vatFen = vatIncluded(grossFen, vatRateBps);
      return { vatRateBps, grossFen, netFen: grossFen - vatFen, vatFen };
    });
}
