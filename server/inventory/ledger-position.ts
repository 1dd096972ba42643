import { sql } from 'drizzle-orm';
import { rowsOf } from '../../db/client';
import type { ServiceContext } from '../core/context';

/**
 * The stock ledger's position now: the last `stock_movements.seq` handed out (0 before the first movement). A movement
 * written after this moment has a greater seq, whenever it was stamped and whenever it commits.
 */
export async function ledgerPosition(ctx: ServiceContext): Promise<number> {
  const [sequence] = rowsOf<{ last: string | number | null }>(
    await ctx.db.execute(
      sql`select last_value as last from pg_sequences where schemaname = 'public' and sequencename = 'stock_movements_seq_seq'`,
    ),
  );
  return Number(sequence?.last ?? 0);
}
