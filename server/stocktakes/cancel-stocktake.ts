import { eq } from 'drizzle-orm';
import { z } from 'zod';
import { stocktakes } from '../../db/schema';
import { writeAudit } from '../audit/write-audit';
import { inTransaction, type StaffContext } from '../core/context';
import { DomainError } from '../core/errors';
import { findStocktake } from './find-stocktake';

export const CancelStocktakeInput = z.object({ stocktakeId: z.uuid() });
export type CancelStocktakeInput = z.input<typeof CancelStocktakeInput>;

/** Abandons a count: nothing moves, its entries stay for the record. Cancelling it again answers the same. */
export async function cancelStocktake(ctx: StaffContext, rawInput: CancelStocktakeInput) {
  const input = CancelStocktakeInput.parse(rawInput);
  return inTransaction(ctx, async (tx) => {
    const stocktake = await findStocktake(tx, input.stocktakeId, 'update');
    if (stocktake.status === 'cancelled') return stocktake;
    if (stocktake.status === 'applied') {
      throw new DomainError('CONFLICT', 'stocktake.already-applied', 'This stocktake has already been applied');
    }
    await tx.db.update(stocktakes).set({ status: 'cancelled' }).where(eq(stocktakes.id, stocktake.id));
    await writeAudit(tx, {
      action: 'stocktake.cancelled',
      entityType: 'stocktake',
      entityId: stocktake.id,
      summary: stocktake.number,
      changes: { status: { from: 'counting', to: 'cancelled' } },
      approverStaffId: ctx.actor.staffId,
    });
    return findStocktake(tx, stocktake.id);
  });
}
