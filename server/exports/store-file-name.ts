import { eq } from 'drizzle-orm';
import { stores } from '../../db/schema';
import type { StaffContext } from '../core/context';
import { found } from '../core/errors';
import { exportFileName } from '../domain/export-file-name';

/**
 * The name of a file the back office hands the acting store: dated with the store's today in its own time zone, or
 * with the days it covers (already the store's days).
 */
export async function storeFileName(
  ctx: StaffContext,
  what: string,
  extension: string,
  days?: { from: string; to: string },
): Promise<string> {
  const [row] = await ctx.db
    .select({ code: stores.code, timeZone: stores.timezone })
    .from(stores)
    .where(eq(stores.id, ctx.storeId));
  const store = found(row, 'store');
  return exportFileName(what, store.code, days ?? { at: ctx.now(), timeZone: store.timeZone }, extension);
}
