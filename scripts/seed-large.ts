import { databaseConfigFromEnv, openDatabase } from '../db/client';
import { runMigrations } from '../db/migrate';
import { seedLargeCatalog } from '../db/seed/large-seed';

const countArg = process.argv.indexOf('--count');
const count = countArg >= 0 ? Number(process.argv[countArg + 1]) : 200_000;
const handle = await openDatabase(databaseConfigFromEnv());
try {
  await runMigrations(handle);
  const started = performance.now();
  const { created } = await seedLargeCatalog(handle.db, count, (done) => console.log(`  ${done} products…`));
  console.log(
    created
      ? `Seeded ${count} products in ${((performance.now() - started) / 1000).toFixed(1)} s (store BENCH01).`
      : 'The large catalog (store BENCH01) is already there.',
  );
} finally {
  await handle.close();
}
