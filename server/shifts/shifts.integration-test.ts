import { beforeEach, expect, it } from 'vitest';
import { newId } from '../core/ids';
import { finalizeSale } from '../sales/finalize-sale';
import { forEachDatabase } from '../testing/database-suite';
import { createStoreFixture } from '../testing/fixtures';
import {
  addProduct,
  approvedCardPayment,
  openShiftFor,
  saleInput,
  saleLine,
  storeLanes,
} from '../testing/sale-fixtures';
import { closeShift } from './close-shift';
import { openShift } from './open-shift';
import { recordCashMovement } from './record-cash-movement';
import { shiftReport } from './shift-report';

forEachDatabase((database) => {
  let store: Awaited<ReturnType<typeof createStoreFixture>>;
  beforeEach(async () => {
    store = await createStoreFixture(database().db);
  });

  it('resumes the cashier’s own open shift and refuses another cashier on a busy lane', async () => {
    const [lane] = await storeLanes(database().db, store.storeId);
    if (!lane) throw new Error('no lane');
    const first = await openShift(store.as('cashier'), { shiftId: newId(), laneId: lane.id, openingFloatFen: 20_000 });
    const again = await openShift(store.as('cashier'), { shiftId: newId(), laneId: lane.id, openingFloatFen: 0 });
    expect(again).toMatchObject({ resumed: true, shift: { id: first.shift.id, openingFloatFen: 20_000 } });
    await expect(
      openShift(store.as('supervisor'), { shiftId: newId(), laneId: lane.id, openingFloatFen: 0 }),
    ).rejects.toMatchObject({
      reason: 'shift.lane-busy',
    });
  });

  it('expects float + cash takings (change netted out) + paid in − paid out, blind-counted at close', async () => {
    const [lane] = await storeLanes(database().db, store.storeId);
    if (!lane) throw new Error('no lane');
    const cashier = store.as('cashier');
    const shift = await openShiftFor(cashier, lane.id, 50_000);
    const cola = await addProduct(store, { priceFen: 350 });
    await finalizeSale(
      cashier,
      saleInput(lane.id, lane.number, shift.id, [saleLine(cola, 3)], [{ kind: 'cash', amountFen: 2000 }]),
    );
    const split = saleInput(
      lane.id,
      lane.number,
      shift.id,
      [saleLine(cola, 2)],
      [
        { kind: 'bank_card', amountFen: 500 },
        { kind: 'cash', amountFen: 500 },
      ],
    );
    const paymentId = await approvedCardPayment(store, lane.id, split.saleId, 500);
    await finalizeSale(cashier, {
      ...split,
      tenders: split.tenders.map((t) => (t.kind === 'bank_card' ? { ...t, reference: paymentId } : t)),
    });
    const paidIn = {
      movementId: newId(),
      shiftId: shift.id,
      kind: 'paid_in' as const,
      amountFen: 10_000,
      reason: '备用金补充',
    };
    await recordCashMovement(cashier, paidIn);
    await recordCashMovement(cashier, paidIn);
    await recordCashMovement(cashier, {
      movementId: newId(),
      shiftId: shift.id,
      kind: 'paid_out',
      amountFen: 3_000,
      reason: '购买清洁用品',
    });

    const x = await shiftReport(cashier, { shiftId: shift.id });
    expect(x.sales).toEqual({ count: 2, totalFen: 1050 + 700 });
    expect(x.takingsByTender).toEqual({ cash: 1050 + 200, bank_card: 500, store_card: 0 });
    expect(x.cash).toMatchObject({ openingFloatFen: 50_000, salesFen: 1250, paidInFen: 10_000, paidOutFen: -3_000 });
    expect(x.cash.expectedFen).toBe(50_000 + 1250 + 10_000 - 3_000);
    expect(x.cash.countedFen).toBeNull();

    const z = await closeShift(cashier, { shiftId: shift.id, countedCashFen: 58_200 });
    expect(z.shift.status).toBe('closed');
    expect(z.cash).toMatchObject({ expectedFen: 58_250, countedFen: 58_200, differenceFen: -50 });
    expect(await closeShift(cashier, { shiftId: shift.id, countedCashFen: 58_200 })).toEqual(z);
    await expect(recordCashMovement(cashier, { ...paidIn, movementId: newId() })).rejects.toMatchObject({
      reason: 'shift.closed',
    });
  });
});
