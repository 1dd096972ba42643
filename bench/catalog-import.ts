import type { Database } from '../db/client';
import { createStore } from '../db/seed/demo-seed';
import { applyCatalogImport } from '../server/catalog-io/apply-catalog-import';
import { previewCatalogImport } from '../server/catalog-io/preview-catalog-import';
import {
  catalogRow,
  writeCatalogCsv,
  writeCatalogXlsx,
  type CatalogRow,
} from '../server/catalog-io/write-catalog-file';
import { newId } from '../server/core/ids';
import { completeEan13 } from '../server/domain/barcode';
import { staff } from '../db/schema';
import { hashPassword } from '../server/auth/password';
import type { StaffContext } from '../server/core/context';

const NAMES = [
  '可口可乐',
  '农夫山泉',
  '康师傅红烧牛肉面',
  '光明纯牛奶',
  '旺旺雪饼',
  '散装苹果',
  '洗洁精',
  '德芙巧克力',
];

function lines(count: number, priceShiftFen: number): CatalogRow[] {
  return Array.from({ length: count }, (_, i) => {
    const weighed = i % 20 === 0;
    return catalogRow(
      {
        code: `IMP${String(i).padStart(7, '0')}`,
        nameZh: `${NAMES[i % NAMES.length]} ${i}`,
        nameEn: `Item ${i}`,
        departmentCode: weighed ? '10' : '30',
        unit: weighed ? 'kg' : 'each',
        priceFen: 100 + (i % 5000) + priceShiftFen,
        costFen: 60 + (i % 3000),
        vatRateBps: weighed ? 900 : 1300,
        barcodes: weighed ? [] : [completeEan13(`690${String(i).padStart(9, '0')}`)],
        plu: weighed ? String(i / 20 + 1) : null,
        active: true,
      },
      'zh',
    );
  });
}

const seconds = (started: number) => ((performance.now() - started) / 1000).toFixed(2);

/**
 * Catalog import of `count` lines into a store made for the run: a CSV that creates every product, then an XLSX of
 * the same lines with new prices (every line a price change). Seconds per phase; asserts nothing.
 */
export async function benchCatalogImport(db: Database, count = 100_000) {
  const code = `IMP${Date.now() % 1_000_000}`;
  const { storeId } = await createStore(db, {
    code,
    name: `导入压测 ${code}`,
    address: '—',
    vatNumber: '—',
    laneCount: 0,
  });
  const staffId = newId();
  await db.insert(staff).values({
    id: staffId,
    storeId,
    operatorNo: `7${String(Date.now() % 10_000_000).padStart(7, '0')}`,
    name: '导入压测店长',
    role: 'store_manager',
    passwordHash: await hashPassword(newId()),
  });
  const ctx: StaffContext = { db, now: () => new Date(), storeId, actor: { staffId, role: 'store_manager', storeId } };
  const rows: string[][] = [];
  for (const [format, priceShiftFen] of [
    ['csv', 0],
    ['xlsx', 7],
  ] as const) {
    let started = performance.now();
    const data = lines(count, priceShiftFen);
    const bytes = format === 'csv' ? writeCatalogCsv(data, 'zh') : await writeCatalogXlsx(data, 'zh');
    const file = { importId: newId(), fileName: `bench.${format}`, contentBase64: bytes.toString('base64') };
    const generate = seconds(started);
    started = performance.now();
    const preview = await previewCatalogImport(ctx, file);
    const previewSeconds = seconds(started);
    started = performance.now();
    const applied = await applyCatalogImport(ctx, { ...file, mode: 'all' });
    const applySeconds = seconds(started);
    rows.push([
      `${format.toUpperCase()} ${format === 'csv' ? 'creates' : 'price changes'}`,
      String(count),
      `${(bytes.length / 1e6).toFixed(1)} MB`,
      generate,
      previewSeconds,
      applySeconds,
      (Number(previewSeconds) + Number(applySeconds)).toFixed(2),
      `${preview.issues.length} errors; +${applied.created} ~${applied.updated} ¥${applied.priceChanged}`,
    ]);
  }
  return {
    header: ['catalog import', 'lines', 'file', 'generate s', 'preview s', 'apply s', 'preview+apply s', 'outcome'],
    rows,
  };
}
