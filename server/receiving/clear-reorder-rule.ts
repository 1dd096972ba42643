import { and, eq } from 'drizzle-orm';
import { z } from 'zod';
import { reorderRules } from '../../db/schema';
import type { StaffContext } from '../core/context';

export const ClearReorderRuleInput = z.object({ productId: z.uuid() });
export type ClearReorderRuleInput = z.input<typeof ClearReorderRuleInput>;

/** The product is no longer watched for low stock; clearing twice is harmless. */
export async function clearReorderRule(ctx: StaffContext, rawInput: ClearReorderRuleInput) {
  const { productId } = ClearReorderRuleInput.parse(rawInput);
  await ctx.db
    .delete(reorderRules)
    .where(and(eq(reorderRules.storeId, ctx.storeId), eq(reorderRules.productId, productId)));
  return { productId };
}
