import { and, asc, eq, sql } from 'drizzle-orm';
import type { Database } from '../../db/client';
import { cardPayments, lanes, stockLevels, stockMovements } from '../../db/schema';
import { createProduct } from '../catalog/create-product';
import type { StaffContext } from '../core/context';
import { newId } from '../core/ids';
import type { SaleLine, Tender } from '../domain/sale';
import { receiptNumber } from '../domain/store-time';
import type { FinalizeSaleInput } from '../sales/finalize-sale';
import { openShift } from '../shifts/open-shift';
import type { createStoreFixture } from './fixtures';

type Store = Awaited<ReturnType<typeof createStoreFixture>>;

export async function storeLanes(db: Database, storeId: string) {
  return db.select().from(lanes).where(eq(lanes.storeId, storeId)).orderBy(asc(lanes.number));
}

export async function addProduct(
  store: Store,
  overrides: { priceFen?: number; unit?: 'each' | 'kg'; plu?: string | null } = {},
) {
  const code = `T${Math.floor(Math.random() * 1e9)}`;
  return createProduct(store.as('store_manager'), {
    id: newId(),
    code,
    nameZh: `测试商品${code}`,
    nameEn: `Test ${code}`,
    departmentId: store.departmentId('20'),
    unit: overrides.unit ?? 'each',
    priceFen: overrides.priceFen ?? 350,
    costFen: 200,
    vatRateBps: 1300,
    plu: overrides.plu ?? null,
    active: true,
    barcodes: [],
  });
}

export async function openShiftFor(ctx: StaffContext, laneId: string, openingFloatFen = 50_000) {
  const { shift } = await openShift(ctx, { shiftId: newId(), laneId, openingFloatFen });
  return shift;
}

export function saleLine(
  product: Awaited<ReturnType<typeof addProduct>>,
  quantity = 1,
  overrides: Partial<SaleLine> = {},
): SaleLine {
  return {
    lineId: newId(),
    productId: product.id,
    scannedCode: product.code,
    nameZh: product.nameZh,
    nameEn: product.nameEn,
    departmentId: product.departmentId,
    vatRateBps: product.vatRateBps,
    unit: product.unit,
    quantity,
    weightGrams: null,
    unitPriceFen: product.priceFen,
    labelTotalFen: null,
    discount: null,
    ...overrides,
  };
}

let receiptMs = 0;
export function saleInput(
  laneId: string,
  laneNumber: number,
  shiftId: string,
  lines: SaleLine[],
  tenders: Omit<Tender, 'tenderId' | 'reference'>[],
): FinalizeSaleInput {
  const soldAt = new Date(Date.UTC(2026, 10, 21, 2, 0, 0) + ++receiptMs);
  return {
    saleId: newId(),
    laneId,
    shiftId,
    receiptNo: receiptNumber(laneNumber, soldAt, 'Asia/Shanghai'),
    soldAt,
    customerSegment: 'F-30',
    lines,
    saleDiscount: null,
    tenders: tenders.map((t) => ({ ...t, tenderId: newId(), reference: null })),
  };
}

/** A card payment as the terminal approved it for this sale, to pay a `bank_card` tender in tests. */
export async function approvedCardPayment(store: Store, laneId: string, saleId: string, amountFen: number) {
  const id = newId();
  await store
    .as('cashier')
    .db.insert(cardPayments)
    .values({
      id,
      storeId: store.storeId,
      laneId,
      staffId: store.members.cashier.id,
      saleId,
      txnType: '00',
      ecrRef: id.replaceAll('-', ''),
      amountFen,
      state: 'approved',
      approvedAmountFen: amountFen,
      cardOrg: 'CUP',
      fundingType: 'D',
      createdAt: new Date(),
    });
  return id;
}

/** A product's on-hand projection beside the sum of its ledger: the two must always agree. */
export async function stockOf(db: Database, storeId: string, productId: string) {
  const [level] = await db
    .select({ onHand: stockLevels.onHand })
    .from(stockLevels)
    .where(and(eq(stockLevels.storeId, storeId), eq(stockLevels.productId, productId)));
  const [ledger] = await db
    .select({ sum: sql<number>`coalesce(sum(${stockMovements.quantityDelta}), 0)::int` })
    .from(stockMovements)
    .where(and(eq(stockMovements.storeId, storeId), eq(stockMovements.productId, productId)));
  return { projection: level?.onHand ?? 0, ledger: ledger?.sum ?? 0 };
}
