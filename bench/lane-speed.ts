import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium, type BrowserContext, type Page } from '@playwright/test';
import { and, asc, eq } from 'drizzle-orm';
import postgres from 'postgres';
import { openDatabase, type DatabaseConfig, type Database } from '../db/client';
import { runMigrations } from '../db/migrate';
import { barcodes, products, staff } from '../db/schema';
import { seedLargeCatalog } from '../db/seed/large-seed';
import { hashPassword } from '../server/auth/password';
import { newId } from '../server/core/ids';
import { bindLaneDevice } from '../e2e/support/lane-device';
import { percentile } from './stats';

/**
 * `npm run bench:lane`: how fast a checkout lane with a large catalog opens and scans, in real Chromium against
 * the production app (`scripts/start.ts`, which builds when sources changed). Prints figures; asserts nothing.
 *
 * 1. Seeds (once, reused by later runs) a store with BENCH_LANE_PRODUCTS products and a cashier.
 * 2. Signs in at lane 1 and waits for the first full catalog download.
 * 3. Reopens the lane BENCH_LANE_REOPENS times: navigation start → barcode field shown, then a scan typed at once
 *    (Enter → its line painted); "ready to scan" is the sum, so the scanner's own typing time is left out.
 * 4. Scans BENCH_LANE_SCANS other products as keyboard-wedge bursts, alternately with focus in the barcode field
 *    (where the lane puts it) and elsewhere on the page (the wedge detector), timing Enter → line painted.
 *
 * Timing is in the page: the Enter keydown's event time, and the moment after the frame showing the new line was
 * painted (a MutationObserver sees the row, then requestAnimationFrame and one task later). The lane's own
 * user-timing entries (`lane:scan`, `lane:catalog-download`, see lanes/checkout/lane-timing.ts) are printed beside.
 *
 * Database: BENCH_DATABASE_URL, else database lanekeeper_bench_lane on TEST_DATABASE_URL's server, else PGlite
 * under .data/bench-lane.
 */
const root = path.resolve(import.meta.dirname, '..');
const PRODUCTS = Number(process.env.BENCH_LANE_PRODUCTS ?? 100_000);
const SCANS = Number(process.env.BENCH_LANE_SCANS ?? 200);
const REOPENS = Number(process.env.BENCH_LANE_REOPENS ?? 5);
const PAUSE_MS = Number(process.env.BENCH_LANE_PAUSE_MS ?? 100);
const KEY_DELAY_MS = 3;
const PORT = Number(process.env.BENCH_LANE_PORT ?? 3230);
const STORE_CODE = `LANE${PRODUCTS}`;
const CASHIER = { operatorNo: '770001', password: 'lanebench770001', name: '压测收银（车道）' };
const MANAGER = { operatorNo: '770002', password: 'lanebench770002', name: '压测店长（车道）' };
const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
/** BENCH_LANE_TRACE=1 records a Chrome trace of the scans and prints where the main thread's time went. */
const TRACE = Boolean(process.env.BENCH_LANE_TRACE);
const TRACE_CATEGORIES = [
  'devtools.timeline',
  'disabled-by-default-devtools.timeline',
  'blink.user_timing',
  'v8.execute',
  'blink',
];
const TARGETS = { readyMs: 3000, scanP95Ms: 30 };
const baseUrl = `http://localhost:${PORT}`;
const laneUrl = `${baseUrl}/lanes/1`;

interface PaintedLine {
  code: string;
  enterAt: number | null;
  /** The row is in the DOM (React committed it). */
  committedAt: number;
  /** The next frame begins (its requestAnimationFrame callbacks run, before style, layout and paint). */
  frameAt: number;
  /** That frame is painted (a task queued from its requestAnimationFrame runs). */
  paintedAt: number;
}

interface BenchProbe {
  enters: number[];
  fieldAt: number | null;
  expect: string | null;
  lines: PaintedLine[];
}

type ProbeWindow = Window & { __laneBench: BenchProbe };

/**
 * Runs first in every document of the bench's browser. Playwright sends its source text, so it is self-contained
 * and names no inner functions (tsx would wrap those in a `__name` helper the page does not have).
 */
