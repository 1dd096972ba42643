import { and, eq, ne, or, sql } from 'drizzle-orm';
import { z } from 'zod';
import { departments, products, stockLevels, stocktakeItems, stocktakes } from '../../db/schema';
import { writeAudit } from '../audit/write-audit';
import { inTransaction, type StaffContext } from '../core/context';
import { DomainError, fieldInvalid } from '../core/errors';
import { nextDocumentNumber } from '../inventory/document-number';
import { ledgerPosition } from '../inventory/ledger-position';
import { findStocktake } from './find-stocktake';

export const StartStocktakeInput = z.discriminatedUnion('scope', [
  z.object({ id: z.uuid(), scope: z.literal('full') }),
  z.object({ id: z.uuid(), scope: z.literal('department'), departmentId: z.uuid() }),
]);
export type StartStocktakeInput = z.input<typeof StartStocktakeInput>;

/**
 * Starts a count of the whole store or one department, freezing each product's on hand and unit cost (moving
 * average, else the catalog cost). In scope: active products, and any other product still holding stock.
 * A store counts one area at a time: a stocktake that overlaps one still being counted is refused.
 */
export async function startStocktake(ctx: StaffContext, rawInput: StartStocktakeInput) {
  const input = StartStocktakeInput.parse(rawInput);
  const departmentId = input.scope === 'department' ? input.departmentId : null;
  return inTransaction(ctx, async (tx) => {
    const [existing] = await tx.db
      .select({ storeId: stocktakes.storeId })
      .from(stocktakes)
      .where(eq(stocktakes.id, input.id));
    if (existing) {
      if (existing.storeId !== ctx.storeId) throw new DomainError('CONFLICT', 'stocktake.id-taken', 'Id already used');
      return findStocktake(tx, input.id);
    }
    if (departmentId) {
      const [department] = await tx.db
        .select({ id: departments.id })
        .from(departments)
        .where(and(eq(departments.id, departmentId), eq(departments.storeId, ctx.storeId)));
      if (!department) throw fieldInvalid('departmentId', 'department.not-found', 'Choose a department of this store');
    }
    // One start at a time per store, so two overlapping counts can never both begin.
    await tx.db.execute(sql`select pg_advisory_xact_lock(hashtext(${`stocktake-start:${ctx.storeId}`}))`);
    // A retry that waited here behind its own first attempt answers the stocktake that attempt started.
    const [started] = await tx.db.select({ id: stocktakes.id }).from(stocktakes).where(eq(stocktakes.id, input.id));
    if (started) return findStocktake(tx, input.id);
    const [overlapping] = await tx.db
      .select({ number: stocktakes.number })
      .from(stocktakes)
      .where(
        and(
          eq(stocktakes.storeId, ctx.storeId),
          eq(stocktakes.status, 'counting'),
          departmentId ? or(eq(stocktakes.scope, 'full'), eq(stocktakes.departmentId, departmentId)) : undefined,
        ),
      )
      .limit(1);
    if (overlapping) {
      throw new DomainError(
        'CONFLICT',
        'stocktake.overlapping',
        `Stocktake ${overlapping.number} is still being counted for these goods: apply or cancel it first`,
      );
    }
    const number = await nextDocumentNumber(tx, 'stocktakes');
    // A sale is stamped before it commits: waiting here for the ledger's writers, and holding new ones until the
    // freeze commits, puts every movement either in the frozen figures or after the frozen sequence, never between.
    await tx.db.execute(sql`lock table stock_movements in share mode`);
    const frozenSeq = await ledgerPosition(tx);
    const startedAt = tx.now();
    await tx.db.insert(stocktakes).values({
      id: input.id,
      storeId: ctx.storeId,
      number,
      scope: input.scope,
      departmentId,
      status: 'counting',
      startedBy: ctx.actor.staffId,
      startedAt,
      frozenSeq,
    });
    const onHand = sql<number>`coalesce(${stockLevels.onHand}, 0)`;
    await tx.db.insert(stocktakeItems).select(
      tx.db
        .select({
          stocktakeId: sql`${input.id}::uuid`.as('stocktake_id'),
          storeId: products.storeId,
          productId: products.id,
          frozenOnHand: sql<number>`${onHand}`.as('frozen_on_hand'),
          unitCostFen: sql<number>`coalesce(${stockLevels.avgCostFen}, ${products.costFen})`.as('unit_cost_fen'),
        })
        .from(products)
        .leftJoin(stockLevels, and(eq(stockLevels.storeId, products.storeId), eq(stockLevels.productId, products.id)))
        .where(
          and(
            eq(products.storeId, ctx.storeId),
            departmentId ? eq(products.departmentId, departmentId) : undefined,
            or(eq(products.active, true), ne(onHand, 0)),
          ),
        ),
    );
    await writeAudit(tx, {
      action: 'stocktake.started',
      entityType: 'stocktake',
      entityId: input.id,
      summary: number,
      changes: { scope: { from: null, to: input.scope }, departmentId: { from: null, to: departmentId } },
    });
    return findStocktake(tx, input.id);
  });
}
