import { hash } from '@node-rs/argon2';
import { sql } from 'drizzle-orm';
import { pinyinInitials, productSearchText } from '../../server/domain/pinyin';
import { defaultEmbeddedBarcodeLayouts } from '../../server/domain/embedded-barcode';
import { newId } from '../../server/core/ids';
import type { Database } from '../client';
import { barcodes, departments, lanes, products, staff, stores, suppliers } from '../schema';
import { DEMO_DEPARTMENTS, type ProductSeed } from './catalog-data';

export const DEMO_STORE_CODE = 'SH001';

export const DEMO_LOGINS = [
  { operatorNo: '8001', password: 'manager8001', name: '王店长', role: 'store_manager' },
  { operatorNo: '7001', password: 'super7001', name: '李主管', role: 'supervisor' },
  { operatorNo: '1001', password: 'cash1001', name: '张收银', role: 'cashier' },
  { operatorNo: '1002', password: 'cash1002', name: '陈收银', role: 'cashier' },
  { operatorNo: '9001', password: 'hq9001', name: '总部运营', role: 'head_office' },
] as const;

export const DEMO_SUPPLIERS = [
  { code: 'S001', name: '上海可口可乐饮料有限公司', contact: '周经理', phone: '021-6470 0000' },
  { code: 'S002', name: '光明乳业配送中心', contact: '吴先生', phone: '021-5489 1234' },
  { code: 'S003', name: '江桥蔬果批发市场 李记', contact: '李师傅', phone: '139 1600 8899' },
] as const;

export async function isSeeded(db: Database): Promise<boolean> {
  const rows = await db.select({ n: sql<number>`count(*)::int` }).from(stores);
  return (rows[0]?.n ?? 0) > 0;
}

export async function createStore(
  db: Database,
  store: { code: string; name: string; nameEn?: string; address: string; vatNumber: string; laneCount: number },
) {
  const storeId = newId();
  const now = new Date();
  await db.insert(stores).values({
    id: storeId,
    code: store.code,
    name: store.name,
    nameEn: store.nameEn ?? '',
    address: store.address,
    timezone: 'Asia/Shanghai',
    vatNumber: store.vatNumber,
    embeddedBarcodeLayouts: defaultEmbeddedBarcodeLayouts,
    createdAt: now,
    updatedAt: now,
  });
  if (store.laneCount > 0) {
    await db.insert(lanes).values(
      Array.from({ length: store.laneCount }, (_, i) => ({
        id: newId(),
        storeId,
        number: i + 1,
        name: `${i + 1}号收银台`,
        createdAt: now,
        updatedAt: now,
      })),
    );
  }
  const departmentIds = new Map<string, string>();
  await db.insert(departments).values(
    DEMO_DEPARTMENTS.map((d) => {
      const id = newId();
      departmentIds.set(d.code, id);
      return { id, storeId, code: d.code, nameZh: d.nameZh, nameEn: d.nameEn, createdAt: now };
    }),
  );
  return { storeId, departmentIds };
}

/** Inserts products with their barcodes in batches; the caller's transaction makes it all-or-nothing. */
export async function insertCatalog(
  db: Database,
  storeId: string,
  departmentIds: Map<string, string>,
  seeds: Iterable<ProductSeed>,
  batchSize = 1000,
): Promise<number> {
  let count = 0;
  let productBatch: (typeof products.$inferInsert)[] = [];
  let barcodeBatch: (typeof barcodes.$inferInsert)[] = [];
  const flush = async () => {
    if (productBatch.length > 0) await db.insert(products).values(productBatch);
    if (barcodeBatch.length > 0) await db.insert(barcodes).values(barcodeBatch);
    productBatch = [];
    barcodeBatch = [];
  };
  for (const seed of seeds) {
    const departmentId = departmentIds.get(seed.departmentCode);
    if (!departmentId) throw new Error(`Unknown department ${seed.departmentCode}`);
    const productId = newId();
    productBatch.push({
      id: productId,
      storeId,
      code: seed.code,
      nameZh: seed.nameZh,
      nameEn: seed.nameEn,
      pinyinInitials: pinyinInitials(seed.nameZh),
      searchText: productSearchText(seed),
      departmentId,
      unit: seed.unit,
      priceFen: seed.priceFen,
      costFen: seed.costFen,
      vatRateBps: seed.vatRateBps,
      plu: seed.plu,
    });
    for (const barcode of seed.barcodes) {
      barcodeBatch.push({ id: newId(), storeId, productId, code: barcode.code, kind: barcode.kind });
    }
    count++;
    if (productBatch.length >= batchSize) await flush();
  }
  await flush();
  return count;
}

/** Fresh planner statistics after a bulk load; without them a search can take the slow plan for minutes. */
export async function analyzeCatalog(db: Database): Promise<void> {
  await db.execute(sql`analyze products`);
  await db.execute(sql`analyze barcodes`);
}

export async function seedDemo(db: Database, catalog: Iterable<ProductSeed>): Promise<void> {
  const passwordHashes = await Promise.all(DEMO_LOGINS.map((login) => hash(login.password)));
  await db.transaction(async (tx) => {
    const { storeId, departmentIds } = await createStore(tx, {
      code: DEMO_STORE_CODE,
      name: '乐购邻里超市 徐汇店',
      nameEn: 'Legou Neighbourhood Market, Xuhui',
      address: '上海市徐汇区漕溪北路 88 号',
      vatNumber: '91310104MA1FL5XK2Q',
      laneCount: 3,
    });
    await tx.insert(staff).values(
      DEMO_LOGINS.map((login, i) => ({
        id: newId(),
        storeId: login.role === 'head_office' ? null : storeId,
        operatorNo: login.operatorNo,
        name: login.name,
        role: login.role,
        passwordHash: passwordHashes[i] ?? '',
      })),
    );
    await insertCatalog(tx, storeId, departmentIds, catalog);
    await tx.insert(suppliers).values(DEMO_SUPPLIERS.map((supplier) => ({ id: newId(), storeId, ...supplier })));
  });
  await analyzeCatalog(db);
}
