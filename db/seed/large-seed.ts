import { eq } from 'drizzle-orm';
import type { Database } from '../client';
import { stores } from '../schema';
import { generateLargeCatalog } from './catalog-data';
import { analyzeCatalog, createStore, insertCatalog } from './demo-seed';

export const LARGE_STORE_CODE = 'BENCH01';

/** A store with `count` generated products (and their barcodes), made once; returns its id. */
export async function seedLargeCatalog(
  db: Database,
  count: number,
  onProgress?: (done: number) => void,
  storeCode = LARGE_STORE_CODE,
): Promise<{ storeId: string; created: boolean }> {
  const [existing] = await db.select({ id: stores.id }).from(stores).where(eq(stores.code, storeCode));
  if (existing) return { storeId: existing.id, created: false };
  const seeded = await db.transaction(async (tx) => {
    const { storeId, departmentIds } = await createStore(tx, {
      code: storeCode,
      name: '压测门店（大目录）',
      address: '基准测试路 1 号',
      vatNumber: '91310000BENCH0001X',
      laneCount: 8,
    });
    await insertCatalog(tx, storeId, departmentIds, reportEvery(generateLargeCatalog(count), 20_000, onProgress));
    return { storeId, created: true };
  });
  await analyzeCatalog(db);
  return seeded;
}

function* reportEvery<T>(items: Iterable<T>, every: number, onProgress?: (done: number) => void): Generator<T> {
  let done = 0;
  for (const item of items) {
    yield item;
    if (++done % every === 0) onProgress?.(done);
  }
}
