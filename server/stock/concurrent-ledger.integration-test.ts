import { and, eq, inArray, sql } from 'drizzle-orm';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { stockLevels, stockMovements } from '../../db/schema';
import { createProduct } from '../catalog/create-product';
import { inTransaction } from '../core/context';
import { newId } from '../core/ids';
import { receiptNumber } from '../domain/store-time';
import { postStockMovements } from '../inventory/post-stock-movements';
import { finalizeSale } from '../sales/finalize-sale';
import { findSaleForReturn } from '../sales/find-sale-for-return';
import { recordReturn } from '../sales/record-return';
import { createStoreFixture } from '../testing/fixtures';
import { addProduct, openShiftFor, saleInput, saleLine, storeLanes } from '../testing/sale-fixtures';
import { createTestDatabase, type TestDatabase } from '../testing/test-database';
import { createStockAdjustment } from './create-stock-adjustment';
import { receiveStockTransfer } from './receive-stock-transfer';
import { sendStockTransfer } from './send-stock-transfer';

// Concurrent transactions need several connections; PGlite runs one at a time, so this proves nothing there.
const postgres = Boolean(process.env.TEST_DATABASE_URL);
let database: TestDatabase;

beforeAll(async () => {
  if (postgres) database = await createTestDatabase('postgres');
});
afterAll(async () => {
  if (postgres) await database.dispose();
});

