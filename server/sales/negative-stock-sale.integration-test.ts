import { and, eq } from 'drizzle-orm';
import { beforeEach, expect, it } from 'vitest';
import { approvals, auditLog, sales } from '../../db/schema';
import { grantApproval } from '../approvals/grant-approval';
import { newId } from '../core/ids';
import { updateStore } from '../stores/update-store';
import { forEachDatabase } from '../testing/database-suite';
import { createStoreFixture, FIXTURE_PASSWORD } from '../testing/fixtures';
import { addProduct, openShiftFor, saleInput, saleLine, stockOf, storeLanes } from '../testing/sale-fixtures';
import { finalizeSale } from './finalize-sale';

forEachDatabase((database) => {
  let store: Awaited<ReturnType<typeof createStoreFixture>>;
  beforeEach(async () => {
    store = await createStoreFixture(database().db);
    await updateStore(store.as('store_manager'), { negativeStockPolicy: 'block' });
  });

  async function openSale(quantity = 2) {
    const [lane] = await storeLanes(database().db, store.storeId);
    if (!lane) throw new Error('no lane');
    const cashier = store.as('cashier');
    const shift = await openShiftFor(cashier, lane.id);
    const product = await addProduct(store, { priceFen: 500 });
    const input = saleInput(
      lane.id,
      lane.number,
      shift.id,
      [saleLine(product, quantity)],
      [{ kind: 'cash', amountFen: 500 * quantity }],
    );
    return { cashier, product, input };
  }

  const approve = (saleId: string, fixture = store, action: 'negative-stock' | 'discount' = 'negative-stock') =>
    grantApproval(fixture.as('cashier'), {
      approvalId: newId(),
      saleId,
      action,
      operatorNo: fixture.members.supervisor.operatorNo,
      password: FIXTURE_PASSWORD,
    });

  const salesWithId = (saleId: string) => database().db.select().from(sales).where(eq(sales.id, saleId));

  it('records a sale beyond stock with the supervisor’s approval, audited with the approver, once', async () => {
    const { cashier, product, input } = await openSale(2);
    const { approvalId } = await approve(input.saleId);
    const withApproval = { ...input, negativeStockApprovals: [{ approvalId, productId: product.id, quantity: 2 }] };

    const first = await finalizeSale(cashier, withApproval);
    const again = await finalizeSale(cashier, withApproval);
    expect(again).toEqual(first);

    const rows = await database()
      .db.select()
      .from(auditLog)
      .where(and(eq(auditLog.entityId, input.saleId), eq(auditLog.action, 'sale.negative-stock-approved')));
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({
      storeId: store.storeId,
      actorStaffId: store.members.cashier.id,
      approverStaffId: store.members.supervisor.id,
      changes: { productId: { to: product.id }, approvedQuantity: { to: 2 }, soldQuantity: { to: 2 } },
    });
    const [spent] = await database().db.select().from(approvals).where(eq(approvals.id, approvalId));
    expect(spent?.usedAt).not.toBeNull();
    expect(await stockOf(database().db, store.storeId, product.id)).toEqual({ projection: -2, ledger: -2 });
  });

  it('refuses an approval that is unknown, of another store, for another action or sale, and records nothing', async () => {
    const { cashier, product, input } = await openSale(1);
    const other = await createStoreFixture(database().db);
    const foreign = await approve(input.saleId, other);
    const discount = await approve(input.saleId, store, 'discount');
    const otherSale = await approve(newId());
    for (const approvalId of [newId(), foreign.approvalId, discount.approvalId, otherSale.approvalId]) {
      const attempt = { ...input, negativeStockApprovals: [{ approvalId, productId: product.id, quantity: 1 }] };
      await expect(finalizeSale(cashier, attempt)).rejects.toMatchObject({ reason: 'approval.invalid' });
    }
    const valid = await approve(input.saleId);
    const elsewhere = await addProduct(store);
    const wrongProduct = {
      ...input,
      negativeStockApprovals: [{ approvalId: valid.approvalId, productId: elsewhere.id, quantity: 1 }],
    };
    await expect(finalizeSale(cashier, wrongProduct)).rejects.toMatchObject({ reason: 'sale.negative-stock-product' });
    expect(await salesWithId(input.saleId)).toEqual([]);
    expect(await stockOf(database().db, store.storeId, product.id)).toEqual({ projection: 0, ledger: 0 });
    const [unspent] = await database().db.select().from(approvals).where(eq(approvals.id, valid.approvalId));
    expect(unspent?.usedAt).toBeNull();
  });

  it('never refuses a finished sale for lack of stock: without an approval it is recorded and stock goes negative', async () => {
    const { cashier, product, input } = await openSale(3);
    await finalizeSale(cashier, input);
    expect(await salesWithId(input.saleId)).toHaveLength(1);
    expect(await stockOf(database().db, store.storeId, product.id)).toEqual({ projection: -3, ledger: -3 });
  });
});