function installProbe(): void {
  const probe: BenchProbe = { enters: [], fieldAt: null, expect: null, lines: [] };
  (window as unknown as ProbeWindow).__laneBench = probe;
  // Registered before the lane's own listeners, so it sees every Enter, also those the lane stops.
  window.addEventListener(
    'keydown',
    (event) => {
      if (event.key === 'Enter') probe.enters.push(event.timeStamp);
    },
    true,
  );
  new MutationObserver(() => {
    if (probe.fieldAt === null) {
      const field = document.getElementById('barcode');
      if (field instanceof HTMLInputElement && !field.disabled) probe.fieldAt = performance.now();
    }
    const code = probe.expect;
    if (code && document.querySelector('table[aria-label] tbody tr:last-child')?.textContent?.includes(code)) {
      probe.expect = null;
      const enterAt = probe.enters.at(-1) ?? null;
      const committedAt = performance.now();
      requestAnimationFrame(() => {
        const frameAt = performance.now();
        const channel = new MessageChannel();
        channel.port1.onmessage = () => {
          channel.port1.close();
          const paintedAt = performance.now();
          probe.lines.push({ code, enterAt, committedAt, frameAt, paintedAt });
          // In a trace (BENCH_LANE_TRACE) this marks each scan's window.
          if (enterAt !== null) performance.measure('bench:scan', { start: enterAt, end: paintedAt });
        };
        channel.port2.postMessage(null);
      });
    }
  }).observe(document, {
    childList: true,
    subtree: true,
    characterData: true,
    attributes: true,
    attributeFilter: ['disabled'],
  });
}

interface TraceEvent {
  name: string;
  ph: string;
  ts: number;
  dur?: number;
  pid: number;
  tid: number;
  id?: string;
  id2?: { local?: string };
  args?: { name?: string };
}

/**
 * Self time of the renderer main thread's events inside each scan's window (the probe's `bench:scan` measures),
 * averaged per scan, for the first and the last quarter of the scans: what grows with the sale's length.
 */
function printTraceBreakdown(buffer: Buffer): void {
  const file = path.join(os.tmpdir(), `lanekeeper-lane-trace-${Date.now()}.json`);
  fs.writeFileSync(file, buffer);
  const events = (JSON.parse(buffer.toString('utf8')) as { traceEvents: TraceEvent[] }).traceEvents;
  const starts = events.filter((e) => e.name === 'bench:scan' && (e.ph === 'b' || e.ph === 'B'));
  const ends = events.filter((e) => e.name === 'bench:scan' && (e.ph === 'e' || e.ph === 'E'));
  const pid = starts[0]?.pid;
  const main = events.find((e) => e.pid === pid && e.ph === 'M' && e.args?.name === 'CrRendererMain')?.tid;
  const windows = starts
    .map((start, i) => ({ start: start.ts, end: ends[i]?.ts ?? start.ts }))
    .sort((a, b) => a.start - b.start);
  const slices = events
    .filter((e) => e.pid === pid && e.tid === main && e.ph === 'X' && e.dur !== undefined)
    .sort((a, b) => a.ts - b.ts || (b.dur ?? 0) - (a.dur ?? 0));
  // Self time: each slice's duration less its direct children's, found with a stack of open slices.
  const self = new Map<TraceEvent, number>();
  const open: TraceEvent[] = [];
  for (const slice of slices) {
    while (open.length > 0 && (open.at(-1)?.ts ?? 0) + (open.at(-1)?.dur ?? 0) <= slice.ts) open.pop();
    const parent = open.at(-1);
    if (parent) self.set(parent, (self.get(parent) ?? 0) - (slice.dur ?? 0));
    self.set(slice, (self.get(slice) ?? 0) + (slice.dur ?? 0));
    open.push(slice);
  }
  const quarter = Math.max(1, Math.floor(windows.length / 4));
  const groups = [
    { label: 'first quarter', windows: windows.slice(0, quarter) },
    { label: 'last quarter', windows: windows.slice(-quarter) },
  ];
  const totals = groups.map((group) => {
    const byName = new Map<string, number>();
    for (const [slice, micros] of self) {
      if (group.windows.some((w) => slice.ts >= w.start && slice.ts < w.end)) {
        byName.set(slice.name, (byName.get(slice.name) ?? 0) + micros / 1000 / group.windows.length);
      }
    }
    return byName;
  });
  const names = [...new Set(totals.flatMap((t) => [...t.keys()]))]
    .sort((a, b) => (totals[1]?.get(b) ?? 0) - (totals[1]?.get(a) ?? 0))
    .slice(0, 25);
  console.log(`\nMain thread self time per scan, ms (trace ${file}; ${windows.length} scans):`);
  const rows = [['', ...groups.map((g) => g.label)]];
  for (const name of names) rows.push([name, ...totals.map((t) => (t.get(name) ?? 0).toFixed(2))]);
  rows.push(['all', ...totals.map((t) => [...t.values()].reduce((a, b) => a + b, 0).toFixed(2))]);
  printTable(rows);
}

