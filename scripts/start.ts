import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { databaseConfigFromEnv, openDatabase, rowsOf } from '../db/client';
import { FolderLockedError, lockFolder } from '../db/folder-lock';
import { prepareDatabase } from '../db/prepare-database';
import { DEMO_LOGINS } from '../db/seed/demo-seed';
import { startLaneSimulators } from './lane-simulators';

const root = path.resolve(import.meta.dirname, '..');
const nextBin = path.join(root, 'node_modules', 'next', 'dist', 'bin', 'next');
const dev = process.argv.includes('--dev');
const port = Number(process.env.PORT ?? 3000);
const SOURCE_ENTRIES = [
  'app',
  'server',
  'db',
  'lanes',
  'public',
  'next.config.ts',
  'package.json',
  'package-lock.json',
  'tsconfig.json',
  'postcss.config.mjs',
];

function newestMtime(entry: string): number {
  const stat = fs.statSync(entry, { throwIfNoEntry: false });
  if (!stat) return 0;
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = stat.mtimeMs;
  for (const child of fs.readdirSync(entry)) newest = Math.max(newest, newestMtime(path.join(entry, child)));
  return newest;
}

function buildIsStale(): boolean {
  const buildId = fs.statSync(path.join(root, '.next', 'BUILD_ID'), { throwIfNoEntry: false });
  if (!buildId) return true;
  return SOURCE_ENTRIES.some((entry) => newestMtime(path.join(root, entry)) > buildId.mtimeMs);
}

async function waitForHealth(url: string, child: ReturnType<typeof spawn>): Promise<boolean> {
  for (let attempt = 0; attempt < 240 && child.exitCode === null; attempt++) {
    try {
      const response = await fetch(url);
      if (response.ok) return true;
      const health = (await response.json()) as { database?: { error?: string } };
      console.error(`\nCannot start: ${health.database?.error ?? `health answered ${response.status}`}`);
      child.kill('SIGTERM');
      return false;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  return false;
}

async function main(): Promise<void> {
  const config = databaseConfigFromEnv();
  console.log(`Lanekeeper: database ${config.kind === 'postgres' ? 'PostgreSQL' : `PGlite at ${config.dataDir}`}`);
  // Held through the build and handed over just before the server starts, so no second start slips in between.
  const releaseLock = config.kind === 'pglite' && config.dataDir ? lockFolder(config.dataDir) : () => {};
  const handle = await openDatabase(config.kind === 'pglite' ? { ...config, lockHeldByCaller: true } : config);
  let simulators: Awaited<ReturnType<typeof startLaneSimulators>> = [];
  try {
    const { seeded } = await prepareDatabase(handle);
    console.log(seeded ? 'Migrated and seeded the demo store.' : 'Migrated; existing data kept.');
    if (handle.kind === 'postgres') {
      const [setting] = rowsOf<{ autovacuum: string }>(await handle.db.execute(sql`show autovacuum`));
      // Every sale updates its products' stock levels: without vacuum those rows bloat and sales slow down.
      if (setting?.autovacuum === 'off') {
        console.warn('Warning: autovacuum is off on this PostgreSQL server; vacuum the database regularly.');
      }
    }
    if (process.env.MISPOS_SIMULATOR !== 'off') {
      simulators = await startLaneSimulators(handle.db, Number(process.env.MISPOS_SIM_PORT ?? 9100));
    }
  } finally {
    await handle.close();
  }

  if (!dev && buildIsStale()) {
    console.log('Building the app (first start or changed sources)…');
    const build = spawnSync(process.execPath, [nextBin, 'build'], { cwd: root, stdio: 'inherit' });
    if (build.status !== 0) process.exit(build.status ?? 1);
  }

  releaseLock();
  const child = spawn(process.execPath, [nextBin, dev ? 'dev' : 'start', '-p', String(port)], {
    cwd: root,
    stdio: 'inherit',
    env: process.env,
  });
  for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => child.kill(signal));
  child.on('exit', (code) => process.exit(code ?? 0));

  const url = `http://localhost:${port}`;
  if (await waitForHealth(`${url}/api/health`, child)) {
    console.log(`\nLanekeeper is running: ${url}\nDemo logins (operator no / password):`);
    for (const login of DEMO_LOGINS)
      console.log(`  ${login.operatorNo} / ${login.password}  ${login.name} (${login.role})`);
    console.log(
      `Lanes: ${url}/lanes/1 (2, 3): a device is set up once by the store manager (8001), then cashiers sign in.`,
    );
    for (const [index, simulator] of simulators.entries())
      console.log(
        `Bank terminal simulator for lane ${index + 1}: ${simulator.host}:${simulator.port} (control http://127.0.0.1:${simulator.controlPort}/state)`,
      );
  }
}

main().catch((error: unknown) => {
  if (error instanceof FolderLockedError) console.error(`\nCannot start: ${error.message}`);
  else console.error(error);
  process.exit(1);
});
