import { and, asc, eq } from 'drizzle-orm';
import type postgres from 'postgres';
import type { Database } from '../db/client';
import { lanes, products } from '../db/schema';
import type { StaffContext } from '../server/core/context';
import { newId } from '../server/core/ids';
import { priceSale, settle, type SaleLine } from '../server/domain/sale';
import { receiptNumber } from '../server/domain/store-time';
import { finalizeSale } from '../server/sales/finalize-sale';
import { openShift } from '../server/shifts/open-shift';
import { addBenchCashier } from './bench-context';
import { fmt, percentile } from './stats';

const LINES_PER_SALE = 5;

type Product = { id: string; departmentId: string; priceFen: number; vatRateBps: number };

function saleLines(pool: Product[], seed: number): SaleLine[] {
  return Array.from({ length: LINES_PER_SALE }, (_, i) => {
    const p = pool[(seed * 7 + i * 13) % pool.length] as Product;
    return {
      lineId: newId(),
      productId: p.id,
      scannedCode: 'bench',
      nameZh: 'bench',
      nameEn: 'bench',
      departmentId: p.departmentId,
      vatRateBps: p.vatRateBps,
      unit: 'each',
      quantity: 1 + (i % 2),
      weightGrams: null,
      unitPriceFen: p.priceFen,
      labelTotalFen: null,
      discount: null,
    };
  });
}

/** Sales/s through finalizeSale with `laneCount` lanes selling at once, and raw postgres.js writing the same rows. */
export async function benchFinalizeSales(
  db: Database,
  storeId: string,
  raw: postgres.Sql | null,
  salesPerLane: number,
  laneCount = 8,
) {
  const storeLanes = (await db.select().from(lanes).where(eq(lanes.storeId, storeId)).orderBy(asc(lanes.number))).slice(
    0,
    laneCount,
  );
  const pool = await db
    .select({
      id: products.id,
      departmentId: products.departmentId,
      priceFen: products.priceFen,
      vatRateBps: products.vatRateBps,
    })
    .from(products)
    .where(and(eq(products.storeId, storeId), eq(products.unit, 'each')))
    .limit(500);
  const lanesWithShifts = await Promise.all(
    storeLanes.map(async (lane, i) => {
      const cashier = await addBenchCashier(db, storeId, `8${String(i).padStart(3, '0')}99`);
      const ctx: StaffContext = {
        db,
        now: () => new Date(),
        storeId,
        actor: { staffId: cashier, role: 'cashier', storeId },
      };
      const { shift } = await openShift(ctx, { shiftId: newId(), laneId: lane.id, openingFloatFen: 0 });
      return { lane, ctx, shiftId: shift.id };
    }),
  );
  let clock = Date.now();
  const latencies: number[] = [];
  const started = performance.now();
  await Promise.all(
    lanesWithShifts.map(async ({ lane, ctx, shiftId }, laneIndex) => {
      for (let n = 0; n < salesPerLane; n++) {
        const saleStarted = performance.now();
        const lines = saleLines(pool, laneIndex * salesPerLane + n);
        const total = priceSale(lines, null).totalFen;
        const soldAt = new Date(clock++);
        await finalizeSale(ctx, {
          saleId: newId(),
          laneId: lane.id,
          shiftId,
          receiptNo: receiptNumber(lane.number, soldAt, 'Asia/Shanghai'),
          soldAt,
          customerSegment: null,
          lines,
          saleDiscount: null,
          tenders: [{ tenderId: newId(), kind: 'cash', amountFen: total, reference: null }],
        });
        latencies.push(performance.now() - saleStarted);
      }
    }),
  );
  const serviceSeconds = (performance.now() - started) / 1000;
  const total = salesPerLane * lanesWithShifts.length;
  let rawSeconds: number | null = null;
  const rawLatencies: number[] = [];
  if (raw) {
    const rawStarted = performance.now();
    await Promise.all(
      lanesWithShifts.map(async ({ lane, shiftId, ctx }, laneIndex) => {
        for (let n = 0; n < salesPerLane; n++) {
          const saleStarted = performance.now();
          await rawSale(
            raw,
            storeId,
            lane.id,
            shiftId,
            ctx.actor.staffId,
            saleLines(pool, laneIndex * salesPerLane + n),
            new Date(clock++),
            lane.number,
          );
          rawLatencies.push(performance.now() - saleStarted);
        }
      }),
    );
    rawSeconds = (performance.now() - rawStarted) / 1000;
  }
  const rate = total / serviceSeconds;
  const rawRate = rawSeconds ? total / rawSeconds : null;
  const sorted = latencies.sort((a, b) => a - b);
  const rawSorted = rawLatencies.sort((a, b) => a - b);
  return {
    header: [
      'finalize sales (8 lanes, 5 lines)',
      'sales',
      'sales/s',
      'raw sales/s',
      'ratio',
      'p50',
      'p95',
      'raw p50',
      'raw p95',
    ],
    rows: [
      [
        `${lanesWithShifts.length} lanes concurrently`,
        String(total),
        rate.toFixed(0),
        rawRate ? rawRate.toFixed(0) : '—',
        rawRate
          ? rawRate > rate
            ? `${(rawRate / rate).toFixed(2)}× slower than raw`
            : `${(rate / rawRate).toFixed(2)}× faster than raw`
          : '—',
        fmt(percentile(sorted, 50)),
        fmt(percentile(sorted, 95)),
        raw ? fmt(percentile(rawSorted, 50)) : '—',
        raw ? fmt(percentile(rawSorted, 95)) : '—',
      ],
    ],
  };
}

