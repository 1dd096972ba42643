import { and, eq, sql } from 'drizzle-orm';
import { beforeEach, expect, it } from 'vitest';
import { auditLog, barcodes, products } from '../../db/schema';
import { inTransaction } from '../core/context';
import { DomainError } from '../core/errors';
import { newId } from '../core/ids';
import { buildEmbeddedBarcode, defaultEmbeddedBarcodeLayouts } from '../domain/embedded-barcode';
import { updateStore } from '../stores/update-store';
import { forEachDatabase } from '../testing/database-suite';
import { createStoreFixture } from '../testing/fixtures';
import { addBarcode } from './add-barcode';
import { createProduct, type CreateProductInput } from './create-product';
import { listProducts } from './list-products';
import { removeBarcode } from './remove-barcode';
import { resolveScan } from './resolve-scan';
import { updateProduct } from './update-product';

const COKE_EAN = '6901939621608';
const COKE_EAN_2 = '6901939621257';

forEachDatabase((database) => {
  let store: Awaited<ReturnType<typeof createStoreFixture>>;
  beforeEach(async () => {
    store = await createStoreFixture(database().db);
  });

  const coke = (overrides: Partial<CreateProductInput> = {}): CreateProductInput => ({
    id: newId(),
    code: '200101',
    nameZh: '可口可乐 500ml',
    nameEn: 'Coca-Cola 500ml',
    departmentId: store.departmentId('30'),
    unit: 'each',
    priceFen: 350,
    costFen: 260,
    vatRateBps: 1300,
    plu: null,
    active: true,
    barcodes: [{ code: COKE_EAN }, { code: COKE_EAN_2 }],
    ...overrides,
  });

  const countRows = async (table: typeof products | typeof barcodes | typeof auditLog) => {
    const [row] = await database()
      .db.select({ n: sql<number>`count(*)::int` })
      .from(table)
      .where(eq(table.storeId, store.storeId));
    return row?.n ?? 0;
  };

  it('creates a product with two barcodes, classified, with an audit row', async () => {
    const created = await createProduct(store.as('store_manager'), coke());
    expect(created.barcodes.map((b) => [b.code, b.kind])).toEqual([
      [COKE_EAN, 'ean13'],
      [COKE_EAN_2, 'ean13'],
    ]);
    expect(created.priceFen).toBe(350);
    expect(await countRows(auditLog)).toBe(1);
  });

  it('is idempotent on the client-made id', async () => {
    const input = coke();
    const first = await createProduct(store.as('store_manager'), input);
    const second = await createProduct(store.as('store_manager'), input);
    expect(second).toEqual(first);
    expect(await countRows(products)).toBe(1);
    expect(await countRows(auditLog)).toBe(1);
  });

  it('rejects a wrong check digit with a field error and stores nothing', async () => {
    const bad = coke({ barcodes: [{ code: COKE_EAN }, { code: '6901939621609' }] });
    await expect(createProduct(store.as('store_manager'), bad)).rejects.toMatchObject({
      issues: [expect.objectContaining({ path: ['barcodes', 1, 'code'] })],
    });
    expect(await countRows(products)).toBe(0);
    expect(await countRows(barcodes)).toBe(0);
  });

  it('refuses a barcode that another product has, leaving neither product nor audit behind', async () => {
    await createProduct(store.as('store_manager'), coke());
    const clash = coke({
      code: '200102',
      nameZh: '雪碧 500ml',
      barcodes: [{ code: '6901939691601' }, { code: COKE_EAN }],
    });
    const error = await createProduct(store.as('store_manager'), clash).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DomainError);
    expect(error).toMatchObject({ reason: 'barcode.taken', fieldErrors: { barcodes: [expect.any(String)] } });
    expect(await countRows(products)).toBe(1);
    expect(await countRows(barcodes)).toBe(2);
    expect(await countRows(auditLog)).toBe(1);
  });

  it('finds products by pinyin initials, Chinese name, English name, code and barcode', async () => {
    const created = await createProduct(store.as('store_manager'), coke());
    await createProduct(
      store.as('store_manager'),
      coke({ code: '200201', nameZh: '农夫山泉 550ml', nameEn: 'Nongfu Spring', barcodes: [] }),
    );
    for (const query of ['kkkl', 'KKKL', '可口', 'coca', '200101', COKE_EAN_2]) {
      const page = await listProducts(store.as('supervisor'), { query });
      expect(
        page.items.map((p) => p.id),
        query,
      ).toEqual([created.id]);
    }
    expect((await listProducts(store.as('supervisor'), { query: 'nfsq' })).items).toHaveLength(1);
    expect((await listProducts(store.as('supervisor'), { query: '50%' })).items).toHaveLength(0);
  });

  it('pages through the catalog in code order', async () => {
    for (let i = 0; i < 5; i++) {
      await createProduct(store.as('store_manager'), coke({ code: `30000${i}`, nameZh: `商品${i}`, barcodes: [] }));
    }
    const first = await listProducts(store.as('supervisor'), { pageSize: 2 });
    const third = await listProducts(store.as('supervisor'), { pageSize: 2, page: 3 });
    expect(first.items.map((p) => p.code)).toEqual(['300000', '300001']);
    expect(first.hasMore).toBe(true);
    expect(third.items.map((p) => p.code)).toEqual(['300004']);
    expect(third.hasMore).toBe(false);
  });

  it('audits a price change with before and after, and re-indexes a renamed product', async () => {
    const created = await createProduct(store.as('store_manager'), coke());
    await updateProduct(store.as('store_manager'), { id: created.id, priceFen: 390, nameZh: '百事可乐 500ml' });
    const rows = await database()
      .db.select()
      .from(auditLog)
      .where(and(eq(auditLog.entityId, created.id), eq(auditLog.action, 'product.price-changed')));
    expect(rows).toHaveLength(1);
    expect(rows[0]?.changes.priceFen).toEqual({ from: 350, to: 390 });
    expect(rows[0]?.actorStaffId).toBe(store.members.store_manager.id);
    expect((await listProducts(store.as('supervisor'), { query: 'bskl' })).items).toHaveLength(1);
  });

  it('leaves neither change nor audit row when an update fails', async () => {
    await createProduct(store.as('store_manager'), coke());
    const other = await createProduct(store.as('store_manager'), coke({ code: '200102', barcodes: [] }));
    await expect(
      updateProduct(store.as('store_manager'), { id: other.id, priceFen: 999, code: '200101' }),
    ).rejects.toMatchObject({
      reason: 'product.code-taken',
    });
    const [unchanged] = await database().db.select().from(products).where(eq(products.id, other.id));
    expect(unchanged?.priceFen).toBe(350);
    expect(await countRows(auditLog)).toBe(2);
  });

  it('rolls back the audit row with the change when the transaction fails after the audit was written', async () => {
    const created = await createProduct(store.as('store_manager'), coke());
    const boom = new Error('failure after the audit row');
    await expect(
      inTransaction(store.as('store_manager'), async (tx) => {
        await updateProduct(tx, { id: created.id, priceFen: 999 });
        const [written] = await tx.db
          .select()
          .from(auditLog)
          .where(and(eq(auditLog.entityId, created.id), eq(auditLog.action, 'product.price-changed')));
        expect(written?.entityId).toBe(created.id);
        throw boom;
      }),
    ).rejects.toBe(boom);
    const [unchanged] = await database().db.select().from(products).where(eq(products.id, created.id));
    expect(unchanged?.priceFen).toBe(350);
    expect(await countRows(auditLog)).toBe(1);
  });

  it('refuses a price change from a role without the price permission', async () => {
    const created = await createProduct(store.as('store_manager'), coke());
    await expect(updateProduct(store.as('supervisor'), { id: created.id, priceFen: 1 })).rejects.toMatchObject({
      reason: 'prices.forbidden',
    });
    await updateProduct(store.as('supervisor'), { id: created.id, nameEn: 'Coke' });
  });

  it('stores PLUs without leading zeros, so a scale label finds them', async () => {
    const created = await createProduct(store.as('store_manager'), coke({ unit: 'kg', plu: '00123', barcodes: [] }));
    expect(created.plu).toBe('123');
    await expect(
      createProduct(store.as('store_manager'), coke({ code: '200109', unit: 'kg', plu: '123', barcodes: [] })),
    ).rejects.toMatchObject({
      reason: 'product.plu-taken',
    });
    expect(await resolveScan(store.as('supervisor'), { code: '0123' })).toMatchObject({
      kind: 'plu',
      product: { id: created.id },
    });
  });

  it('adds and removes barcodes idempotently, validating the check digit', async () => {
    const created = await createProduct(store.as('store_manager'), coke({ barcodes: [] }));
    await addBarcode(store.as('supervisor'), { productId: created.id, barcode: { code: '96385074' } });
    const again = await addBarcode(store.as('supervisor'), { productId: created.id, barcode: { code: '96385074' } });
    expect(again.barcodes).toEqual([expect.objectContaining({ code: '96385074', kind: 'ean8' })]);
    await expect(
      addBarcode(store.as('supervisor'), { productId: created.id, barcode: { code: '96385075' } }),
    ).rejects.toThrow();
    await removeBarcode(store.as('supervisor'), { productId: created.id, code: '96385074' });
    const gone = await removeBarcode(store.as('supervisor'), { productId: created.id, code: '96385074' });
    expect(gone.barcodes).toEqual([]);
    expect(await countRows(auditLog)).toBe(3);
  });

  it('resolves scale labels with the store layouts, and PLUs, to weighed goods', async () => {
    const apple = await createProduct(
      store.as('store_manager'),
      coke({
        code: '100001',
        nameZh: '红富士苹果',
        unit: 'kg',
        priceFen: 1298,
        vatRateBps: 900,
        plu: '1001',
        barcodes: [],
      }),
    );
    const [priceLayout, weightLayout] = defaultEmbeddedBarcodeLayouts;
    if (!priceLayout || !weightLayout) throw new Error('default layouts missing');
    const priced = await resolveScan(store.as('supervisor'), { code: buildEmbeddedBarcode(priceLayout, '1001', 1857) });
    expect(priced).toMatchObject({ kind: 'embedded-price', labelTotalFen: 1857, product: { id: apple.id } });
    const weighed = await resolveScan(store.as('supervisor'), {
      code: buildEmbeddedBarcode(weightLayout, '1001', 1500),
    });
    expect(weighed).toMatchObject({ kind: 'embedded-weight', weightGrams: 1500, labelTotalFen: 1947 });
    expect(await resolveScan(store.as('supervisor'), { code: '1001' })).toMatchObject({
      kind: 'plu',
      product: { id: apple.id },
    });

    const custom = { prefix: '28', itemDigits: 4, valueKind: 'price' as const, valueDigits: 6 };
    await updateStore(store.as('store_manager'), { embeddedBarcodeLayouts: [custom] });
    const customLabel = buildEmbeddedBarcode(custom, '1001', 123456);
    expect(await resolveScan(store.as('supervisor'), { code: customLabel })).toMatchObject({ labelTotalFen: 123456 });
    await expect(
      resolveScan(store.as('supervisor'), { code: buildEmbeddedBarcode(weightLayout, '1001', 1500) }),
    ).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
  });

  it('gives a clear not-found for an unknown barcode', async () => {
    await expect(resolveScan(store.as('supervisor'), { code: '4006381333931' })).rejects.toMatchObject({
      code: 'NOT_FOUND',
      reason: 'barcode.not-found',
    });
  });

  it('keeps stores apart: one store cannot read or change another store’s product', async () => {
    const created = await createProduct(store.as('store_manager'), coke());
    const other = await createStoreFixture(database().db);
    expect((await listProducts(other.as('supervisor'), { query: 'kkkl' })).items).toHaveLength(0);
    await expect(updateProduct(other.as('store_manager'), { id: created.id, priceFen: 1 })).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
    await createProduct(other.as('store_manager'), coke({ departmentId: other.departmentId('30') }));
  });
});
