import type postgres from 'postgres';
import type { StaffContext } from '../server/core/context';
import { listProducts } from '../server/catalog/list-products';
import { normalizeSearchText } from '../server/domain/pinyin';
import { fmt, percentile, timeRuns } from './stats';

const QUERIES = [
  { label: 'first page, no filter', query: undefined },
  { label: 'pinyin initials "kkkl"', query: 'kkkl' },
  { label: 'Chinese "牛奶"', query: '牛奶' },
  { label: 'English "noodles"', query: 'noodles' },
  { label: 'rare text "zz-none"', query: 'zz-none' },
];

/** p50/p95 of the back office's product search through the service, against the same SQL on raw postgres.js. */
export async function benchProductSearch(ctx: StaffContext, raw: postgres.Sql | null, runs: number) {
  const rows: string[][] = [];
  for (const { label, query } of QUERIES) {
    await listProducts(ctx, { query });
    const service = await timeRuns(runs, () => listProducts(ctx, { query }));
    let rawTimes: number[] | null = null;
    if (raw) {
      const pattern = query ? `%${normalizeSearchText(query)}%` : null;
      const rawQuery = () => raw`
        select p.id, p.code, p.name_zh, p.name_en, d.name_zh as dzh, d.name_en as den, p.unit, p.price_fen, p.vat_rate_bps, p.plu, p.active
        from products p join departments d on d.id = p.department_id
        where p.store_id = ${ctx.storeId} ${pattern ? raw`and p.search_text like ${pattern}` : raw``}
        order by p.code limit 51 offset 0`;
      await rawQuery();
      rawTimes = await timeRuns(runs, rawQuery);
    }
    const p50 = percentile(service, 50);
    const p95 = percentile(service, 95);
    rows.push([
      label,
      fmt(p50),
      fmt(p95),
      rawTimes ? fmt(percentile(rawTimes, 50)) : '—',
      rawTimes ? fmt(percentile(rawTimes, 95)) : '—',
      rawTimes ? `${(p50 / percentile(rawTimes, 50)).toFixed(2)}×` : '—',
    ]);
  }
  return { header: ['product search', 'p50', 'p95', 'raw p50', 'raw p95', 'ratio p50'], rows };
}
