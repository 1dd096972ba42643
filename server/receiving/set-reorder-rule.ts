import { z } from 'zod';
import { reorderRules } from '../../db/schema';
import { inTransaction, type StaffContext } from '../core/context';
import { productsOfLines } from './document-lines';

export const SetReorderRuleInput = z.object({
  productId: z.uuid(),
  /** Low when on hand is at or below this (units, or grams for weighed goods). */
  reorderPoint: z.number().int().min(0).max(10_000_000),
  /** Orders are suggested in whole multiples of this. */
  reorderQuantity: z.number().int().min(1).max(10_000_000),
});
export type SetReorderRuleInput = z.input<typeof SetReorderRuleInput>;

/** Sets (or replaces) a product's rule; setting the same rule again changes nothing. */
export async function setReorderRule(ctx: StaffContext, rawInput: SetReorderRuleInput) {
  const input = SetReorderRuleInput.parse(rawInput);
  return inTransaction(ctx, async (tx) => {
    await productsOfLines(tx, [input]);
    const values = { reorderPoint: input.reorderPoint, reorderQuantity: input.reorderQuantity, updatedAt: tx.now() };
    await tx.db
      .insert(reorderRules)
      .values({ storeId: ctx.storeId, productId: input.productId, ...values })
      .onConflictDoUpdate({ target: [reorderRules.storeId, reorderRules.productId], set: values });
    return { productId: input.productId, reorderPoint: input.reorderPoint, reorderQuantity: input.reorderQuantity };
  });
}
