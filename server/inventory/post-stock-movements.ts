import { and, eq, inArray, sql } from 'drizzle-orm';
import { products, stockLevels, stockMovements } from '../../db/schema';
import type { StaffContext } from '../core/context';
import { DomainError } from '../core/errors';
import { newId } from '../core/ids';

export type StockMovementKind = 'receipt' | 'adjustment' | 'count' | 'transfer_out' | 'transfer_in';

/** Goods that arrive at a cost of their own move the average: from a supplier, or from another store. */
const AVERAGED_KINDS: ReadonlySet<StockMovementKind> = new Set(['receipt', 'transfer_in']);

/** Which document a movement comes from: the table's name and the row's id. */
export type StockSourceType = 'goods_receipt' | 'stock_adjustment' | 'stock_transfer';

export interface StockMove {
  productId: string;
  /** Units for counted goods, grams for weighed goods; negative takes stock out. */
  quantityDelta: number;
  /** Receipts and transfers in: what each unit (kg) cost, which moves the average. Others: left out, the average is used. */
  unitCostFen?: number;
}

export interface PostedLevel {
  productId: string;
  onHand: number;
  avgCostFen: number;
}

/**
 * Appends a document's movements to the store's ledger and moves the on-hand projection (and, for goods arriving
 * at a cost, the moving-average cost) with them, in the caller's transaction. Levels are locked in product id order, so
 * documents and lanes touching the same goods queue instead of deadlocking.
 */
export async function postStockMovements(
  tx: StaffContext,
  kind: StockMovementKind,
  source: { type: StockSourceType; id: string },
  moves: readonly StockMove[],
): Promise<PostedLevel[]> {
  if (!tx.inTransaction) throw new Error('postStockMovements must run inside the document’s transaction');
  const byProduct = new Map<string, { delta: number; costFen: number; costQuantity: number }>();
  for (const move of moves) {
    if (!Number.isSafeInteger(move.quantityDelta)) throw new RangeError('quantityDelta must be an integer');
    const total = byProduct.get(move.productId) ?? { delta: 0, costFen: 0, costQuantity: 0 };
    total.delta += move.quantityDelta;
    if (move.unitCostFen !== undefined) {
      total.costFen += move.unitCostFen * move.quantityDelta;
      total.costQuantity += move.quantityDelta;
    }
    byProduct.set(move.productId, total);
  }
  const productIds = [...byProduct.keys()].sort();
  if (productIds.length === 0) return [];
  // Products first (no key update: sales hold key-share locks on them), then their levels in a statement of its
  // own, which sees what the last holder of the lock wrote.
  const locked = await tx.db
    .select({ id: products.id, costFen: products.costFen })
    .from(products)
    .where(and(eq(products.storeId, tx.storeId), inArray(products.id, productIds)))
    .orderBy(products.id)
    .for('no key update');
  const levelsBefore = await tx.db
    .select({ productId: stockLevels.productId, onHand: stockLevels.onHand, avgCostFen: stockLevels.avgCostFen })
    .from(stockLevels)
    .where(and(eq(stockLevels.storeId, tx.storeId), inArray(stockLevels.productId, productIds)));
  const levelOf = new Map(levelsBefore.map((level) => [level.productId, level]));
  const known = locked.map((product) => ({ ...product, ...levelOf.get(product.id) }));
  if (known.length !== productIds.length) {
    throw new DomainError('INVALID', 'stock.unknown-product', 'A line names a product this store does not have');
  }
  const at = tx.now();
  const levels = known.map((product) => {
    const total = byProduct.get(product.id) ?? { delta: 0, costFen: 0, costQuantity: 0 };
    const before = product.onHand ?? 0;
    const averageBefore = product.avgCostFen ?? product.costFen;
    const bringsCost = AVERAGED_KINDS.has(kind) && total.costQuantity > 0;
    const average = bringsCost ? movingAverage(before, averageBefore, total.costQuantity, total.costFen) : null;
    return {
      productId: product.id,
      delta: total.delta,
      onHand: before + total.delta,
      // Null stays null until goods arrive at a cost: until then the catalog's cost values the stock.
      storedAverage: average ?? product.avgCostFen ?? null,
      avgCostFen: average ?? averageBefore,
      movedAtFen: bringsCost ? Math.round(total.costFen / total.costQuantity) : averageBefore,
    };
  });
  const moved = levels.filter((level) => level.delta !== 0);
  if (moved.length === 0) return levels.map(({ productId, onHand, avgCostFen }) => ({ productId, onHand, avgCostFen }));
  await tx.db.insert(stockMovements).values(
    moved.map((level) => ({
      id: newId(),
      storeId: tx.storeId,
      productId: level.productId,
      kind,
      quantityDelta: level.delta,
      unitCostFen: level.movedAtFen,
      sourceType: source.type,
      sourceId: source.id,
      createdAt: at,
    })),
  );
  await tx.db
    .insert(stockLevels)
    .values(
      levels.map((level) => ({
        storeId: tx.storeId,
        productId: level.productId,
        onHand: level.delta,
        avgCostFen: level.storedAverage,
        updatedAt: at,
      })),
    )
    .onConflictDoUpdate({
      target: [stockLevels.storeId, stockLevels.productId],
      set: {
        onHand: sql`${stockLevels.onHand} + excluded.on_hand`,
        avgCostFen: sql`coalesce(excluded.avg_cost_fen, ${stockLevels.avgCostFen})`,
        updatedAt: at,
      },
    });
  return levels.map(({ productId, onHand, avgCostFen }) => ({ productId, onHand, avgCostFen }));
}

/** The average cost after receiving: stock already below zero carries no value into it. */
export function movingAverage(onHand: number, averageFen: number, receivedQuantity: number, receivedCostFen: number) {
  const base = Math.max(onHand, 0);
  if (base + receivedQuantity <= 0) return Math.round(receivedCostFen / receivedQuantity);
  return Math.round((base * averageFen + receivedCostFen) / (base + receivedQuantity));
}
