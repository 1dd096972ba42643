import { and, eq } from 'drizzle-orm';
import { auditLog, sales } from '../../db/schema';
import type { StaffContext } from '../core/context';

/** The server knows a sale only once it ends: finished (a sale row) or voided on the lane (its audit row). */
export async function saleFinishedOrVoided(ctx: StaffContext, saleId: string): Promise<boolean> {
  const [finished] = await ctx.db.select({ id: sales.id }).from(sales).where(eq(sales.id, saleId));
  if (finished) return true;
  const [voided] = await ctx.db
    .select({ id: auditLog.id })
    .from(auditLog)
    .where(and(eq(auditLog.entityId, saleId), eq(auditLog.action, 'sale.voided')));
  return voided !== undefined;
}