async function benchDatabaseConfig(): Promise<DatabaseConfig> {
  if (process.env.BENCH_DATABASE_URL) return { kind: 'postgres', url: process.env.BENCH_DATABASE_URL };
  if (!process.env.TEST_DATABASE_URL) {
    return {
      kind: 'pglite',
      dataDir: path.resolve(process.env.BENCH_LANE_DATA_DIR ?? path.join(root, '.data/bench-lane')),
    };
  }
  const admin = postgres(process.env.TEST_DATABASE_URL, { onnotice: () => {}, max: 1 });
  const [exists] = await admin`select 1 from pg_database where datname = 'lanekeeper_bench_lane'`;
  if (!exists) await admin.unsafe('create database lanekeeper_bench_lane');
  await admin.end();
  const url = new URL(process.env.TEST_DATABASE_URL);
  url.pathname = '/lanekeeper_bench_lane';
  return { kind: 'postgres', url: url.toString() };
}

/** The bench store's cashier, and the manager who binds the browser to its lane 1. */
async function ensureStaff(db: Database, storeId: string): Promise<void> {
  for (const member of [
    { ...CASHIER, role: 'cashier' as const },
    { ...MANAGER, role: 'store_manager' as const },
  ]) {
    const [existing] = await db.select({ id: staff.id }).from(staff).where(eq(staff.operatorNo, member.operatorNo));
    if (existing) continue;
    await db.insert(staff).values({
      id: newId(),
      storeId,
      operatorNo: member.operatorNo,
      name: member.name,
      role: member.role,
      passwordHash: await hashPassword(member.password),
    });
  }
}

/** Barcodes of counted items spread evenly over the catalog, one per product. */
async function sampleBarcodes(db: Database, storeId: string, count: number): Promise<string[]> {
  const rows = await db
    .select({ code: barcodes.code, productId: barcodes.productId })
    .from(barcodes)
    .innerJoin(products, eq(products.id, barcodes.productId))
    .where(and(eq(barcodes.storeId, storeId), eq(products.active, true), eq(products.unit, 'each')))
    .orderBy(asc(barcodes.code));
  const seen = new Set<string>();
  const unique = rows.filter((r) => !seen.has(r.productId) && seen.add(r.productId));
  const step = Math.max(1, Math.floor(unique.length / count));
  return Array.from({ length: count }, (_, i) => unique[(i * step + 7) % unique.length]?.code ?? '');
}

async function prepareDatabase(config: DatabaseConfig) {
  const handle = await openDatabase(config);
  try {
    await runMigrations(handle);
    const started = performance.now();
    const { storeId, created } = await seedLargeCatalog(
      handle.db,
      PRODUCTS,
      (n) => console.log(`  seeded ${n}…`),
      STORE_CODE,
    );
    if (created) console.log(`Seeded ${PRODUCTS} products in ${((performance.now() - started) / 1000).toFixed(1)} s`);
    await ensureStaff(handle.db, storeId);
    const codes = await sampleBarcodes(handle.db, storeId, REOPENS + SCANS);
    return { location: handle.location, kind: handle.kind, codes };
  } finally {
    await handle.close();
  }
}

async function healthAnswers(): Promise<boolean> {
  try {
    return (await fetch(`${baseUrl}/api/health`)).ok;
  } catch {
    return false;
  }
}

