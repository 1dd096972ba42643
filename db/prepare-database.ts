import type { DatabaseHandle } from './client';
import { runMigrations } from './migrate';
import { generateDemoCatalog } from './seed/catalog-data';
import { isSeeded, seedDemo } from './seed/demo-seed';

/** Migrates, then seeds the demo store on an empty database. Returns whether it seeded. */
export async function prepareDatabase(handle: DatabaseHandle): Promise<{ seeded: boolean }> {
  await runMigrations(handle);
  if (await isSeeded(handle.db)) return { seeded: false };
  await seedDemo(handle.db, generateDemoCatalog());
  return { seeded: true };
}