/** The same rows finalizeSale writes, with hand-written SQL: the floor to compare against. */
async function rawSale(
  sql: postgres.Sql,
  storeId: string,
  laneId: string,
  shiftId: string,
  staffId: string,
  lines: SaleLine[],
  soldAt: Date,
  laneNumber: number,
) {
  const totals = priceSale(lines, null);
  const change = settle(totals.totalFen, [{ kind: 'cash', amountFen: totals.totalFen }]).changeFen;
  const saleId = newId();
  await sql.begin(async (tx) => {
    await tx`insert into sales (id, store_id, lane_id, shift_id, staff_id, kind, receipt_no, gross_fen, discount_fen, total_fen, change_fen, business_date, local_hour, sold_at, recorded_at)
      values (${saleId}, ${storeId}, ${laneId}, ${shiftId}, ${staffId}, 'sale', ${`R${receiptNumber(laneNumber, soldAt, 'Asia/Shanghai')}`}, ${totals.grossFen}, ${totals.discountFen}, ${totals.totalFen}, ${change}, '2026-11-21', 10, ${soldAt}, now())
      on conflict (id) do nothing`;
    const lineRows = lines.map((l, i) => ({
      id: l.lineId,
      sale_id: saleId,
      store_id: storeId,
      line_no: i + 1,
      product_id: l.productId,
      scanned_code: l.scannedCode,
      name_zh: l.nameZh,
      department_id: l.departmentId,
      unit: l.unit,
      quantity: l.quantity,
      unit_price_fen: l.unitPriceFen,
      gross_fen: totals.lines[i]?.grossFen ?? 0,
      line_discount_fen: 0,
      sale_discount_fen: 0,
      total_fen: totals.lines[i]?.totalFen ?? 0,
      vat_rate_bps: l.vatRateBps,
      vat_fen: totals.lines[i]?.vatFen ?? 0,
    }));
    await tx`insert into sale_lines ${tx(lineRows)}`;
    await tx`insert into sale_tenders (id, sale_id, store_id, kind, amount_fen) values (${newId()}, ${saleId}, ${storeId}, 'cash', ${totals.totalFen})`;
    await tx`insert into cash_movements (id, store_id, shift_id, kind, amount_fen, sale_id, created_at) values (${newId()}, ${storeId}, ${shiftId}, 'sale', ${totals.totalFen}, ${saleId}, now())`;
    const deltas = [...new Set(lines.map((l) => l.productId))].sort().map((productId) => ({
      productId,
      delta: -lines.filter((l) => l.productId === productId).reduce((s, l) => s + l.quantity, 0),
    }));
    await tx`insert into stock_movements ${tx(deltas.map((d) => ({ id: newId(), store_id: storeId, product_id: d.productId, kind: 'sale', quantity_delta: d.delta, source_type: 'sale', source_id: saleId, created_at: new Date() })))}`;
    await tx`insert into stock_levels ${tx(deltas.map((d) => ({ store_id: storeId, product_id: d.productId, on_hand: d.delta, updated_at: new Date() })))}
      on conflict (store_id, product_id) do update set on_hand = stock_levels.on_hand + excluded.on_hand, updated_at = excluded.updated_at`;
  });
}
