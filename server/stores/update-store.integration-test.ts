import { and, eq } from 'drizzle-orm';
import { beforeEach, expect, it } from 'vitest';
import { auditLog, stores } from '../../db/schema';
import { forEachDatabase } from '../testing/database-suite';
import { createStoreFixture } from '../testing/fixtures';
import { updateStore } from './update-store';

forEachDatabase((database) => {
  let store: Awaited<ReturnType<typeof createStoreFixture>>;
  beforeEach(async () => {
    store = await createStoreFixture(database().db);
  });

  const policyOf = async () =>
    (await database().db.select().from(stores).where(eq(stores.id, store.storeId)))[0]?.negativeStockPolicy;
  const auditRows = () =>
    database()
      .db.select()
      .from(auditLog)
      .where(and(eq(auditLog.entityId, store.storeId), eq(auditLog.action, 'store.updated')));

  it('allows selling below zero by default; a change of policy is audited with who made it, once', async () => {
    expect(await policyOf()).toBe('allow');
    await updateStore(store.as('store_manager'), { negativeStockPolicy: 'block' });
    await updateStore(store.as('store_manager'), { negativeStockPolicy: 'block' });
    expect(await policyOf()).toBe('block');
    const rows = await auditRows();
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({
      actorStaffId: store.members.store_manager.id,
      changes: { negativeStockPolicy: { from: 'allow', to: 'block' } },
    });
  });

  it('refuses a policy it does not know and changes nothing', async () => {
    const input = { negativeStockPolicy: 'warn' } as unknown as Parameters<typeof updateStore>[1];
    await expect(updateStore(store.as('store_manager'), input)).rejects.toThrow();
    expect(await policyOf()).toBe('allow');
    expect(await auditRows()).toEqual([]);
  });

  it('prints receipts in Chinese by default; the manager’s change of receipt language is audited, an unknown one refused', async () => {
    const languageOf = async () =>
      (await database().db.select().from(stores).where(eq(stores.id, store.storeId)))[0]?.receiptLanguage;
    expect(await languageOf()).toBe('zh-CN');
    await updateStore(store.as('store_manager'), { receiptLanguage: 'both' });
    expect(await languageOf()).toBe('both');
    expect(await auditRows()).toEqual([
      expect.objectContaining({
        actorStaffId: store.members.store_manager.id,
        changes: { receiptLanguage: { from: 'zh-CN', to: 'both' } },
      }),
    ]);
    const input = { receiptLanguage: 'fr' } as unknown as Parameters<typeof updateStore>[1];
    await expect(updateStore(store.as('store_manager'), input)).rejects.toThrow();
    expect(await languageOf()).toBe('both');
  });
});
