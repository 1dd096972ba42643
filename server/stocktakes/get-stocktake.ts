import { eq } from 'drizzle-orm';
import { z } from 'zod';
import { departments } from '../../db/schema';
import type { StaffContext } from '../core/context';
import { findStocktake } from './find-stocktake';

export const GetStocktakeInput = z.object({ stocktakeId: z.uuid() });
export type GetStocktakeInput = z.input<typeof GetStocktakeInput>;

/** A stocktake's heading for the count screen: number, scope and status, without its lines. */
export async function getStocktake(ctx: StaffContext, rawInput: GetStocktakeInput) {
  const input = GetStocktakeInput.parse(rawInput);
  const stocktake = await findStocktake(ctx, input.stocktakeId);
  const [department] = stocktake.departmentId
    ? await ctx.db
        .select({ nameZh: departments.nameZh, nameEn: departments.nameEn })
        .from(departments)
        .where(eq(departments.id, stocktake.departmentId))
    : [];
  return {
    id: stocktake.id,
    number: stocktake.number,
    scope: stocktake.scope,
    status: stocktake.status,
    startedAt: stocktake.startedAt,
    departmentNameZh: department?.nameZh ?? null,
    departmentNameEn: department?.nameEn ?? null,
  };
}
