import { z } from 'zod';
import { MisposCodecError } from './codec-error';
import { decodeFields, encodeFields, field, layoutBytes } from './field-layout';
import { countSchema } from './field-schemas';

/** "Debit" counts sales and completions; "credit" counts voids, refunds and completion voids. */
const TOTALS_BLOCK_LAYOUT = [
  field('debitCount', 'N', 6),
  field('debitAmountFen', 'N', 12),
  field('creditCount', 'N', 6),
  field('creditAmountFen', 'N', 12),
] as const;

const BLOCK_BYTES = layoutBytes(TOTALS_BLOCK_LAYOUT);
export const SETTLEMENT_TOTALS_BYTES = 2 * BLOCK_BYTES;

export const TotalsBlockSchema = z.object({
  debitCount: countSchema(6),
  debitAmountFen: countSchema(12),
  creditCount: countSchema(6),
  creditAmountFen: countSchema(12),
});
export type TotalsBlock = z.infer<typeof TotalsBlockSchema>;

/** `domestic`: CUP cards; `foreign`: all other card organisations. */
export const SettlementTotalsSchema = z.object({ domestic: TotalsBlockSchema, foreign: TotalsBlockSchema });
export type SettlementTotals = z.infer<typeof SettlementTotalsSchema>;

/** The 72 ASCII digits of the `totals` field; expects totals already checked against the schema. */
export function encodeSettlementTotals(totals: SettlementTotals): string {
  return encodeBlock(totals.domestic, 'totals.domestic.') + encodeBlock(totals.foreign, 'totals.foreign.');
}

/** The `totals` field as decoded text (padding trimmed): empty outside a settlement, else 72 digits. */
export function decodeSettlementTotals(text: string): SettlementTotals | null {
  if (text === '') return null;
  if (!/^[\x21-\x7e]*$/.test(text) || text.length !== SETTLEMENT_TOTALS_BYTES) {
    throw new MisposCodecError(
      'totals',
      `must be ${SETTLEMENT_TOTALS_BYTES} digits, or all spaces when there are none`,
    );
  }
  return {
    domestic: decodeBlock(text.slice(0, BLOCK_BYTES), 'totals.domestic.'),
    foreign: decodeBlock(text.slice(BLOCK_BYTES), 'totals.foreign.'),
  };
}

function encodeBlock(block: TotalsBlock, fieldPrefix: string): string {
  const wire = {
    debitCount: String(block.debitCount),
    debitAmountFen: String(block.debitAmountFen),
    creditCount: String(block.creditCount),
    creditAmountFen: String(block.creditAmountFen),
  };
  return encodeFields(TOTALS_BLOCK_LAYOUT, wire, fieldPrefix).toString('latin1');
}

function decodeBlock(digits: string, fieldPrefix: string): TotalsBlock {
  const wire = decodeFields(TOTALS_BLOCK_LAYOUT, Buffer.from(digits, 'latin1'), fieldPrefix);
  return {
    debitCount: Number(wire.debitCount),
    debitAmountFen: Number(wire.debitAmountFen),
    creditCount: Number(wire.creditCount),
    creditAmountFen: Number(wire.creditAmountFen),
  };
}
