import { eq } from 'drizzle-orm';
import { beforeEach, expect, it } from 'vitest';
import { auditLog, sales } from '../../db/schema';
import { newId } from '../core/ids';
import { finalizeSale } from '../sales/finalize-sale';
import { voidOpenSale } from '../sales/void-open-sale';
import { forEachDatabase } from '../testing/database-suite';
import { createStoreFixture, FIXTURE_PASSWORD } from '../testing/fixtures';
import { addProduct, openShiftFor, saleInput, saleLine, storeLanes } from '../testing/sale-fixtures';
import { grantApproval } from './grant-approval';

forEachDatabase((database) => {
  let store: Awaited<ReturnType<typeof createStoreFixture>>;
  beforeEach(async () => {
    store = await createStoreFixture(database().db);
  });

  async function openLane() {
    const [lane] = await storeLanes(database().db, store.storeId);
    if (!lane) throw new Error('no lane');
    const cashier = store.as('cashier');
    const shift = await openShiftFor(cashier, lane.id);
    return { lane, cashier, shift, cola: await addProduct(store, { priceFen: 1000 }) };
  }

  const approve = (
    saleId: string,
    action: 'void-sale' | 'price-override' | 'discount',
    role: 'supervisor' | 'cashier' = 'supervisor',
  ) =>
    grantApproval(store.as('cashier'), {
      approvalId: newId(),
      saleId,
      action,
      operatorNo: store.members[role].operatorNo,
      password: FIXTURE_PASSWORD,
    });

  it('refuses a discount beyond the cashier’s limit without a supervisor, and records the approver with one', async () => {
    const { lane, cashier, shift, cola } = await openLane();
    const base = saleInput(lane.id, lane.number, shift.id, [saleLine(cola, 1)], [{ kind: 'cash', amountFen: 800 }]);
    const input = { ...base, saleDiscount: { kind: 'amount' as const, fen: 200 } };
    await expect(finalizeSale(cashier, input)).rejects.toMatchObject({ reason: 'sale.discount-needs-approval' });
    await expect(approve(input.saleId, 'discount', 'cashier')).rejects.toMatchObject({
      reason: 'approval.not-a-supervisor',
    });
    const { approvalId } = await approve(input.saleId, 'discount');
    await finalizeSale(cashier, { ...input, discountApprovalId: approvalId });
    const [row] = await database().db.select().from(auditLog).where(eq(auditLog.entityId, input.saleId));
    expect(row).toMatchObject({
      action: 'sale.discount-approved',
      approverStaffId: store.members.supervisor.id,
      actorStaffId: store.members.cashier.id,
    });

    const small = {
      ...saleInput(lane.id, lane.number, shift.id, [saleLine(cola, 1)], [{ kind: 'cash', amountFen: 950 }]),
      saleDiscount: { kind: 'amount' as const, fen: 50 },
    };
    await finalizeSale(cashier, small);
  });

  it('takes an overridden price only with an approval granted for that sale', async () => {
    const { lane, cashier, shift, cola } = await openLane();
    const input = saleInput(
      lane.id,
      lane.number,
      shift.id,
      [saleLine(cola, 1, { unitPriceFen: 600 })],
      [{ kind: 'cash', amountFen: 600 }],
    );
    const other = await approve(newId(), 'price-override');
    const stolen = { ...input, lines: input.lines.map((l) => ({ ...l, overrideApprovalId: other.approvalId })) };
    await expect(finalizeSale(cashier, stolen)).rejects.toMatchObject({ reason: 'approval.invalid' });
    const { approvalId } = await approve(input.saleId, 'price-override');
    const approved = { ...input, lines: input.lines.map((l) => ({ ...l, overrideApprovalId: approvalId })) };
    await finalizeSale(cashier, approved);
    await finalizeSale(cashier, approved);
    const [sale] = await database().db.select().from(sales).where(eq(sales.id, input.saleId));
    expect(sale?.priceDifferences).toEqual([]);
    const rows = await database().db.select().from(auditLog).where(eq(auditLog.entityId, input.saleId));
    expect(rows.map((r) => [r.action, r.changes])).toEqual([
      ['sale.price-overridden', { unitPriceFen: { from: 1000, to: 600 } }],
    ]);
  });

  it('voids a whole open sale only with an approval, once', async () => {
    const { cashier, cola } = await openLane();
    const saleId = newId();
    const lines = [saleLine(cola, 2)];
    await expect(voidOpenSale(cashier, { saleId, approvalId: newId(), lines })).rejects.toMatchObject({
      reason: 'approval.invalid',
    });
    const { approvalId } = await approve(saleId, 'void-sale');
    await voidOpenSale(cashier, { saleId, approvalId, lines });
    await voidOpenSale(cashier, { saleId, approvalId, lines });
    const rows = await database().db.select().from(auditLog).where(eq(auditLog.entityId, saleId));
    expect(rows.map((r) => [r.action, r.approverStaffId])).toEqual([['sale.voided', store.members.supervisor.id]]);
  });
});
