import { and, eq, sql } from 'drizzle-orm';
import { beforeEach, expect, it } from 'vitest';
import { auditLog, barcodes, products } from '../../db/schema';
import { createProduct, type CreateProductInput } from '../catalog/create-product';
import { getProduct } from '../catalog/get-product';
import { inTransaction } from '../core/context';
import { newId } from '../core/ids';
import { completeEan13 } from '../domain/barcode';
import { postStockMovements } from '../inventory/post-stock-movements';
import { forEachDatabase } from '../testing/database-suite';
import { createStoreFixture } from '../testing/fixtures';
import { applyCatalogImport } from './apply-catalog-import';
import { exportCatalog } from './export-catalog';
import { readImportProgress, trackImportProgress, type ImportProgress } from './import-progress';
import { listLabels } from './list-labels';
import { previewCatalogImport } from './preview-catalog-import';

const HEADER = 'code,name_zh,name_en,department_code,unit,price (yuan),cost (yuan),vat_rate (%),barcodes,plu,active';
const COKE_EAN = '6901939621608';
const csv = (...lines: string[]) => Buffer.from([HEADER, ...lines].join('\n'), 'utf8').toString('base64');
const ean = (n: number) => completeEan13(`69900000${String(n).padStart(4, '0')}`);

forEachDatabase((database) => {
  let store: Awaited<ReturnType<typeof createStoreFixture>>;
  beforeEach(async () => {
    store = await createStoreFixture(database().db);
  });
  const manager = () => store.as('store_manager');

  const product = (overrides: Partial<CreateProductInput> = {}): CreateProductInput => ({
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
    barcodes: [{ code: COKE_EAN }],
    ...overrides,
  });

  const storeCount = async (table: typeof products | typeof barcodes | typeof auditLog) => {
    const [row] = await database()
      .db.select({ n: sql<number>`count(*)::int` })
      .from(table)
      .where(eq(table.storeId, store.storeId));
    return row?.n ?? 0;
  };
  const byCode = async (code: string) => {
    const [row] = await database()
      .db.select()
      .from(products)
      .where(and(eq(products.storeId, store.storeId), eq(products.code, code)));
    return row;
  };
  const importFile = (contentBase64: string) => ({ importId: newId(), fileName: 'catalog.csv', contentBase64 });

  it('previews what each line will do, and the errors only the catalog can find, writing nothing', async () => {
    await createProduct(manager(), product());
    await createProduct(manager(), product({ code: '200102', nameZh: '雪碧', barcodes: [] }));
    const preview = await previewCatalogImport(
      manager(),
      importFile(
        csv(
          '200101,可口可乐 500ml,,30,each,3.80,,,,,',
          '200102,雪碧,,30,each,3.50,2.60,13,,,是',
          `300001,新品,,30,each,5,,,${ean(1)},,`,
          `300002,抢条码,,30,each,5,,,${COKE_EAN},,`,
          '300003,无部门,,99,each,5,,,,,',
          '300004,散装苹果,,10,kg,12.90,,,,,',
        ),
      ),
    );
    expect(preview.lines.map((l) => [l.line, l.code, l.action])).toEqual([
      [2, '200101', 'update-price'],
      [3, '200102', 'unchanged'],
      [4, '300001', 'create'],
    ]);
    expect(preview.lines[0]).toMatchObject({ priceFen: 380, priceBeforeFen: 350, changedFields: ['priceFen'] });
    expect(preview.issues).toEqual([
      { line: 5, column: 'barcodes', code: 'barcode-taken', params: { barcode: COKE_EAN, owner: '200101' } },
      { line: 6, column: 'departmentCode', code: 'unknown-department', params: { value: '99' } },
      { line: 7, column: 'plu', code: 'plu-required' },
    ]);
    expect(preview).toMatchObject({
      lineCount: 6,
      validCount: 3,
      invalidCount: 3,
      counts: { create: 1, update: 0, 'update-price': 1, unchanged: 1 },
      alreadyApplied: null,
    });
    expect((await byCode('200101'))?.priceFen).toBe(350);
    expect(await storeCount(products)).toBe(2);
  });

  it('applies nothing when one line is bad, unless the user chose to apply only the valid lines', async () => {
    const content = csv(
      `300001,新品一,New one,30,each,5,3,13,${ean(1)}|${ean(2)},,`,
      '300002,新品二,,30,each,5.999,,,,,',
      '300003,散装梨,,10,kg,8.80,,9,,0031,',
    );
    await expect(applyCatalogImport(manager(), { ...importFile(content), mode: 'all' })).rejects.toMatchObject({
      reason: 'catalog-import.has-errors',
    });
    expect(await storeCount(products)).toBe(0);
    expect(await storeCount(barcodes)).toBe(0);
    expect(await storeCount(auditLog)).toBe(0);

    const result = await applyCatalogImport(manager(), { ...importFile(content), mode: 'valid-only' });
    expect(result).toMatchObject({ created: 2, updated: 0, priceChanged: 0, barcodesAdded: 2, skippedLines: 1 });
    expect(await storeCount(products)).toBe(2);
    expect(await byCode('300002')).toBeUndefined();
    const pear = await byCode('300003');
    expect(pear).toMatchObject({ unit: 'kg', priceFen: 880, plu: '31', vatRateBps: 900, costFen: 0, active: true });
    const one = await getProduct(manager(), { id: (await byCode('300001'))?.id ?? '' });
    expect(one).toMatchObject({ nameEn: 'New one', priceFen: 500, costFen: 300 });
    expect(one.barcodes.map((b) => b.code).sort()).toEqual([ean(1), ean(2)].sort());
  });

  it('refuses to change the unit of a product that has stock, and allows it for one that has none', async () => {
    const stocked = await createProduct(manager(), product());
    await createProduct(manager(), product({ code: '200102', barcodes: [] }));
    await inTransaction(manager(), (tx) =>
      postStockMovements(tx, 'receipt', { type: 'goods_receipt', id: newId() }, [
        { productId: stocked.id, quantityDelta: 12, unitCostFen: 260 },
      ]),
    );
    const preview = await previewCatalogImport(
      manager(),
      importFile(csv('200101,可口可乐 500ml,,30,kg,3.50,,,,0101,', '200102,可口可乐 500ml,,30,kg,3.50,,,,0102,')),
    );
    expect(preview.issues).toEqual([
      { line: 2, column: 'unit', code: 'unit-change-with-stock', params: { value: 'each' } },
    ]);
    expect(preview.lines.map((l) => [l.line, l.action])).toEqual([[3, 'update']]);
  });

  it('tells how many lines are checked and then written while a large import runs, to its starter only', async () => {
    const lines = Array.from({ length: 4_500 }, (_, i) => `${400_000 + i},批量商品${i},,30,each,5,,,,,`);
    lines.push('499999,坏行,,99,each,5,,,,,');
    const file = importFile(csv(...lines));
    const seen: (ImportProgress | null)[] = [];
    const tracked = trackImportProgress(file.importId, 'session-a');
    // Polled as the page does, in the middle of the work, with the starter's key and with another one.
    const watching = {
      checking: async (total: number, checked: number) => {
        await tracked.checking(total, checked);
        seen.push(readImportProgress({ importId: file.importId, watcherKey: 'session-a' }));
        expect(readImportProgress({ importId: file.importId, watcherKey: 'session-b' })).toBeNull();
      },
      writing: async (total: number, written: number) => {
        await tracked.writing(total, written);
        seen.push(readImportProgress({ importId: file.importId, watcherKey: 'session-a' }));
      },
      finish: () => tracked.finish(),
    };
    const preview = await previewCatalogImport(manager(), file, watching);
    expect(preview).toMatchObject({ lineCount: 4_501, validCount: 4_500, invalidCount: 1, issueCount: 1 });
    const checking = seen.filter((p) => p?.phase === 'checking');
    expect(checking.length).toBeGreaterThanOrEqual(3);
    expect(checking.at(-1)).toEqual({ phase: 'checking', total: 4_501, checked: 4_501, written: 0 });
    expect(checking.map((p) => p?.checked)).toEqual([...checking.map((p) => p?.checked ?? 0)].sort((a, b) => a - b));
    expect(readImportProgress({ importId: file.importId, watcherKey: 'session-a' })).toBeNull();

    seen.length = 0;
    const again = trackImportProgress(file.importId, 'session-a');
    const result = await applyCatalogImport(
      manager(),
      { ...file, mode: 'valid-only' },
      {
        ...watching,
        writing: async (total, written) => {
          await again.writing(total, written);
          seen.push(readImportProgress({ importId: file.importId, watcherKey: 'session-a' }));
        },
        finish: () => again.finish(),
      },
    );
    expect(result).toMatchObject({ created: 4_500, skippedLines: 1 });
    const writing = seen.filter((p) => p?.phase === 'writing').map((p) => p?.written);
    expect(writing).toEqual([0, 2_000, 4_000, 4_500]);
    expect(seen.at(-1)).toMatchObject({ phase: 'writing', total: 4_500, written: 4_500 });
    expect(readImportProgress({ importId: file.importId, watcherKey: 'session-a' })).toBeNull();
  });

  it('sends the first thousand problems of a file full of errors and counts them all', async () => {
    const lines = Array.from({ length: 1_500 }, (_, i) => `${500_000 + i},无部门${i},,99,each,5,,,,,`);
    const preview = await previewCatalogImport(manager(), importFile(csv(...lines)));
    expect(preview).toMatchObject({ invalidCount: 1_500, issueCount: 1_500 });
    expect(preview.issues).toHaveLength(1_000);
    expect(preview.issues[0]).toMatchObject({ line: 2, column: 'departmentCode' });
  });

  it('applies the same import id once, answering the second call with the first result', async () => {
    await createProduct(manager(), product());
    const input = {
      ...importFile(csv(`200101,可口可乐 500ml,,30,each,3.90,,,${ean(3)},,`, '300001,新品,,30,each,5,,,,,')),
      mode: 'all' as const,
    };
    const first = await applyCatalogImport(manager(), input);
    const second = await applyCatalogImport(manager(), input);
    expect(first).toMatchObject({ created: 1, priceChanged: 1, barcodesAdded: 1, alreadyApplied: false });
    expect(second).toEqual({ ...first, alreadyApplied: true });
    expect(await storeCount(products)).toBe(2);
    const audit = await database()
      .db.select({ action: auditLog.action, entityType: auditLog.entityType, changes: auditLog.changes })
      .from(auditLog)
      .where(and(eq(auditLog.storeId, store.storeId), sql`${auditLog.action} <> 'product.created'`));
    expect(audit.map((a) => a.action).sort()).toEqual(['catalog.imported', 'product.price-changed']);
    expect(audit.find((a) => a.action === 'product.price-changed')?.changes).toEqual({
      priceFen: { from: 350, to: 390 },
    });
    const preview = await previewCatalogImport(manager(), input);
    expect(preview.alreadyApplied).toMatchObject({ created: 1, priceChanged: 1 });
  });

  it('exports the catalog so that importing it again changes nothing, as CSV and as XLSX', async () => {
    await createProduct(manager(), product({ barcodes: [{ code: COKE_EAN }, { code: ean(4) }] }));
    await createProduct(
      manager(),
      product({
        code: 'L0001',
        nameZh: '散装苹果, 红富士',
        nameEn: '',
        departmentId: store.departmentId('10'),
        unit: 'kg',
        plu: '0012',
        priceFen: 1290,
        costFen: 777,
        vatRateBps: 900,
        barcodes: [],
        active: false,
      }),
    );
    for (const format of ['csv', 'xlsx'] as const) {
      for (const headers of ['zh', 'en'] as const) {
        const exported = await exportCatalog(manager(), { format, headers });
        const preview = await previewCatalogImport(manager(), importFile(exported.contentBase64));
        expect(preview.issues).toEqual([]);
        expect(preview.counts).toEqual({ create: 0, update: 0, 'update-price': 0, unchanged: 2 });
        const before = await database().db.select().from(products).where(eq(products.storeId, store.storeId));
        const applied = await applyCatalogImport(manager(), { ...importFile(exported.contentBase64), mode: 'all' });
        expect(applied).toMatchObject({ unchanged: 2, created: 0, updated: 0, priceChanged: 0, barcodesAdded: 0 });
        expect(await database().db.select().from(products).where(eq(products.storeId, store.storeId))).toEqual(before);
      }
    }
  });

  it('refuses a barcode that belongs to another product, and a barcode conflict leaves nothing behind', async () => {
    await createProduct(manager(), product());
    await createProduct(manager(), product({ code: '200102', nameZh: '雪碧', barcodes: [{ code: ean(5) }] }));
    const content = csv('300001,新品,,30,each,5,,,,,', `200102,雪碧,,30,each,4,,,${COKE_EAN},,`);
    await expect(applyCatalogImport(manager(), { ...importFile(content), mode: 'all' })).rejects.toMatchObject({
      reason: 'catalog-import.has-errors',
    });
    const preview = await previewCatalogImport(manager(), importFile(content));
    expect(preview.issues).toEqual([
      { line: 3, column: 'barcodes', code: 'barcode-taken', params: { barcode: COKE_EAN, owner: '200101' } },
    ]);
    expect(await storeCount(products)).toBe(2);
    expect((await byCode('200102'))?.priceFen).toBe(350);
  });

  it('draws labels with the product’s EAN, or its code as Code 128 when it has none', async () => {
    const coke = await createProduct(manager(), product());
    const apples = await createProduct(
      manager(),
      product({ code: 'L0001', nameZh: '散装苹果', unit: 'kg', plu: '12', barcodes: [] }),
    );
    const labels = await listLabels(manager(), { productIds: [coke.id, apples.id] });
    expect(labels.map((l) => [l.code, l.barcode])).toEqual([
      ['200101', { code: COKE_EAN, kind: 'ean13' }],
      ['L0001', { code: 'L0001', kind: 'internal' }],
    ]);
    for (const label of labels) expect(label.barcodeSvg).toMatch(/^<svg [^>]*viewBox/);
    expect((await listLabels(manager(), { query: '200101' })).map((l) => l.code)).toEqual(['200101']);
  });
});
