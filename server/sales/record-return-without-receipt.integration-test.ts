import { eq } from 'drizzle-orm';
import { beforeEach, expect, it } from 'vitest';
import { auditLog, cashMovements, sales } from '../../db/schema';
import { grantApproval } from '../approvals/grant-approval';
import { newId } from '../core/ids';
import { receiptNumber } from '../domain/store-time';
import { shiftReport } from '../shifts/shift-report';
import { forEachDatabase } from '../testing/database-suite';
import { createStoreFixture, FIXTURE_PASSWORD } from '../testing/fixtures';
import { addProduct, openShiftFor, storeLanes, stockOf } from '../testing/sale-fixtures';
import { recordReturnWithoutReceipt } from './record-return-without-receipt';

forEachDatabase((database) => {
  let store: Awaited<ReturnType<typeof createStoreFixture>>;
  beforeEach(async () => {
    store = await createStoreFixture(database().db);
  });

  let returnMs = 0;
  async function setUp() {
    const [lane] = await storeLanes(database().db, store.storeId);
    if (!lane) throw new Error('no lane');
    const cashier = store.as('cashier');
    const shift = await openShiftFor(cashier, lane.id, 10_000);
    const cola = await addProduct(store, { priceFen: 350 });
    const apples = await addProduct(store, { priceFen: 1280, unit: 'kg', plu: '7101' });
    const returnedAt = new Date(Date.UTC(2026, 10, 21, 6, 0, 0) + ++returnMs);
    const input = {
      returnId: newId(),
      laneId: lane.id,
      shiftId: shift.id,
      receiptNo: receiptNumber(lane.number, returnedAt, 'Asia/Shanghai'),
      returnedAt,
      approvalId: newId(),
      reason: '顾客无小票，商品未开封',
      lines: [
        { lineId: newId(), productId: cola.id, scannedCode: cola.code, quantity: 2, weightGrams: null },
        { lineId: newId(), productId: apples.id, scannedCode: apples.code, quantity: 1, weightGrams: 750 },
      ],
    };
    return { lane, cashier, shift, cola, apples, input };
  }

  const approve = (returnId: string, approvalId: string, role: 'supervisor' | 'cashier' = 'supervisor') =>
    grantApproval(store.as('cashier'), {
      approvalId,
      saleId: returnId,
      action: 'return-without-receipt',
      operatorNo: store.members[role].operatorNo,
      password: FIXTURE_PASSWORD,
    });

  const onHand = (productId: string) => stockOf(database().db, store.storeId, productId);

  it('refunds at today’s catalog price with a supervisor’s approval, puts stock back once, and audits the approver', async () => {
    const { cashier, shift, cola, apples, input } = await setUp();
    await approve(input.returnId, input.approvalId);
    const refund = await recordReturnWithoutReceipt(cashier, input);
    // 2 × 3.50 + 0.75 kg × 12.80 = 7.00 + 9.60
    expect(refund.refundFen).toBe(1660);
    expect(await recordReturnWithoutReceipt(cashier, input)).toEqual(refund);

    const [row] = await database().db.select().from(sales).where(eq(sales.id, input.returnId));
    expect(row).toMatchObject({ kind: 'return', totalFen: -1660, originalSaleId: null, returnReason: input.reason });
    expect(await onHand(cola.id)).toEqual({ projection: 2, ledger: 2 });
    expect(await onHand(apples.id)).toEqual({ projection: 750, ledger: 750 });
    const drawer = await database().db.select().from(cashMovements).where(eq(cashMovements.saleId, input.returnId));
    expect(drawer.map((m) => m.amountFen)).toEqual([-1660]);
    const report = await shiftReport(cashier, { shiftId: shift.id });
    expect(report.cash).toMatchObject({ refundsFen: -1660, expectedFen: 10_000 - 1660 });
    const [audit] = await database().db.select().from(auditLog).where(eq(auditLog.entityId, input.returnId));
    expect(audit).toMatchObject({
      action: 'sale.returned-without-receipt',
      actorStaffId: store.members.cashier.id,
      approverStaffId: store.members.supervisor.id,
    });
  });

  it('refuses without an approval for this return, or a cashier’s own, and changes nothing', async () => {
    const { cashier, cola, input } = await setUp();
    await expect(recordReturnWithoutReceipt(cashier, input)).rejects.toMatchObject({ reason: 'approval.invalid' });
    await expect(approve(input.returnId, input.approvalId, 'cashier')).rejects.toMatchObject({
      reason: 'approval.not-a-supervisor',
    });
    const other = newId();
    await approve(other, input.approvalId);
    await expect(recordReturnWithoutReceipt(cashier, input)).rejects.toMatchObject({ reason: 'approval.invalid' });
    expect(await database().db.select().from(sales).where(eq(sales.id, input.returnId))).toEqual([]);
    expect(await onHand(cola.id)).toEqual({ projection: 0, ledger: 0 });
  });

  it('refuses weighed goods without a weight and counted goods with one', async () => {
    const { cashier, input } = await setUp();
    await approve(input.returnId, input.approvalId);
    const [colaLine, applesLine] = input.lines;
    if (!colaLine || !applesLine) throw new Error('lines');
    await expect(
      recordReturnWithoutReceipt(cashier, { ...input, lines: [{ ...applesLine, weightGrams: null }] }),
    ).rejects.toMatchObject({ reason: 'return.weight-mismatch' });
    await expect(
      recordReturnWithoutReceipt(cashier, { ...input, lines: [{ ...colaLine, weightGrams: 500 }] }),
    ).rejects.toMatchObject({ reason: 'return.weight-mismatch' });
    await expect(recordReturnWithoutReceipt(cashier, { ...input, reason: '  ' })).rejects.toThrow();
    expect(await database().db.select().from(sales).where(eq(sales.id, input.returnId))).toEqual([]);
  });
});
