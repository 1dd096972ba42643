import postgres from 'postgres';
import { openDatabase, type Database, type DatabaseConfig } from '../db/client';
import { runMigrations } from '../db/migrate';
import { seedLargeMovements } from '../db/seed/large-movements';
import { seedLargeCatalog } from '../db/seed/large-seed';
import { seedReorderRules, staffContextForBench } from './bench-context';
import { benchCatalogImport } from './catalog-import';
import { benchFinalizeSales } from './finalize-sales';
import { benchProductSearch } from './product-search';
import { benchStockLists } from './stock-lists';

/**
 * `npm run bench`: on PostgreSQL (BENCH_DATABASE_URL, else TEST_DATABASE_URL's server, database lanekeeper_bench)
 * or, without either, on an embedded PGlite under .data/bench. Prints figures; asserts nothing.
 */
const products = Number(process.env.BENCH_PRODUCTS ?? 200_000);
const runs = Number(process.env.BENCH_RUNS ?? 200);
/** BENCH_STEPS=sales,import runs only those steps (of search, lists, sales, import); all by default. */
const steps = new Set((process.env.BENCH_STEPS ?? 'search,lists,sales,import').split(',').map((s) => s.trim()));
const movementsFor = (kind: string) =>
  Number(process.env.BENCH_MOVEMENTS ?? (kind === 'postgres' ? 10_000_000 : 1_000_000));

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

/** Runs `work` on a fresh migrated database dropped afterwards, so imported catalogs do not pile up between runs. */
async function inScratchDatabase<T>(base: DatabaseConfig, work: (db: Database) => Promise<T>): Promise<T> {
  const name = `lanekeeper_bench_scratch_${process.pid}`;
  let config: DatabaseConfig;
  let admin: postgres.Sql | null = null;
  if (base.kind === 'postgres') {
    admin = postgres(base.url, { onnotice: () => {}, max: 1 });
    await admin.unsafe(`create database ${name}`);
    const url = new URL(base.url);
    url.pathname = `/${name}`;
    config = { kind: 'postgres', url: url.toString(), maxConnections: 4 };
  } else {
    config = { kind: 'pglite', dataDir: null };
  }
  const scratch = await openDatabase(config);
  try {
    await runMigrations(scratch);
    return await work(scratch.db);
  } finally {
    await scratch.close();
    if (admin) {
      await admin.unsafe(`drop database if exists ${name}`);
      await admin.end();
    }
  }
}

const SETTLED_TABLES = [
  'products',
  'barcodes',
  'stock_levels',
  'stock_movements',
  'sales',
  'sale_lines',
  'sale_tenders',
  'cash_movements',
  'shifts',
];

/**
 * Like pgbench, measures from a settled database: earlier runs' dead rows vacuumed (this machine's server runs
 * with autovacuum off, so they pile up) and the planner's statistics fresh after the seed.
 */
async function settle(sql: postgres.Sql): Promise<void> {
  const [setting] = await sql<{ autovacuum: string }[]>`show autovacuum`;
  const started = performance.now();
  await sql.unsafe(`vacuum (analyze) ${SETTLED_TABLES.join(', ')}`);
  const autovacuum = setting?.autovacuum === 'off' ? ' (autovacuum is off on this server)' : '';
  console.log(`Vacuumed and analyzed in ${((performance.now() - started) / 1000).toFixed(1)} s${autovacuum}`);
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
  const movements = movementsFor(config.kind);
  const ledgerStarted = performance.now();
  const { added } = await seedLargeMovements(handle.db, storeId, movements, (n) => console.log(`  ledger ${n}…`));
  if (added)
    console.log(`Added ${added} stock movements in ${((performance.now() - ledgerStarted) / 1000).toFixed(1)} s`);
  await seedReorderRules(handle.db, storeId);
  if (raw) await settle(raw);
  const ctx = await staffContextForBench(handle.db, storeId);
  const printed = (table: { header: string[]; rows: string[][] }) => {
    console.log('');
    printTable(table.header, table.rows);
  };
  if (steps.has('search')) printed(await benchProductSearch(ctx, raw, runs));
  if (steps.has('lists')) printed(await benchStockLists(ctx, raw, runs, movements));
  if (steps.has('sales')) {
    printed(await benchFinalizeSales(handle.db, storeId, raw, Number(process.env.BENCH_SALES_PER_LANE ?? 1000)));
  }
  if (steps.has('import')) {
    const lines = Number(process.env.BENCH_IMPORT_LINES ?? 100_000);
    printed(await inScratchDatabase(config, (db) => benchCatalogImport(db, lines)));
  }
  if (!raw) console.log('\n(raw postgres.js figures need PostgreSQL: set BENCH_DATABASE_URL or TEST_DATABASE_URL)');
  console.log(
    '\nCheckout lane in the browser (100,000 products: open, first download, scan → line): npm run bench:lane',
  );
} finally {
  await raw?.end();
  await handle.close();
}
