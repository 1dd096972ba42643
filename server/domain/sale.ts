import { z } from 'zod';
import { roundHalfUpDiv } from './money';
import { priceForWeight, weightForPrice } from './embedded-barcode';
import { vatBreakdown, type VatBreakdownRow } from './vat';

/** A discount on a line or on the whole sale: a percentage in basis points, or an amount in fen. */
export const discountSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('percent'), bps: z.number().int().min(1).max(10_000) }),
  z.object({ kind: z.literal('amount'), fen: z.number().int().min(1).max(99_999_999) }),
]);
export type Discount = z.infer<typeof discountSchema>;

/** The most a weighed line may weigh; a line weighs at least 1 g. */
export const MAX_LINE_WEIGHT_GRAMS = 999_999;

/**
 * One line of a sale as the lane built it. Counted goods carry `quantity`; weighed goods `weightGrams`
 * (price per kg); a price-embedded scale label fixes the line's gross in `labelTotalFen`.
 */
export const saleLineSchema = z.object({
  lineId: z.uuid(),
  productId: z.uuid(),
  scannedCode: z.string().max(32),
  nameZh: z.string().max(60),
  nameEn: z.string().max(80),
  departmentId: z.uuid(),
  vatRateBps: z.number().int().min(0).max(10_000),
  unit: z.enum(['each', 'kg']),
  quantity: z.number().int().min(-9999).max(9999),
  weightGrams: z.number().int().min(1).max(MAX_LINE_WEIGHT_GRAMS).nullable(),
  unitPriceFen: z.number().int().min(0).max(99_999_999),
  labelTotalFen: z.number().int().min(0).max(99_999_999).nullable(),
  discount: discountSchema.nullable(),
  overrideApprovalId: z.uuid().optional(),
});
export type SaleLine = z.infer<typeof saleLineSchema>;

export interface PricedLine {
  lineId: string;
  grossFen: number;
  lineDiscountFen: number;
  saleDiscountFen: number;
  totalFen: number;
  vatRateBps: number;
  vatFen: number;
}

export interface SaleTotals {
  lines: PricedLine[];
  grossFen: number;
  discountFen: number;
  totalFen: number;
  vat: VatBreakdownRow[];
}

/** What the line costs before any discount. Returns are negative quantities. */
export function lineGrossFen(
  line: Pick<SaleLine, 'unit' | 'quantity' | 'weightGrams' | 'unitPriceFen' | 'labelTotalFen'>,
): number {
  const sign = Math.sign(line.quantity) || 1;
  if (line.labelTotalFen !== null) return sign * line.labelTotalFen;
  if (line.unit === 'kg' && line.weightGrams !== null)
    return sign * priceForWeight(line.unitPriceFen, line.weightGrams);
  return line.unitPriceFen * line.quantity;
}

/**
 * The grams a line of weighed goods stands for; null for counted goods. A scale label's total fixes the weight:
 * a weight that prices to the label total stands (a weight label), any other is the label's total ÷ price
 * (at least 1 g). The lane's weight is checked, not trusted: the stock ledger moves what this answers.
 */
export function lineWeightGrams(
  line: Pick<SaleLine, 'weightGrams' | 'unitPriceFen' | 'labelTotalFen'> & { unit: string },
): number | null {
  if (line.unit !== 'kg') return null;
  if (line.labelTotalFen === null) return line.weightGrams;
  if (line.weightGrams !== null && priceForWeight(line.unitPriceFen, line.weightGrams) === line.labelTotalFen) {
    return line.weightGrams;
  }
  const grams = weightForPrice(line.unitPriceFen, line.labelTotalFen);
  return grams === null ? line.weightGrams : Math.min(MAX_LINE_WEIGHT_GRAMS, Math.max(1, grams));
}

export function discountFen(grossFen: number, discount: Discount | null): number {
  if (!discount || grossFen <= 0) return 0;
  const fen = discount.kind === 'percent' ? roundHalfUpDiv(grossFen * discount.bps, 10_000) : discount.fen;
  return Math.min(fen, grossFen);
}

/** Splits `amount` over `weights` in proportion, to the fen, the remainders going to the largest fractions. */
export function allocate(amount: number, weights: readonly number[]): number[] {
  const total = weights.reduce((sum, w) => sum + w, 0);
  if (total <= 0 || amount === 0) return weights.map(() => 0);
  const exact = weights.map((w) => (amount * w) / total);
  const shares = exact.map(Math.floor);
  let left = amount - shares.reduce((sum, s) => sum + s, 0);
  const order = exact
    .map((value, index) => ({ index, rest: value - Math.floor(value) }))
    .sort((a, b) => b.rest - a.rest || a.index - b.index);
  for (const { index } of order) {
    if (left <= 0) break;
    shares[index] = (shares[index] ?? 0) + 1;
    left--;
  }
  return shares;
}

