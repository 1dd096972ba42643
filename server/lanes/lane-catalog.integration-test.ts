import { eq, sql } from 'drizzle-orm';
import { beforeEach, expect, it } from 'vitest';
import { products } from '../../db/schema';
import { generateLargeCatalog } from '../../db/seed/catalog-data';
import { insertCatalog } from '../../db/seed/demo-seed';
import { forEachDatabase } from '../testing/database-suite';
import { createStoreFixture } from '../testing/fixtures';
import { laneCatalog } from './lane-catalog';

forEachDatabase((database) => {
  let store: Awaited<ReturnType<typeof createStoreFixture>>;
  beforeEach(async () => {
    store = await createStoreFixture(database().db);
  });

  it('pages the whole catalog once, then only what changed since, also for rows stamped to the microsecond', async () => {
    const db = database().db;
    const codes = new Set([...generateLargeCatalog(3)].map((p) => p.departmentCode));
    const departments = new Map([...codes].map((code) => [code, store.departmentId(code)] as const));
    await insertCatalog(db, store.storeId, departments, generateLargeCatalog(3));
    // What PostgreSQL's now() stamps on a bulk load: microseconds the lane's Date cannot carry.
    await db
      .update(products)
      .set({ updatedAt: sql`'2026-11-21T02:00:00.123456Z'::timestamptz` })
      .where(eq(products.storeId, store.storeId));
    const cashier = store.as('cashier');

    const first = await laneCatalog(cashier, { changedSince: null, after: null, limit: 2 });
    const rest = await laneCatalog(cashier, { changedSince: null, after: first.next, limit: 2 });
    expect(first.products.length + rest.products.length).toBe(3);
    expect(rest.next).toBeNull();
    const newest = first.products[0]?.updatedAt;
    expect(newest?.toISOString()).toBe('2026-11-21T02:00:00.123Z');

    expect((await laneCatalog(cashier, { changedSince: newest ?? null, after: null })).products).toEqual([]);
    const changed = rest.products[0];
    await db
      .update(products)
      .set({ updatedAt: new Date('2026-11-21T02:00:00.124Z') })
      .where(eq(products.id, changed?.id ?? ''));
    const again = await laneCatalog(cashier, { changedSince: newest ?? null, after: null });
    expect(again.products.map((p) => p.id)).toEqual([changed?.id]);
  });
});
