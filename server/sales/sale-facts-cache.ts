import type { Lane, Product, SaleFacts, SaleToRecord, ShiftFacts } from './check-sales';

/** Beyond this many remembered products or shifts the memory starts afresh: the database is always the truth. */
const MAX_REMEMBERED = 100_000;

/**
 * The lanes, shifts and products the group writer last read, so a group of sales can be judged without a query
 * first. Nothing here is trusted: the write statement requires every fact a sale was judged on to still hold,
 * and a sale it does not write is checked against the database again (record-sales-in-groups.ts).
 */
export class SaleFactsCache {
  private readonly lanes = new Map<string, Lane>();
  private readonly shifts = new Map<string, ShiftFacts>();
  private readonly products = new Map<string, Product>();

  remember(facts: SaleFacts): void {
    if (this.products.size + facts.products.size > MAX_REMEMBERED) this.products.clear();
    if (this.shifts.size + facts.shifts.size > MAX_REMEMBERED) this.shifts.clear();
    for (const [id, lane] of facts.lanes) this.lanes.set(id, lane);
    for (const [id, shift] of facts.shifts) this.shifts.set(id, shift);
    for (const [id, product] of facts.products) this.products.set(id, product);
  }

  /** The remembered facts of these sales, or null if any lane, shift or product of theirs was never read. */
  factsFor(batch: readonly SaleToRecord[]): SaleFacts | null {
    const facts: SaleFacts = {
      recorded: new Map(),
      lanes: new Map(),
      shifts: new Map(),
      products: new Map(),
      cardOutcomeUnknown: new Set(),
    };
    for (const { input } of batch) {
      const lane = this.lanes.get(input.laneId);
      const shift = this.shifts.get(input.shiftId);
      if (!lane || !shift) return null;
      facts.lanes.set(input.laneId, lane);
      facts.shifts.set(input.shiftId, shift);
      for (const line of input.lines) {
        const product = this.products.get(line.productId);
        if (!product) return null;
        facts.products.set(line.productId, product);
      }
    }
    return facts;
  }
}
