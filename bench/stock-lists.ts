import type postgres from 'postgres';
import type { StaffContext } from '../server/core/context';
import { listProducts } from '../server/catalog/list-products';
import { listStock } from '../server/stock/list-stock';
import { listStockHistory } from '../server/stock/list-stock-history';
import { fmt, percentile, timeRuns } from './stats';

interface Case {
  label: string;
  service: (i: number) => Promise<unknown>;
  raw?: (i: number) => Promise<unknown>;
}

/**
 * p50/p95 of the stock list, a product's stock history and the product list through their services, with a
 * large ledger behind them, beside the plain SQL of the first two on raw postgres.js.
 */
export async function benchStockLists(ctx: StaffContext, raw: postgres.Sql | null, runs: number, movements: number) {
  const first = await listStock(ctx, { pageSize: 50 });
  const middle = await listStock(ctx, { afterCode: first.items[25]?.code.replace(/\d$/, '5'), pageSize: 50 });
  const productIds = [...first.items, ...middle.items].map((item) => item.productId);
  const productAt = (i: number) => productIds[i % productIds.length] as string;
  const secondPage = await listStockHistory(ctx, { productId: productAt(0) });
  const cases: Case[] = [
    {
      label: 'stock list, first page',
      service: () => listStock(ctx, { pageSize: 50 }),
      raw: raw
        ? () => raw`
            select p.id, p.code, p.name_zh, p.name_en, p.unit, p.active, d.name_zh, d.name_en,
              coalesce(l.on_hand, 0), coalesce(l.avg_cost_fen, p.cost_fen), r.reorder_point
            from products p join departments d on d.id = p.department_id
            left join stock_levels l on l.store_id = p.store_id and l.product_id = p.id
            left join reorder_rules r on r.store_id = p.store_id and r.product_id = p.id
            where p.store_id = ${ctx.storeId} order by p.code limit 51`
        : undefined,
    },
    { label: 'stock list, a page deep in', service: () => listStock(ctx, { afterCode: middle.items[0]?.code }) },
    { label: 'stock list, search "牛奶"', service: () => listStock(ctx, { query: '牛奶' }) },
    { label: 'stock list, negative only', service: () => listStock(ctx, { negativeOnly: true }) },
    { label: 'stock list, low only', service: () => listStock(ctx, { lowOnly: true }) },
    {
      label: 'stock history, first page',
      service: (i) => listStockHistory(ctx, { productId: productAt(i) }),
      raw: raw
        ? (i) => raw`
            select m.id, m.kind, m.quantity_delta, m.unit_cost_fen, m.source_type, m.source_id, m.created_at
            from stock_movements m
            where m.store_id = ${ctx.storeId} and m.product_id = ${productAt(i)}
            order by m.created_at desc, m.id desc limit 51`
        : undefined,
    },
    {
      label: 'stock history, second page',
      service: () => listStockHistory(ctx, { productId: productAt(0), cursor: secondPage.nextCursor ?? undefined }),
    },
    { label: 'product list, first page', service: () => listProducts(ctx, {}) },
    { label: 'product list, search "牛奶"', service: () => listProducts(ctx, { query: '牛奶' }) },
  ];
  const rows: string[][] = [];
  for (const { label, service, raw: rawCase } of cases) {
    await service(0);
    const times = await timeRuns(runs, service);
    const rawTimes = rawCase ? (await rawCase(0), await timeRuns(runs, rawCase)) : null;
    rows.push([
      label,
      fmt(percentile(times, 50)),
      fmt(percentile(times, 95)),
      rawTimes ? fmt(percentile(rawTimes, 50)) : '—',
      rawTimes ? fmt(percentile(rawTimes, 95)) : '—',
      rawTimes ? `${(percentile(times, 50) / percentile(rawTimes, 50)).toFixed(2)}×` : '—',
    ]);
  }
  const header = [
    `stock lists (${movements.toLocaleString('en')} movements)`,
    'p50',
    'p95',
    'raw p50',
    'raw p95',
    'ratio p50',
  ];
  return { header, rows };
}
