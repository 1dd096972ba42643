import { and, eq, lte, sql } from 'drizzle-orm';
import { z } from 'zod';
import { products, stockLevels, stockMovements, stocktakeCounts, stocktakeItems } from '../../db/schema';
import { resolveInStore, type ProductRow } from '../catalog/resolve-in-store';
import { inTransaction, type StaffContext } from '../core/context';
import { DomainError, fieldInvalid, notFound } from '../core/errors';
import { ledgerPosition } from '../inventory/ledger-position';
import { assertCounting, findStocktake, type StocktakeRow } from './find-stocktake';

const MAX_QUANTITY = 10_000_000;

export const RecordCountInput = z
  .object({
    stocktakeId: z.uuid(),
    entryId: z.uuid(),
    /** A scanned or typed barcode, scale label, PLU or item code. */
    code: z.string().trim().min(1).max(32).optional(),
    productId: z.uuid().optional(),
    /** Units, or grams for weighed goods; left out, one unit (or the weight on a scale label). */
    quantity: z.number().int().min(-MAX_QUANTITY).max(MAX_QUANTITY).optional(),
    /** `add` appends the quantity (negative takes back a miscount); `set` appends what makes the total this. */
    mode: z.enum(['add', 'set']).default('add'),
  })
  .refine((v) => (v.code === undefined) !== (v.productId === undefined), {
    message: 'Scan a code or choose a product',
    path: ['code'],
  });
export type RecordCountInput = z.input<typeof RecordCountInput>;

const productColumns = {
  id: products.id,
  code: products.code,
  nameZh: products.nameZh,
  nameEn: products.nameEn,
  unit: products.unit,
  priceFen: products.priceFen,
  departmentId: products.departmentId,
};
type CountedProduct = ProductRow<typeof productColumns>;

/**
 * Appends one counter's entry for a product; the product's count is the sum of its entries, so several counters can
 * count at once and a correction is one more entry. Each entry records the ledger's position, so the product's
 * count stands at its first entry (variance-lines.ts). Idempotent on the client-made entry id.
 */
export async function recordCount(ctx: StaffContext, rawInput: RecordCountInput) {
  const input = RecordCountInput.parse(rawInput);
  return inTransaction(ctx, async (tx) => {
    const known = await answerKnownEntry(tx, input.entryId, input.stocktakeId);
    if (known) return known;
    // Shares the row with other counters; applying or cancelling waits for this entry, or refuses it after.
    const stocktake = await findStocktake(tx, input.stocktakeId, 'share');
    assertCounting(stocktake);
    const { product, weightGrams } = await resolveProduct(tx, input);
    if (stocktake.scope === 'department' && product.departmentId !== stocktake.departmentId) {
      throw fieldInvalid(
        'code',
        'stocktake.product-not-in-scope',
        'This product is not in this stocktake’s department',
      );
    }
    await lockItem(tx, stocktake, product.id);
    const countedBefore = await countedTotal(tx, stocktake.id, product.id);
    const quantity = input.quantity ?? weightGrams ?? (product.unit === 'each' ? 1 : null);
    if (quantity === null) {
      throw fieldInvalid('quantity', 'stocktake.quantity-required', 'Enter the weight in grams');
    }
    if (input.mode === 'set' && quantity < 0) {
      throw fieldInvalid('quantity', 'stocktake.count-below-zero', 'A count cannot be below zero');
    }
    const delta = input.mode === 'set' ? quantity - countedBefore : quantity;
    if (countedBefore + delta < 0) {
      throw fieldInvalid('quantity', 'stocktake.count-below-zero', 'A count cannot be below zero');
    }
    const ledgerSeq = await ledgerPosition(tx);
    await tx.db
      .insert(stocktakeCounts)
      .values({
        id: input.entryId,
        stocktakeId: stocktake.id,
        storeId: ctx.storeId,
        productId: product.id,
        quantity: delta,
        scannedCode: input.code ?? null,
        countedBy: ctx.actor.staffId,
        countedAt: tx.now(),
        ledgerSeq,
      })
      .onConflictDoNothing({ target: stocktakeCounts.id });
    const answer = await answerKnownEntry(tx, input.entryId, input.stocktakeId);
    if (!answer) throw new Error('count entry vanished');
    return answer;
  });
}