/**
 * The sale's figures, computed the same way on the lane and the server: line gross, line discount,
 * the sale discount shared over lines in proportion to what they still cost, VAT per rate, rounded once each.
 */
export function priceSale(lines: readonly SaleLine[], saleDiscount: Discount | null): SaleTotals {
  const afterLine = lines.map((line) => {
    const grossFen = lineGrossFen(line);
    const lineDiscountFen = discountFen(grossFen, line.discount);
    return { line, grossFen, lineDiscountFen, net: grossFen - lineDiscountFen };
  });
  const discountable = afterLine.map((l) => Math.max(0, l.net));
  const saleDiscountTotal = discountFen(
    discountable.reduce((sum, n) => sum + n, 0),
    saleDiscount,
  );
  const saleShares = allocate(saleDiscountTotal, discountable);
  const priced: PricedLine[] = afterLine.map((l, index) => {
    const saleDiscountFen = saleShares[index] ?? 0;
    const totalFen = l.net - saleDiscountFen;
    return {
      lineId: l.line.lineId,
      grossFen: l.grossFen,
      lineDiscountFen: l.lineDiscountFen,
      saleDiscountFen,
      totalFen,
      vatRateBps: l.line.vatRateBps,
      vatFen: 0,
    };
  });
  const vat = vatBreakdown(priced.map((p) => ({ grossFen: p.totalFen, vatRateBps: p.vatRateBps })));
  for (const row of vat) {
    const ofRate = priced.filter((p) => p.vatRateBps === row.vatRateBps);
    allocate(
      Math.abs(row.vatFen),
      ofRate.map((p) => Math.abs(p.totalFen)),
    ).forEach((share, i) => {
      const target = ofRate[i];
      if (target) target.vatFen = Math.sign(row.vatFen) * share;
    });
  }
  const grossFen = priced.reduce((sum, p) => sum + p.grossFen, 0);
  const totalFen = priced.reduce((sum, p) => sum + p.totalFen, 0);
  return { lines: priced, grossFen, discountFen: grossFen - totalFen, totalFen, vat };
}

/** How much discount a cashier may give on a sale alone; beyond it a supervisor approves. */
export const CASHIER_DISCOUNT_LIMIT_BPS = 1000;

export function discountNeedsApproval(
  totals: Pick<SaleTotals, 'grossFen' | 'discountFen'>,
  limitBps = CASHIER_DISCOUNT_LIMIT_BPS,
): boolean {
  return totals.discountFen * 10_000 > totals.grossFen * limitBps;
}

export const TENDER_KINDS = ['cash', 'bank_card', 'store_card'] as const;
export type TenderKind = (typeof TENDER_KINDS)[number];
export const tenderSchema = z.object({
  tenderId: z.uuid(),
  kind: z.enum(TENDER_KINDS),
  amountFen: z.number().int().min(-99_999_999).max(99_999_999),
  reference: z.string().max(64).nullable(),
});
export type Tender = z.infer<typeof tenderSchema>;

export interface Settlement {
  paidFen: number;
  dueFen: number;
  changeFen: number;
  complete: boolean;
}

/** Whether the tenders pay the total; only cash may exceed what is due, and the excess is change. */
export function settle(totalFen: number, tenders: readonly Pick<Tender, 'kind' | 'amountFen'>[]): Settlement {
  const paidFen = tenders.reduce((sum, t) => sum + t.amountFen, 0);
  const nonCash = tenders.filter((t) => t.kind !== 'cash').reduce((sum, t) => sum + t.amountFen, 0);
  const cash = paidFen - nonCash;
  if (totalFen < 0) {
    return { paidFen, dueFen: totalFen - paidFen, changeFen: 0, complete: paidFen === totalFen };
  }
  const dueFen = Math.max(0, totalFen - paidFen);
  const changeFen = nonCash > totalFen ? 0 : Math.max(0, Math.min(cash, paidFen - totalFen));
  return { paidFen, dueFen, changeFen, complete: dueFen === 0 && nonCash <= totalFen };
}

const NOTES_FEN = [100, 500, 1000, 2000, 5000, 10_000];

/** Quick-cash buttons: the exact amount, then the next round amounts a customer is likely to hand over. */
export function quickCashAmounts(dueFen: number): number[] {
  if (dueFen <= 0) return [];
  const amounts = new Set<number>([dueFen]);
  for (const note of NOTES_FEN) {
    const rounded = Math.ceil(dueFen / note) * note;
    if (rounded > dueFen) amounts.add(rounded);
  }
  return [...amounts].sort((a, b) => a - b).slice(0, 5);
}
