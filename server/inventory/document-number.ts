import { eq, sql } from 'drizzle-orm';
import { rowsOf } from '../../db/client';
import { stores } from '../../db/schema';
import type { StaffContext } from '../core/context';
import { found } from '../core/errors';
import { storeLocalTime } from '../domain/store-time';

/** The inventory documents that are numbered, with the prefix their numbers carry. */
export const DOCUMENT_PREFIXES = {
  purchase_orders: 'PO',
  goods_receipts: 'GR',
  stock_adjustments: 'ADJ',
  stocktakes: 'ST',
  stock_transfers: 'TR',
} as const;
export type NumberedDocument = keyof typeof DOCUMENT_PREFIXES;

/**
 * The next number of a store's document of this kind for its business day, e.g. `GR-20261122-003`. Taken under a
 * transaction-scoped advisory lock, so two documents started at once never get the same number.
 */
export async function nextDocumentNumber(tx: StaffContext, table: NumberedDocument): Promise<string> {
  if (!tx.inTransaction) throw new Error('nextDocumentNumber must run inside the document’s transaction');
  const [store] = await tx.db.select({ timezone: stores.timezone }).from(stores).where(eq(stores.id, tx.storeId));
  const day = storeLocalTime(tx.now(), found(store, 'store').timezone).businessDate.replaceAll('-', '');
  const prefix = `${DOCUMENT_PREFIXES[table]}-${day}-`;
  await tx.db.execute(sql`select pg_advisory_xact_lock(hashtext(${`${tx.storeId}:${prefix}`}))`);
  const [row] = rowsOf<{ last: string }>(
    await tx.db.execute(
      sql`select number as last from ${sql.identifier(table)} where store_id = ${tx.storeId} and number like ${`${prefix}%`}
        order by length(number) desc, number desc limit 1`,
    ),
  );
  const last = row?.last ?? null;
  const next = last ? Number(last.slice(prefix.length)) + 1 : 1;
  return `${prefix}${String(next).padStart(3, '0')}`;
}