async function answerKnownEntry(ctx: StaffContext, entryId: string, stocktakeId: string) {
  const [entry] = await ctx.db
    .select({
      id: stocktakeCounts.id,
      storeId: stocktakeCounts.storeId,
      stocktakeId: stocktakeCounts.stocktakeId,
      quantity: stocktakeCounts.quantity,
      scannedCode: stocktakeCounts.scannedCode,
      countedAt: stocktakeCounts.countedAt,
      product: productColumns,
    })
    .from(stocktakeCounts)
    .innerJoin(products, eq(products.id, stocktakeCounts.productId))
    .where(eq(stocktakeCounts.id, entryId));
  if (!entry) return null;
  if (entry.storeId !== ctx.storeId || entry.stocktakeId !== stocktakeId) {
    throw new DomainError('CONFLICT', 'stocktake.count-id-taken', 'Id already used');
  }
  const { product, storeId: _store, stocktakeId: _stocktake, ...rest } = entry;
  return {
    entry: rest,
    product: { id: product.id, code: product.code, nameZh: product.nameZh, nameEn: product.nameEn, unit: product.unit },
    countedTotal: await countedTotal(ctx, stocktakeId, product.id),
  };
}

async function countedTotal(ctx: StaffContext, stocktakeId: string, productId: string): Promise<number> {
  const [row] = await ctx.db
    .select({ total: sql<number>`coalesce(sum(${stocktakeCounts.quantity}), 0)::int` })
    .from(stocktakeCounts)
    .where(and(eq(stocktakeCounts.stocktakeId, stocktakeId), eq(stocktakeCounts.productId, productId)));
  return Number(row?.total ?? 0);
}

async function resolveProduct(
  ctx: StaffContext,
  input: { code?: string | undefined; productId?: string | undefined },
): Promise<{ product: CountedProduct; weightGrams: number | null }> {
  const ofStore = (...conditions: Parameters<typeof and>) =>
    ctx.db
      .select(productColumns)
      .from(products)
      .where(and(eq(products.storeId, ctx.storeId), ...conditions))
      .then((rows) => rows[0] ?? null);
  if (input.productId !== undefined) {
    const product = await ofStore(eq(products.id, input.productId));
    if (!product) throw notFound('product');
    return { product, weightGrams: null };
  }
  const code = input.code ?? '';
  const resolved = await resolveInStore(ctx, code, productColumns);
  if (resolved) {
    return {
      product: resolved.product,
      weightGrams: resolved.kind === 'embedded-weight' ? resolved.weightGrams : null,
    };
  }
  const byItemCode = await ofStore(eq(products.code, code));
  if (!byItemCode) throw fieldInvalid('code', 'barcode.not-found', 'No product has this code');
  return { product: byItemCode, weightGrams: null };
}

/**
 * Takes the product's item row, so entries for one product queue (a `set` sees the entries before it). A product
 * found on the shelf but not frozen at the start (new, or inactive without stock) joins with its stock then.
 */
async function lockItem(ctx: StaffContext, stocktake: StocktakeRow, productId: string): Promise<void> {
  const item = () =>
    ctx.db
      .select({ productId: stocktakeItems.productId })
      .from(stocktakeItems)
      .where(and(eq(stocktakeItems.stocktakeId, stocktake.id), eq(stocktakeItems.productId, productId)))
      .for('update');
  if ((await item()).length > 0) return;
  const [before] = await ctx.db
    .select({ onHand: sql<number>`coalesce(sum(${stockMovements.quantityDelta}), 0)::int` })
    .from(stockMovements)
    .where(
      and(
        eq(stockMovements.storeId, ctx.storeId),
        eq(stockMovements.productId, productId),
        stocktake.frozenSeq === null
          ? lte(stockMovements.createdAt, stocktake.startedAt)
          : lte(stockMovements.seq, stocktake.frozenSeq),
      ),
    );
  const [cost] = await ctx.db
    .select({ costFen: sql<number>`coalesce(${stockLevels.avgCostFen}, ${products.costFen})` })
    .from(products)
    .leftJoin(stockLevels, and(eq(stockLevels.storeId, products.storeId), eq(stockLevels.productId, products.id)))
    .where(eq(products.id, productId));
  await ctx.db
    .insert(stocktakeItems)
    .values({
      stocktakeId: stocktake.id,
      storeId: ctx.storeId,
      productId,
      frozenOnHand: Number(before?.onHand ?? 0),
      unitCostFen: Number(cost?.costFen ?? 0),
    })
    .onConflictDoNothing();
  await item();
}