/** mulberry32: a small seeded PRNG, so a failing run can be replayed from its seed. */
function prng(seed: number) {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

it.skipIf(!postgres)(
  'keeps on hand equal to the sum of movements at every moment while sales, returns, receipts, adjustments and transfers race',
  async () => {
    const db = database.db;
    const seed = Number(process.env.LEDGER_SEED ?? Date.now() % 1_000_000);
    const home = await createStoreFixture(db);
    const away = await createStoreFixture(db);
    const goods: Awaited<ReturnType<typeof addProduct>>[] = [];
    for (let i = 0; i < 4; i++) goods.push(await addProduct(home, { priceFen: 100 + i }));
    for (const product of goods) {
      await createProduct(away.as('store_manager'), {
        id: newId(),
        code: product.code,
        nameZh: product.nameZh,
        nameEn: product.nameEn,
        departmentId: away.departmentId('20'),
        unit: 'each',
        priceFen: product.priceFen,
        costFen: 200,
        vatRateBps: 1300,
        plu: null,
        active: true,
        barcodes: [],
      });
    }
    const lanes = await storeLanes(db, home.storeId);
    const cashier = home.as('cashier');
    const shifts = await Promise.all(
      lanes.map(async (lane) => ({ lane, shift: await openShiftFor(cashier, lane.id) })),
    );
    let returnMs = 0;

    async function worker(index: number, operations: number) {
      const random = prng(seed + index);
      const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)] as T;
      const soldHere: { saleId: string; receiptNo: string }[] = [];
      for (let op = 0; op < operations; op++) {
        const product = pick(goods);
        const other = pick(goods);
        const roll = random();
        if (roll < 0.3) {
          const { lane, shift } = pick(shifts);
          const lines = [saleLine(product, 1 + Math.floor(random() * 3))];
          if (other.id !== product.id) lines.push(saleLine(other, 1));
          const total = lines.reduce((sum, line) => sum + line.unitPriceFen * line.quantity, 0);
          const sale = saleInput(lane.id, lane.number, shift.id, lines, [{ kind: 'cash', amountFen: total }]);
          const recorded = await finalizeSale(cashier, sale);
          soldHere.push({ saleId: sale.saleId, receiptNo: recorded.receiptNo });
        } else if (roll < 0.45 && soldHere.length > 0) {
          const sold = soldHere.splice(Math.floor(random() * soldHere.length), 1)[0];
          if (!sold) continue;
          const found = await findSaleForReturn(cashier, { receiptNo: sold.receiptNo });
          const line = found.lines[0];
          if (!line) continue;
          const { lane, shift } = pick(shifts);
          const returnedAt = new Date(Date.UTC(2026, 10, 21, 5, 0, 0) + index * 100_000 + ++returnMs);
          await recordReturn(cashier, {
            returnId: newId(),
            laneId: lane.id,
            shiftId: shift.id,
            receiptNo: receiptNumber(lane.number, returnedAt, 'Asia/Shanghai'),
            returnedAt,
            originalSaleId: sold.saleId,
            lines: [{ lineId: newId(), originalLineId: line.lineId, quantity: 1 }],
          });
        } else if (roll < 0.6) {
          await inTransaction(home.as('supervisor'), (tx) =>
            postStockMovements(tx, 'receipt', { type: 'goods_receipt', id: newId() }, [
              { productId: product.id, quantityDelta: 1 + Math.floor(random() * 20), unitCostFen: 150 + op },
              { productId: other.id, quantityDelta: 1 + Math.floor(random() * 5), unitCostFen: 180 },
            ]),
          );
        } else if (roll < 0.8) {
          const taken = random() < 0.5;
          const both = other.id !== product.id;
          await createStockAdjustment(home.as('store_manager'), {
            id: newId(),
            // A reason whose direction fits the lines: losses take out, found puts in, mixed lines are a correction.
            reason: taken
              ? pick(['damaged', 'expired', 'theft', 'correction'] as const)
              : both
                ? 'correction'
                : pick(['found', 'correction'] as const),
            note: `worker ${index} op ${op}`,
            lines: [
              { productId: product.id, quantityDelta: taken ? -1 - Math.floor(random() * 4) : 3 },
              ...(both ? [{ productId: other.id, quantityDelta: -1 }] : []),
            ],
          });
        } else {
          const sent = await sendStockTransfer(home.as('supervisor'), {
            id: newId(),
            toStoreId: away.storeId,
            lines: [{ productId: product.id, quantity: 1 + Math.floor(random() * 4) }],
          });
          await receiveStockTransfer(away.as('supervisor'), {
            id: sent.id,
            lines: sent.lines.map((line) => ({
              lineId: line.id,
              quantityReceived: Math.max(0, line.quantitySent - Math.floor(random() * 2)),
            })),
          });
        }
      }
    }

    const storeIds = [home.storeId, away.storeId];
    /** Projection and ledger read in two statements of one REPEATABLE READ snapshot: they must agree. */
    const snapshot = () =>
      db.transaction(
        async (tx) => {
          const levels = await tx
            .select({ storeId: stockLevels.storeId, productId: stockLevels.productId, onHand: stockLevels.onHand })
            .from(stockLevels)
            .where(inArray(stockLevels.storeId, storeIds));
          const ledger = await tx
            .select({
              storeId: stockMovements.storeId,
              productId: stockMovements.productId,
              sum: sql<number>`sum(${stockMovements.quantityDelta})::int`,
            })
            .from(stockMovements)
            .where(inArray(stockMovements.storeId, storeIds))
            .groupBy(stockMovements.storeId, stockMovements.productId);
          const key = (r: { storeId: string; productId: string }) => `${r.storeId}/${r.productId}`;
          const sums = new Map(ledger.map((row) => [key(row), Number(row.sum)]));
          return {
            moved: ledger.length,
            differing: levels
              .filter((level) => level.onHand !== (sums.get(key(level)) ?? 0))
              .map((level) => ({ ...level, ledger: sums.get(key(level)) ?? 0 }))
              .concat(
                ledger
                  .filter((row) => !levels.some((level) => key(level) === key(row)))
                  .map((row) => ({ ...row, onHand: 0, ledger: Number(row.sum) })),
              ),
          };
        },
        { isolationLevel: 'repeatable read', accessMode: 'read only' },
      );

    let running = true;
    const snapshots: Awaited<ReturnType<typeof snapshot>>[] = [];
    const checker = (async () => {
      while (running) snapshots.push(await snapshot());
    })();
    try {
      await Promise.all([0, 1, 2, 3].map((index) => worker(index, 30)));
    } finally {
      running = false;
      await checker;
    }
    const final = await snapshot();
    expect({ seed, differing: snapshots.flatMap((s) => s.differing) }).toEqual({ seed, differing: [] });
    expect(final.differing).toEqual([]);
    expect(snapshots.length).toBeGreaterThan(10);
    expect(snapshots.some((s) => s.moved > 0 && s.moved < final.moved)).toBe(true);
    const homeLevels = await db
      .select()
      .from(stockLevels)
      .where(
        and(
          eq(stockLevels.storeId, home.storeId),
          inArray(
            stockLevels.productId,
            goods.map((g) => g.id),
          ),
        ),
      );
    expect(homeLevels).toHaveLength(goods.length);
  },
  120_000,
);
