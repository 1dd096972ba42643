import type { Database } from '../../db/client';
import { DomainError } from '../core/errors';
import { judgeSales, readSaleFacts, type SaleToRecord, type SaleVerdict } from './check-sales';
import type { FinalizedSale } from './finalize-sale';
import { recordSaleAlone } from './record-sale-alone';
import { SaleFactsCache } from './sale-facts-cache';
import { writeSales } from './write-sales';

const MAX_SALES_PER_GROUP = 64;
const MAX_LINES_PER_GROUP = 2_000;
const MAX_RACES = 3;
const MAX_GROUPS_IN_FLIGHT = 2;

type NewSale = Extract<SaleVerdict, { kind: 'new' }>;

interface Waiting {
  readonly sale: SaleToRecord;
  readonly resolve: (answer: FinalizedSale) => void;
  readonly reject: (error: unknown) => void;
  races: number;
  /** Judged on remembered facts and not written: the next group checks it against the database. */
  mustCheck: boolean;
}

/**
 * Group commit: the sales that arrive while the previous group is being written are judged together and written
 * in one statement, so they share one durable commit. Each caller is answered only after that commit; if the
 * group fails, its sales are recorded one at a time so each gets its own answer or error.
 *
 * Two groups may be in flight: while one waits on its commit or on another's stock-level rows, the other is
 * written. A sale sent again while its first copy is in the other group waits on that insert and is answered
 * from what it recorded.
 *
 * A group is judged on the facts remembered from earlier checks when it can be, saving a query; the write then
 * requires those facts to still hold, and a sale it leaves unwritten (changed facts, or already recorded) is
 * checked against the database in the next group, which answers it exactly as if no facts had been remembered.
 */
class SaleGroupWriter {
  private readonly waiting: Waiting[] = [];
  private readonly facts = new SaleFactsCache();
  private inFlight = 0;
  /** Groups scheduled but not yet formed: the sales waiting then are shared out between them. */
  private starting = 0;

  constructor(private readonly db: Database) {}

  record(sale: SaleToRecord): Promise<FinalizedSale> {
    return new Promise((resolve, reject) => {
      this.waiting.push({ sale, resolve, reject, races: 0, mustCheck: false });
      this.schedule();
    });
  }

  private schedule(): void {
    while (this.inFlight < MAX_GROUPS_IN_FLIGHT && this.waiting.length > this.starting) {
      this.inFlight++;
      this.starting++;
      // A macrotask later, so callers answered by the last group (and their next sales) join this one.
      setImmediate(() => {
        const group = this.takeGroup(Math.ceil(this.waiting.length / this.starting));
        this.starting--;
        if (group.length === 0) {
          this.inFlight--;
          return;
        }
        void this.writeGroup(group)
          .catch((error: unknown) => group.forEach((waiting) => waiting.reject(error)))
          .finally(() => {
            this.inFlight--;
            this.schedule();
          });
      });
    }
  }

  private takeGroup(share: number): Waiting[] {
    let lines = 0;
    let count = 0;
    while (count < this.waiting.length && count < Math.min(share, MAX_SALES_PER_GROUP) && lines < MAX_LINES_PER_GROUP) {
      lines += this.waiting[count]?.sale.input.lines.length ?? 0;
      count++;
    }
    return this.waiting.splice(0, count);
  }

  /** Verdicts on remembered facts if every sale has them and passes, else on facts read now. */
  private async judge(group: Waiting[]): Promise<{ verdicts: SaleVerdict[]; remembered: boolean }> {
    const batch = group.map((w) => w.sale);
    const known = group.some((w) => w.mustCheck) ? null : this.facts.factsFor(batch);
    if (known) {
      const verdicts = judgeSales(batch, known);
      if (verdicts.every((v) => v.kind === 'new')) return { verdicts, remembered: true };
    }
    const facts = await readSaleFacts(this.db, batch);
    this.facts.remember(facts);
    return { verdicts: judgeSales(batch, facts), remembered: false };
  }

  private async writeGroup(group: Waiting[]): Promise<void> {
    let verdicts: SaleVerdict[];
    let remembered: boolean;
    try {
      ({ verdicts, remembered } = await this.judge(group));
    } catch {
      return recordEachAlone(group);
    }
    const again: Waiting[] = [];
    try {
      const toWrite = new Map<string, { waiting: Waiting; verdict: NewSale }>();
      group.forEach((waiting, index) => {
        const verdict = verdicts[index];
        if (!verdict) return waiting.reject(new Error('checkSales answers one verdict per sale'));
        if (verdict.kind === 'recorded') return waiting.resolve(verdict.answer);
        if (verdict.kind === 'refused') return waiting.reject(verdict.error);
        // The same sale twice in one group: the copy waits for the next group, which finds it recorded.
        if (toWrite.has(waiting.sale.input.saleId)) return again.push(waiting);
        toWrite.set(waiting.sale.input.saleId, { waiting, verdict });
      });
      if (toWrite.size === 0) return;
      const writing = [...toWrite.values()];
      let inserted: Set<string>;
      try {
        inserted = await writeSales(
          this.db,
          writing.map((w) => w.verdict.rows),
        );
      } catch {
        return await recordEachAlone(writing.map((w) => w.waiting));
      }
      for (const { waiting, verdict } of writing) {
        if (inserted.has(waiting.sale.input.saleId)) waiting.resolve(verdict.answer);
        else if (remembered) {
          waiting.mustCheck = true;
          again.push(waiting);
        } else if (++waiting.races <= MAX_RACES) again.push(waiting);
        else
          waiting.reject(new DomainError('CONFLICT', 'sale.conflict', 'The sale could not be recorded; send it again'));
      }
    } finally {
      // Recorded meanwhile by another writer, or a copy of a sale in this group: the next check answers it.
      this.waiting.unshift(...again);
    }
  }
}

/** The fallback when a group fails: one bad sale must not take the others down with it. */
async function recordEachAlone(group: readonly Waiting[]): Promise<void> {
  for (const waiting of group) {
    try {
      waiting.resolve(await recordSaleAlone(waiting.sale));
    } catch (error) {
      waiting.reject(error);
    }
  }
}

const writers = new WeakMap<Database, SaleGroupWriter>();

/** Records a sale together with the others arriving on the same database at about the same time. */
export function recordSaleInGroup(sale: SaleToRecord): Promise<FinalizedSale> {
  let writer = writers.get(sale.ctx.db);
  if (!writer) {
    writer = new SaleGroupWriter(sale.ctx.db);
    writers.set(sale.ctx.db, writer);
  }
  return writer.record(sale);
}
