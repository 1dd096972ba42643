import { roundHalfUpDiv } from '../domain/money';

export type StockUnit = 'each' | 'kg';

const KG_PATTERN = /^(\d{1,6})(?:\.(\d{1,3}))?$/;
const EACH_PATTERN = /^\d{1,7}$/;

/**
 * What a person typed as a ledger quantity: whole units for counted goods, kilograms with up to three decimals
 * for weighed goods (the ledger counts those in grams). Null when it is not such a number.
 */
export function parseQuantity(text: string, unit: StockUnit): number | null {
  const clean = text.normalize('NFKC').trim();
  if (unit === 'each') return EACH_PATTERN.test(clean) ? Number(clean) : null;
  const match = KG_PATTERN.exec(clean);
  if (!match) return null;
  return Number(match[1]) * 1000 + Number((match[2] ?? '').padEnd(3, '0'));
}

/** A ledger quantity as people read it: units, or kilograms with three decimals. */
export function formatQuantity(quantity: number, unit: StockUnit): string {
  if (unit === 'each') return String(quantity);
  const sign = quantity < 0 ? '-' : '';
  const grams = Math.abs(quantity);
  return `${sign}${Math.floor(grams / 1000)}.${String(grams % 1000).padStart(3, '0')}`;
}

/** Value of a quantity at a unit cost: per unit for counted goods, per kg for weighed goods (quantity in grams). */
export function lineValueFen(quantity: number, unitCostFen: number, unit: StockUnit): number {
  return unit === 'kg' ? roundHalfUpDiv(quantity * unitCostFen, 1000) : quantity * unitCostFen;
}

/** A product picked for a document line: by a scan (a scale label carries its weight in grams) or from a search. */
export interface PickedQuantity {
  unit: StockUnit;
  scanned: boolean;
  weightGrams: number | null;
}

/** What a pick adds to its line: a scale label its weight, a scan of counted goods 1, a search pick nothing. */
export function pickedQuantity(pick: PickedQuantity): number {
  if (pick.unit === 'kg') return pick.weightGrams ?? 0;
  return pick.scanned ? 1 : 0;
}

/**
 * The lines after a pick: a product already on the list adds what was picked to its line (scanning it again adds
 * 1), else it gets a new line at the end holding that quantity.
 */
export function addPickToLines<Line extends { quantityText: string }>(
  lines: readonly Line[],
  pick: PickedQuantity & {
    isSame: (line: Line) => boolean;
    update: (line: Line, quantityText: string) => Line;
    create: (quantityText: string) => Line;
  },
): Line[] {
  const step = pickedQuantity(pick);
  const existing = lines.find(pick.isSame);
  if (!existing) return [...lines, pick.create(step > 0 ? formatQuantity(step, pick.unit) : '')];
  return lines.map((line) => {
    if (line !== existing) return line;
    if (step === 0) return pick.update(line, line.quantityText);
    const next = (parseQuantity(line.quantityText, pick.unit) ?? 0) + step;
    return pick.update(line, formatQuantity(next, pick.unit));
  });
}