/** `scripts/start.ts` in its own process group (it runs tsx, then `next start`), its output in a log file. */
function startApp(config: DatabaseConfig, logFile: string): ChildProcess {
  const log = fs.openSync(logFile, 'w');
  return spawn(path.join(root, 'node_modules', '.bin', 'tsx'), ['scripts/start.ts'], {
    cwd: root,
    detached: true,
    stdio: ['ignore', log, log],
    env: {
      ...process.env,
      PORT: String(PORT),
      DATABASE_URL: config.kind === 'postgres' ? config.url : '',
      LANEKEEPER_DATA_DIR: config.kind === 'pglite' ? (config.dataDir ?? '') : '',
    },
  });
}

function stopApp(app: ChildProcess): void {
  if (app.pid === undefined || app.exitCode !== null) return;
  try {
    process.kill(-app.pid, 'SIGTERM');
  } catch {
    // already gone
  }
}

async function waitForApp(app: ChildProcess, logFile: string): Promise<void> {
  const deadline = Date.now() + 30 * 60_000;
  while (Date.now() < deadline) {
    if (app.exitCode !== null) break;
    if (await healthAnswers()) return;
    await new Promise((resolve) => setTimeout(resolve, 1000));
  }
  const tail = fs.readFileSync(logFile, 'utf8').split('\n').slice(-30).join('\n');
  throw new Error(`The app did not start (log ${logFile}):\n${tail}`);
}

const probe = <T>(page: Page, read: (p: BenchProbe) => T): Promise<T> =>
  page.evaluate(`(${read.toString()})(window.__laneBench)`) as Promise<T>;

async function catalogSizeShown(page: Page): Promise<number> {
  const text = (await page.getByTestId('catalog-size').textContent()) ?? '';
  return Number(text.replace(/\D/g, '')) || 0;
}

/** Types the code as a scanner burst, then Enter; resolves with Enter → line painted, or null if no line came. */
async function wedgeScan(page: Page, code: string): Promise<PaintedLine | null> {
  const before = await probe(page, (p) => p.lines.length);
  await page.evaluate(`window.__laneBench.expect = ${JSON.stringify(code)}`);
  await page.keyboard.type(code, { delay: KEY_DELAY_MS });
  await page.keyboard.press('Enter');
  try {
    await page.waitForFunction(`window.__laneBench.lines.length > ${before}`, undefined, { timeout: 5000 });
  } catch {
    return null;
  }
  return probe(page, (p) => p.lines.at(-1) ?? null);
}

interface LaneMeasure {
  duration: number;
  detail: {
    source?: string;
    lookupMs?: number;
    committedMs?: number;
    products?: number;
    full?: boolean;
  } | null;
}

const laneMeasures = (page: Page, name: string): Promise<LaneMeasure[]> =>
  page.evaluate(
    (entryName) =>
      performance.getEntriesByName(entryName, 'measure').map((m) => ({
        duration: m.duration,
        detail: (m as PerformanceMeasure).detail as LaneMeasure['detail'],
      })),
    name,
  );

const ms = (value: number) => (Number.isFinite(value) ? `${value.toFixed(1)} ms` : '—');
const seconds = (value: number) => `${(value / 1000).toFixed(2)} s`;

function summary(label: string, values: number[]): string[] {
  const sorted = [...values].sort((a, b) => a - b);
  return [
    label,
    String(sorted.length),
    ms(percentile(sorted, 50)),
    ms(percentile(sorted, 95)),
    ms(sorted.at(-1) ?? Number.NaN),
  ];
}

function printTable(rows: string[][]): void {
  // A one-cell row is a heading across the table.
  const cells = rows.filter((r) => r.length > 1);
  const widths = (rows[0] ?? []).map((_, i) => Math.max(...cells.map((r) => (r[i] ?? '').length)));
  for (const row of rows)
    console.log(`  ${row.map((c, i) => (i === 0 ? c.padEnd(widths[i] ?? 0) : c.padStart(widths[i] ?? 0))).join('  ')}`);
}

