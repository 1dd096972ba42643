import { eq, sql } from 'drizzle-orm';
import { beforeEach, expect, it } from 'vitest';
import { auditLog, products } from '../../db/schema';
import { PERMISSIONS, type StaffRole } from '../auth/permissions';
import { newId } from '../core/ids';
import { callerFor } from '../testing/caller';
import { forEachDatabase } from '../testing/database-suite';
import { addStaff, createStoreFixture, type StoreFixture } from '../testing/fixtures';

forEachDatabase((database) => {
  let store: StoreFixture;
  beforeEach(async () => {
    store = await createStoreFixture(database().db);
  });

  const callerAs = (role: StaffRole | null, chosenStoreId?: string) => callerFor(store, role, { chosenStoreId });

  const product = () => ({
    id: newId(),
    code: `P${Math.floor(Math.random() * 1e6)}`,
    nameZh: '测试商品',
    nameEn: 'Test',
    departmentId: store.departmentId('20'),
    unit: 'each' as const,
    priceFen: 100,
    costFen: 50,
    vatRateBps: 1300 as const,
    plu: null,
    active: true,
    barcodes: [],
  });

  it('refuses every procedure but sign-in to a caller without a session', async () => {
    const anonymous = await callerAs(null);
    await expect(anonymous.catalog.list({})).rejects.toMatchObject({ code: 'UNAUTHORIZED' });
    await expect(anonymous.staff.list()).rejects.toMatchObject({ code: 'UNAUTHORIZED' });
    await expect(anonymous.auth.signOut()).rejects.toMatchObject({ code: 'UNAUTHORIZED' });
    expect(await anonymous.auth.me()).toBeNull();
  });

  it('keeps a cashier out of every back-office procedure', async () => {
    const cashier = await callerAs('cashier');
    await expect(cashier.catalog.list({})).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(cashier.catalog.create(product())).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(cashier.staff.list()).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(cashier.store.settings()).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(cashier.audit.list({})).rejects.toMatchObject({ code: 'FORBIDDEN' });
  });

  it('lets a supervisor read the catalog and manage barcodes, but not create products, change prices or staff', async () => {
    const manager = await callerAs('store_manager');
    const created = await manager.catalog.create(product());
    const supervisor = await callerAs('supervisor');
    expect((await supervisor.catalog.list({})).items.map((p) => p.id)).toContain(created.id);
    await supervisor.catalog.addBarcode({ productId: created.id, barcode: { code: '4006381333931' } });
    await expect(supervisor.catalog.create(product())).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(supervisor.catalog.update({ id: created.id, priceFen: 1 })).rejects.toMatchObject({
      code: 'FORBIDDEN',
    });
    await expect(
      supervisor.staff.create({ id: newId(), operatorNo: '55501', name: 'x', role: 'cashier', password: 'secret1' }),
    ).rejects.toMatchObject({
      code: 'FORBIDDEN',
    });
    await expect(supervisor.store.update({ name: 'x' })).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(supervisor.audit.list({})).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(supervisor.salesReview.uploadRejections({})).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(supervisor.salesReview.resolveUploadRejection({ saleId: newId(), note: 'x' })).rejects.toMatchObject({
      code: 'FORBIDDEN',
    });
    expect(await (await callerAs('store_manager')).salesReview.uploadRejections({})).toEqual([]);
  });

  it('lets a store manager run the store but not create head-office accounts or switch stores', async () => {
    const manager = await callerAs('store_manager');
    const cashier = await manager.staff.create({
      id: newId(),
      operatorNo: '55502',
      name: '新收银',
      role: 'cashier',
      password: 'secret1',
    });
    expect(cashier).not.toHaveProperty('passwordHash');
    await expect(
      manager.staff.create({ id: newId(), operatorNo: '55503', name: 'x', role: 'head_office', password: 'secret1' }),
    ).rejects.toMatchObject({
      code: 'FORBIDDEN',
    });
    await expect(manager.staff.update({ id: store.members.head_office.id, name: 'hacked' })).rejects.toMatchObject({
      code: 'FORBIDDEN',
    });
    await expect(manager.store.list()).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(manager.staff.update({ id: store.members.store_manager.id, active: false })).rejects.toMatchObject({
      code: 'FORBIDDEN',
    });
  });

  it('refuses a store manager changing staff of another store', async () => {
    const other = await createStoreFixture(database().db);
    const manager = await callerAs('store_manager');
    await expect(manager.staff.update({ id: other.members.cashier.id, name: 'x' })).rejects.toMatchObject({
      code: 'FORBIDDEN',
    });
  });

  it('lets head office create any role and switch stores', async () => {
    const headOffice = await callerAs('head_office');
    await headOffice.staff.create({
      id: newId(),
      operatorNo: '55504',
      name: '总部二',
      role: 'head_office',
      password: 'secret1',
    });
    expect((await headOffice.store.list()).map((s) => s.id)).toContain(store.storeId);
    const other = await createStoreFixture(database().db);
    const inOther = await callerAs('head_office', other.storeId);
    expect((await inOther.store.settings()).store.id).toBe(other.storeId);
    expect((await headOffice.store.settings()).store.id).toBe(store.storeId);
  });

  it('lets only head office create stores, move staff between stores and copy catalogs', async () => {
    expect(PERMISSIONS['stores.manage']).toEqual(['head_office']);
    expect(PERMISSIONS['catalog.copy']).toEqual(['head_office']);
    expect(PERMISSIONS['lane.bind']).toEqual(['store_manager', 'head_office']);
    expect(PERMISSIONS['inventory.transfer-receive']).toEqual(['supervisor', 'store_manager', 'head_office']);
    const newStore = {
      id: newId(),
      code: `P${process.pid}${Date.now() % 100000}`,
      name: '新门店',
      address: '测试路 9 号',
      vatNumber: '91310000TEST00009X',
    };
    for (const role of ['cashier', 'supervisor', 'store_manager'] as const) {
      const caller = await callerAs(role);
      await expect(caller.store.create(newStore)).rejects.toMatchObject({ code: 'FORBIDDEN' });
      await expect(caller.store.overview()).rejects.toMatchObject({ code: 'FORBIDDEN' });
      await expect(
        caller.store.copyCatalog({ id: newId(), fromStoreId: store.storeId, toStoreId: newStore.id }),
      ).rejects.toMatchObject({ code: 'FORBIDDEN' });
      await expect(
        caller.store.moveStaff({ operatorNo: store.members.cashier.operatorNo, storeId: store.storeId }),
      ).rejects.toMatchObject({ code: 'FORBIDDEN' });
    }
    const headOffice = await callerAs('head_office');
    expect(await headOffice.store.create(newStore)).toMatchObject({ code: newStore.code, timezone: 'Asia/Shanghai' });
    expect((await headOffice.store.overview()).map((s) => s.code)).toContain(newStore.code);
  });

  it('ignores a store choice from anyone but head office', async () => {
    const other = await createStoreFixture(database().db);
    const manager = await callerAs('store_manager', other.storeId);
    expect((await manager.store.settings()).store.id).toBe(store.storeId);
  });

  it('keeps store managers from changing other managers', async () => {
    const manager = await callerAs('store_manager');
    const second = await addStaff(database().db, store.storeId, 'store_manager');
    await expect(manager.staff.update({ id: second.id, newPassword: 'takeover1' })).rejects.toMatchObject({
      code: 'FORBIDDEN',
    });
    await expect(
      manager.staff.create({ id: newId(), operatorNo: '55505', name: 'x', role: 'store_manager', password: 'secret1' }),
    ).rejects.toMatchObject({ code: 'FORBIDDEN' });
  });

  it('moves an account in or out of its store when its role crosses the head-office line', async () => {
    const headOffice = await callerAs('head_office');
    const promoted = await headOffice.staff.update({ id: store.members.supervisor.id, role: 'head_office' });
    expect(promoted.storeId).toBeNull();
    const demoted = await headOffice.staff.update({ id: store.members.supervisor.id, role: 'store_manager' });
    expect(demoted.storeId).toBe(store.storeId);
  });

  it('gives per-field errors for bad input and changes nothing', async () => {
    const manager = await callerAs('store_manager');
    const before = await database()
      .db.select({ n: sql<number>`count(*)::int` })
      .from(auditLog)
      .where(eq(auditLog.storeId, store.storeId));
    const error = await manager.catalog.create({ ...product(), code: '', priceFen: -5 }).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'BAD_REQUEST' });
    const after = await database()
      .db.select({ n: sql<number>`count(*)::int` })
      .from(auditLog)
      .where(eq(auditLog.storeId, store.storeId));
    expect(after).toEqual(before);
    const [{ n } = { n: -1 }] = await database()
      .db.select({ n: sql<number>`count(*)::int` })
      .from(products)
      .where(eq(products.storeId, store.storeId));
    expect(n).toBe(0);
  });
});
