import postgres from 'postgres';
import { openDatabase, type DatabaseConfig } from '../db/client';
import { runMigrations } from '../db/migrate';
import { seedLargeCatalog } from '../db/seed/large-seed';
import { staffContextForBench } from './bench-context';
import { benchFinalizeSales } from './finalize-sales';
import { benchProductSearch } from './product-search';

/**
 * `npm run bench`: on PostgreSQL (BENCH_DATABASE_URL, else TEST_DATABASE_URL's server, database lanekeeper_bench)
 * or, without either, on an embedded PGlite under .data/bench. Prints figures; asserts nothing.
 */
const products = Number(process.env.BENCH_PRODUCTS ?? 200_000);
const runs = Number(process.env.BENCH_RUNS ?? 200);

async function benchDatabaseConfig(): Promise<DatabaseConfig> {
  if (process.env.BENCH_DATABASE_URL) return { kind: 'postgres', url: process.env.BENCH_DATABASE_URL };
  if (!process.env.TEST_DATABASE_URL) return { kind: 'pglite', dataDir: '.data/bench' };
  const admin = postgres(process.env.TEST_DATABASE_URL, { onnotice: () => {}, max: 1 });
  const [exists] = await admin`select 1 from pg_database where datname = 'lanekeeper_bench'`;
  if (!exists) await admin.unsafe('create database lanekeeper_bench');
  await admin.end();
  const url = new URL(process.env.TEST_DATABASE_URL);
  url.pathname = '/lanekeeper_bench';
  return { kind: 'postgres', url: url.toString(), maxConnections: 8 };
}

function printTable(header: string[], rows: string[][]): void {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: string[]) => cells.map((c, i) => c.padEnd(widths[i] ?? 0)).join('  ');
  console.log(line(header));
  console.log(widths.map((w) => '-'.repeat(w)).join('  '));
  for (const row of rows) console.log(line(row));
}

const config = await benchDatabaseConfig();
const handle = await openDatabase(config);
const raw = config.kind === 'postgres' ? postgres(config.url, { onnotice: () => {}, max: 8 }) : null;
try {
  console.log(`Lanekeeper bench on ${handle.kind} (${handle.location}), ${products} products, ${runs} runs per figure`);
  await runMigrations(handle);
  const started = performance.now();
  const { storeId, created } = await seedLargeCatalog(handle.db, products, (n) => console.log(`  seeded ${n}…`));
  if (created) console.log(`Seeded the large catalog in ${((performance.now() - started) / 1000).toFixed(1)} s`);
  const ctx = await staffContextForBench(handle.db, storeId);
  const search = await benchProductSearch(ctx, raw, runs);
  console.log('');
  printTable(search.header, search.rows);
  const sales = await benchFinalizeSales(handle.db, storeId, raw, Number(process.env.BENCH_SALES_PER_LANE ?? 250));
  console.log('');
  printTable(sales.header, sales.rows);
  if (!raw) console.log('\n(raw postgres.js figures need PostgreSQL: set BENCH_DATABASE_URL or TEST_DATABASE_URL)');
  console.log(
    '\nCheckout lane in the browser (100,000 products: open, first download, scan → line): npm run bench:lane',
  );
} finally {
  await raw?.end();
  await handle.close();
}