async function signIn(context: BrowserContext): Promise<Page> {
  const page = await context.newPage();
  await bindLaneDevice(page, { storeCode: STORE_CODE, laneNumber: 1, ...MANAGER });
  await page.goto(laneUrl);
  await page.getByLabel('Operator number').fill(CASHIER.operatorNo);
  await page.getByLabel('Password').fill(CASHIER.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByLabel('Barcode').waitFor();
  return page;
}

async function measure(context: BrowserContext, codes: string[]): Promise<void> {
  // First open: sign in, then the whole catalog downloads into IndexedDB.
  const signInStarted = Date.now();
  let page = await signIn(context);
  await page.waitForFunction(
    `Number(document.querySelector('[data-testid="catalog-size"]')?.textContent?.replace(/\\D/g, '') ?? 0) >= ${PRODUCTS}`,
    undefined,
    { timeout: 20 * 60_000, polling: 200 },
  );
  const downloadMs = Date.now() - signInStarted;
  const laneDownload = (await laneMeasures(page, 'lane:catalog-download')).find((m) => m.detail?.full);
  console.log(
    `\nFirst catalog download (sign-in → ${await catalogSizeShown(page)} products cached): ${seconds(downloadMs)}` +
      (laneDownload ? ` (the lane's own measure: ${seconds(laneDownload.duration)})` : ''),
  );

  // Cached opens: a fresh page on the same browser profile each time (IndexedDB and HTTP cache kept).
  const opens: { fieldAt: number; scanMs: number; paintedAt: number; source: string }[] = [];
  for (let i = 0; i < REOPENS; i++) {
    await page.close();
    page = await context.newPage();
    await page.goto(laneUrl, { waitUntil: 'commit' });
    await page.waitForFunction('window.__laneBench?.fieldAt !== null', undefined, { timeout: 60_000, polling: 'raf' });
    const line = await wedgeScan(page, codes[i] ?? '');
    const fieldAt = await probe(page, (p) => p.fieldAt ?? Number.NaN);
    const scans = await laneMeasures(page, 'lane:scan');
    if (!line || line.enterAt === null) {
      console.log(`  reopen ${i + 1}: the first scan showed no line`);
      continue;
    }
    opens.push({
      fieldAt,
      scanMs: line.paintedAt - line.enterAt,
      paintedAt: line.paintedAt,
      source: scans.at(-1)?.detail?.source ?? 'not recorded',
    });
  }
  console.log(`\nCached open → ready to scan, ${opens.length} reopens (target ${seconds(TARGETS.readyMs)}):`);
  const readyRows = [['', 'n', 'p50', 'p95', 'max']];
  readyRows.push(
    summary(
      'navigation → barcode field shown',
      opens.map((o) => o.fieldAt),
    ),
  );
  readyRows.push(
    summary(
      'first scan: Enter → line painted',
      opens.map((o) => o.scanMs),
    ),
  );
  readyRows.push(
    summary(
      'ready to scan (sum of the two)',
      opens.map((o) => o.fieldAt + o.scanMs),
    ),
  );
  readyRows.push(
    summary(
      'navigation → first line painted',
      opens.map((o) => o.paintedAt),
    ),
  );
  printTable(readyRows);
  console.log(`  first scans resolved from: ${[...new Set(opens.map((o) => o.source))].join(', ')}`);

  // Scanning: distinct products, one burst at a time with a short pause, focus alternating.
  let catalogBytes = 0;
  let catalogRequests = 0;
  page.on('response', (response) => {
    if (!response.url().includes('lane.catalog')) return;
    catalogRequests++;
    response.body().then(
      (body) => (catalogBytes += body.length),
      () => {},
    );
  });
  const inField: number[] = [];
  const elsewhere: number[] = [];
  const toDom: number[] = [];
  const toFrame: number[] = [];
  const bySize = new Map<number, number[]>();
  const BUCKET = 50;
  let missed = 0;
  const scanCodes = codes.slice(REOPENS, REOPENS + SCANS);
  const browser = context.browser();
  if (TRACE && browser) await browser.startTracing(page, { categories: TRACE_CATEGORIES });
  const scanStarted = Date.now();
  for (const [i, code] of scanCodes.entries()) {
    const focusField = i % 2 === 0;
    if (focusField) await page.locator('#barcode').focus();
    else await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
    const line = await wedgeScan(page, code);
    if (!line || line.enterAt === null) {
      missed++;
    } else {
      const took = line.paintedAt - line.enterAt;
      (focusField ? inField : elsewhere).push(took);
      toDom.push(line.committedAt - line.enterAt);
      toFrame.push(line.frameAt - line.enterAt);
      const bucket = Math.floor((REOPENS + i - missed) / BUCKET);
      bySize.set(bucket, [...(bySize.get(bucket) ?? []), took]);
    }
    await page.waitForTimeout(PAUSE_MS);
  }
  const scanSeconds = (Date.now() - scanStarted) / 1000;
  if (TRACE && browser) printTraceBreakdown(await browser.stopTracing());
  // Only the lines near the view are in the DOM; the table's row count (less its header) is the sale's length.
  const rows = Number(await page.getByRole('table', { name: 'Items' }).getAttribute('aria-rowcount')) - 1;
  console.log(
    `\nScan → line (Enter → line painted), ${scanCodes.length} scans into one sale of ${rows} lines (target p95 ${ms(TARGETS.scanP95Ms)}):`,
  );
  const scanRows = [['', 'n', 'p50', 'p95', 'max']];
  scanRows.push(summary('focus in the barcode field', inField));
  scanRows.push(summary('focus elsewhere (wedge detector)', elsewhere));
  scanRows.push(summary('all scans', [...inField, ...elsewhere]));
  scanRows.push(summary('  Enter → line in the DOM', toDom));
  scanRows.push(summary('  Enter → next frame begins (rAF)', toFrame));
  for (const [bucket, values] of bySize) {
    scanRows.push(summary(`  with ${bucket * BUCKET}–${(bucket + 1) * BUCKET - 1} lines already`, values));
  }
  const laneScans = await laneMeasures(page, 'lane:scan');
  if (laneScans.length > 0) {
    scanRows.push(["the lane's own measures, from handling the scan:"]);
    scanRows.push(
      summary(
        '  code looked up',
        laneScans.map((m) => m.detail?.lookupMs ?? Number.NaN),
      ),
    );
    scanRows.push(
      summary(
        '  line committed to the DOM',
        laneScans.map((m) => m.detail?.committedMs ?? Number.NaN),
      ),
    );
    scanRows.push(
      summary(
        '  line painted',
        laneScans.map((m) => m.duration),
      ),
    );
  }
  printTable(scanRows);
  const sources = new Map<string, number>();
  for (const m of laneScans) sources.set(m.detail?.source ?? '?', (sources.get(m.detail?.source ?? '?') ?? 0) + 1);
  if (missed > 0) console.log(`  ${missed} bursts showed no line within 5 s (left out above)`);
  if (sources.size > 0) console.log(`  resolved from: ${[...sources].map(([s, n]) => `${s} ${n}`).join(', ')}`);
  console.log(
    `  catalog sync while scanning (${scanSeconds.toFixed(0)} s): ${catalogRequests} requests, ${(catalogBytes / 1024).toFixed(1)} KB`,
  );
  await page.close();
}

const loadAverage = () =>
  os
    .loadavg()
    .map((l) => l.toFixed(2))
    .join(' ');
const config = await benchDatabaseConfig();
console.log(`Lane bench: ${PRODUCTS} products (store ${STORE_CODE}), ${SCANS} scans, ${REOPENS} cached reopens`);
const prepared = await prepareDatabase(config);
console.log(`Database: ${prepared.kind} (${prepared.location})`);
if (await healthAnswers()) throw new Error(`Something already answers on port ${PORT}: set BENCH_LANE_PORT`);
const logFile = path.join(os.tmpdir(), `lanekeeper-bench-lane-${PORT}.log`);
console.log(`Starting the app on port ${PORT} (builds first if sources changed; log ${logFile})…`);
const startedApp = Date.now();
const app = startApp(config, logFile);
const stop = () => stopApp(app);
process.on('exit', stop);
for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => process.exit(130));
try {
  await waitForApp(app, logFile);
  console.log(`App up after ${seconds(Date.now() - startedApp)}`);
  const browser = await chromium.launch({
    executablePath: CHROMIUM_PATH,
    args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-sync'],
  });
  try {
    const context = await browser.newContext({
      baseURL: baseUrl,
      locale: 'en-US',
      viewport: { width: 1280, height: 900 },
    });
    await context.addInitScript(installProbe);
    console.log(`Chromium ${browser.version()}, ${os.cpus().length} CPUs, load average ${loadAverage()}`);
    await measure(context, prepared.codes);
    console.log(`\nLoad average at the end: ${loadAverage()} (other work on the machine skews the slow tail)`);
  } finally {
    await browser.close();
  }
} finally {
  stop();
}
