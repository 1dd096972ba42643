import { and, eq } from 'drizzle-orm';
import { beforeEach, expect, it } from 'vitest';
import { auditLog, stockLevels, stockTransfers } from '../../db/schema';
import { createProduct } from '../catalog/create-product';
import { inTransaction } from '../core/context';
import { newId } from '../core/ids';
import { postStockMovements } from '../inventory/post-stock-movements';
import { receiptNumber } from '../domain/store-time';
import { finalizeSale } from '../sales/finalize-sale';
import { findSaleForReturn } from '../sales/find-sale-for-return';
import { recordReturn } from '../sales/record-return';
import { forEachDatabase } from '../testing/database-suite';
import { createStoreFixture } from '../testing/fixtures';
import { addProduct, openShiftFor, saleInput, saleLine, stockOf, storeLanes } from '../testing/sale-fixtures';
import { getStockTransfer } from './get-stock-transfer';
import { listStockHistory } from './list-stock-history';
import { listStockTransfers } from './list-stock-transfers';
import { receiveStockTransfer } from './receive-stock-transfer';
import { sendStockTransfer } from './send-stock-transfer';

type Store = Awaited<ReturnType<typeof createStoreFixture>>;

forEachDatabase((database) => {
  let sender: Store;
  let receiver: Store;
  beforeEach(async () => {
    sender = await createStoreFixture(database().db);
    receiver = await createStoreFixture(database().db);
  });

  /** The same item code in the receiving store, as products are per store. */
  const twin = (product: Awaited<ReturnType<typeof addProduct>>) =>
    createProduct(receiver.as('store_manager'), {
      id: newId(),
      code: product.code,
      nameZh: product.nameZh,
      nameEn: product.nameEn,
      departmentId: receiver.departmentId('20'),
      unit: product.unit,
      priceFen: product.priceFen,
      costFen: 200,
      vatRateBps: 1300,
      plu: null,
      active: true,
      barcodes: [],
    });
  const stock = (store: Store, productId: string) => stockOf(database().db, store.storeId, productId);
  const receive = (store: Store, productId: string, quantityDelta: number) =>
    inTransaction(store.as('store_manager'), (tx) =>
      postStockMovements(tx, 'receipt', { type: 'goods_receipt', id: newId() }, [
        { productId, quantityDelta, unitCostFen: 500 },
      ]),
    );

  it('sends, shows in transit on both sides, receives with a difference, and refuses a second receipt', async () => {
    const tea = await addProduct(sender);
    const cola = await addProduct(sender);
    const teaThere = await twin(tea);
    const colaThere = await twin(cola);
    await receive(sender, tea.id, 30);
    const id = newId();
    const sent = await sendStockTransfer(sender.as('supervisor'), {
      id,
      toStoreId: receiver.storeId,
      note: '补货',
      lines: [
        { productId: tea.id, quantity: 10 },
        { productId: cola.id, quantity: 4 },
      ],
    });
    expect(sent).toMatchObject({ number: 'TR-20261121-001', status: 'in_transit', direction: 'out' });
    expect(sent.lines).toMatchObject([
      { productCode: tea.code, quantitySent: 10, quantityReceived: null, unitCostFen: 500, receiverHasProduct: true },
      { productCode: cola.code, quantitySent: 4, quantityReceived: null, unitCostFen: 200, receiverHasProduct: true },
    ]);
    expect(await stock(sender, tea.id)).toEqual({ projection: 20, ledger: 20 });
    expect(await stock(sender, cola.id)).toEqual({ projection: -4, ledger: -4 });
    expect(await stock(receiver, teaThere.id)).toEqual({ projection: 0, ledger: 0 });

    const incoming = await listStockTransfers(receiver.as('supervisor'), { direction: 'in', status: 'in_transit' });
    expect(incoming.items).toMatchObject([{ id, otherStoreCode: sender.code, lineCount: 2 }]);
    expect((await listStockTransfers(sender.as('supervisor'), { direction: 'out' })).items).toMatchObject([
      { id, otherStoreCode: receiver.code, status: 'in_transit' },
    ]);
    expect((await listStockTransfers(sender.as('supervisor'), { direction: 'in' })).items).toEqual([]);

    const [teaLine, colaLine] = sent.lines;
    if (!teaLine || !colaLine) throw new Error('no lines');
    const receipt = {
      id,
      lines: [
        { lineId: teaLine.id, quantityReceived: 9 },
        { lineId: colaLine.id, quantityReceived: 4 },
      ],
    };
    const received = await receiveStockTransfer(receiver.as('store_manager'), receipt);
    expect(received).toMatchObject({ status: 'received', direction: 'in' });
    expect(received.lines).toMatchObject([
      { quantitySent: 10, quantityReceived: 9, difference: 1, toProductId: teaThere.id },
      { quantitySent: 4, quantityReceived: 4, difference: 0, toProductId: colaThere.id },
    ]);
    expect(await stock(receiver, teaThere.id)).toEqual({ projection: 9, ledger: 9 });
    expect(await stock(receiver, colaThere.id)).toEqual({ projection: 4, ledger: 4 });
    expect(await receiveStockTransfer(receiver.as('store_manager'), receipt)).toEqual(received);
    await expect(
      receiveStockTransfer(receiver.as('supervisor'), {
        id,
        lines: [
          { lineId: teaLine.id, quantityReceived: 10 },
          { lineId: colaLine.id, quantityReceived: 4 },
        ],
      }),
    ).rejects.toMatchObject({ reason: 'stock-transfer.already-received' });
    expect(await stock(receiver, teaThere.id)).toEqual({ projection: 9, ledger: 9 });
    expect(await getStockTransfer(sender.as('supervisor'), { id })).toMatchObject({
      status: 'received',
      direction: 'out',
      lines: [{ difference: 1 }, { difference: 0 }],
    });
    const audits = await database().db.select().from(auditLog).where(eq(auditLog.entityId, id));
    expect(audits.map((a) => [a.action, a.storeId]).sort()).toEqual(
      [
        ['stock-transfer.received', receiver.storeId],
        ['stock-transfer.sent', sender.storeId],
      ].sort(),
    );

    const senderHistory = await listStockHistory(sender.as('supervisor'), { productId: tea.id });
    expect(senderHistory.items[0]).toMatchObject({
      kind: 'transfer_out',
      quantityDelta: -10,
      onHandAfter: 20,
      source: {
        type: 'stock_transfer',
        id,
        number: 'TR-20261121-001',
        direction: 'out',
        otherStore: { code: receiver.code },
      },
    });
    const receiverHistory = await listStockHistory(receiver.as('supervisor'), { productId: teaThere.id });
    expect(receiverHistory.items).toMatchObject([
      {
        kind: 'transfer_in',
        quantityDelta: 9,
        onHandAfter: 9,
        source: { type: 'stock_transfer', direction: 'in', otherStore: { code: sender.code } },
      },
    ]);
  });

  it('carries the sender’s cost into the receiving store’s average, and refuses a code sold by another unit', async () => {
    const tea = await addProduct(sender);
    const cola = await addProduct(sender);
    const teaThere = await twin(tea);
    await createProduct(receiver.as('store_manager'), {
      id: newId(),
      code: cola.code,
      nameZh: cola.nameZh,
      nameEn: cola.nameEn,
      departmentId: receiver.departmentId('20'),
      unit: 'kg',
      priceFen: cola.priceFen,
      costFen: 200,
      vatRateBps: 1300,
      plu: `9${String(Math.floor(Math.random() * 1e4)).padStart(4, '0')}`,
      active: true,
      barcodes: [],
    });
    await receive(sender, tea.id, 30);
    const averageOf = async (store: Store, productId: string) =>
      (
        await database()
          .db.select({ avg: stockLevels.avgCostFen })
          .from(stockLevels)
          .where(and(eq(stockLevels.storeId, store.storeId), eq(stockLevels.productId, productId)))
      )[0]?.avg;
    const teaTransfer = await sendStockTransfer(sender.as('supervisor'), {
      id: newId(),
      toStoreId: receiver.storeId,
      note: '',
      lines: [{ productId: tea.id, quantity: 10 }],
    });
    const colaTransfer = await sendStockTransfer(sender.as('supervisor'), {
      id: newId(),
      toStoreId: receiver.storeId,
      note: '',
      lines: [{ productId: cola.id, quantity: 3 }],
    });
    // Cola never arrived at a cost in the sending store: sending it leaves its average unknown.
    expect(await averageOf(sender, cola.id)).toBeNull();
    const [teaLine] = teaTransfer.lines;
    const [colaLine] = colaTransfer.lines;
    if (!teaLine || !colaLine) throw new Error('no lines');
    await receiveStockTransfer(receiver.as('store_manager'), {
      id: teaTransfer.id,
      lines: [{ lineId: teaLine.id, quantityReceived: 10 }],
    });
    // The twin's catalog cost is 200; the tea cost the sender 500 and arrives at that.
    expect(await averageOf(receiver, teaThere.id)).toBe(500);
    await expect(
      receiveStockTransfer(receiver.as('store_manager'), {
        id: colaTransfer.id,
        lines: [{ lineId: colaLine.id, quantityReceived: 3 }],
      }),
    ).rejects.toMatchObject({ reason: 'stock-transfer.unit-mismatch' });
    expect((await getStockTransfer(receiver.as('supervisor'), { id: colaTransfer.id })).status).toBe('in_transit');
  });

  it('is idempotent when sent twice with the same id', async () => {
    const tea = await addProduct(sender);
    const input = { id: newId(), toStoreId: receiver.storeId, lines: [{ productId: tea.id, quantity: 2 }] };
    const first = await sendStockTransfer(sender.as('store_manager'), input);
    expect(await sendStockTransfer(sender.as('store_manager'), input)).toEqual(first);
    expect(await stock(sender, tea.id)).toEqual({ projection: -2, ledger: -2 });
  });

  it('refuses to receive into a store that lacks the product, and bad sends, changing nothing', async () => {
    const tea = await addProduct(sender);
    const unknownHere = await addProduct(sender);
    await twin(tea);
    const id = newId();
    const sent = await sendStockTransfer(sender.as('store_manager'), {
      id,
      toStoreId: receiver.storeId,
      lines: [
        { productId: tea.id, quantity: 3 },
        { productId: unknownHere.id, quantity: 1 },
      ],
    });
    expect(sent.lines.map((l) => l.receiverHasProduct)).toEqual([true, false]);
    const lines = sent.lines.map((l) => ({ lineId: l.id, quantityReceived: l.quantitySent }));
    await expect(receiveStockTransfer(receiver.as('store_manager'), { id, lines })).rejects.toMatchObject({
      reason: 'stock-transfer.product-missing',
      message: expect.stringContaining(unknownHere.code),
    });
    await expect(
      receiveStockTransfer(receiver.as('store_manager'), { id, lines: lines.slice(0, 1) }),
    ).rejects.toMatchObject({ reason: 'stock-transfer.lines-mismatch' });
    await expect(receiveStockTransfer(sender.as('store_manager'), { id, lines })).rejects.toMatchObject({
      reason: 'stock-transfer.not-found',
    });
    const [row] = await database().db.select().from(stockTransfers).where(eq(stockTransfers.id, id));
    expect(row?.status).toBe('in_transit');

    const stranger = await addProduct(receiver);
    const refused = [
      ['stock-transfer.same-store', sender.storeId, tea.id],
      ['stock-transfer.unknown-store', newId(), tea.id],
      ['stock.unknown-product', receiver.storeId, stranger.id],
    ] as const;
    for (const [reason, toStoreId, productId] of refused) {
      await expect(
        sendStockTransfer(sender.as('store_manager'), { id: newId(), toStoreId, lines: [{ productId, quantity: 1 }] }),
      ).rejects.toMatchObject({ reason });
    }
    await expect(
      sendStockTransfer(sender.as('store_manager'), {
        id: newId(),
        toStoreId: receiver.storeId,
        lines: [{ productId: tea.id, quantity: 0 }],
      }),
    ).rejects.toMatchObject({ name: 'ZodError' });
    expect(await stock(sender, tea.id)).toEqual({ projection: -3, ledger: -3 });
    const transfers = await database()
      .db.select({ id: stockTransfers.id })
      .from(stockTransfers)
      .where(eq(stockTransfers.storeId, sender.storeId));
    expect(transfers).toEqual([{ id }]);
  });

  it('names the receipt of a sale and of its return in the history', async () => {
    const [lane] = await storeLanes(database().db, sender.storeId);
    if (!lane) throw new Error('no lane');
    const cashier = sender.as('cashier');
    const shift = await openShiftFor(cashier, lane.id);
    const cola = await addProduct(sender, { priceFen: 300 });
    const sale = saleInput(lane.id, lane.number, shift.id, [saleLine(cola, 2)], [{ kind: 'cash', amountFen: 600 }]);
    const recorded = await finalizeSale(cashier, sale);
    const [line] = (await findSaleForReturn(cashier, { receiptNo: recorded.receiptNo })).lines;
    if (!line) throw new Error('no line');
    const returnedAt = new Date(Date.UTC(2026, 10, 21, 5, 0, 0));
    const returnId = newId();
    const returnReceiptNo = receiptNumber(lane.number, returnedAt, 'Asia/Shanghai');
    await recordReturn(cashier, {
      returnId,
      laneId: lane.id,
      shiftId: shift.id,
      receiptNo: returnReceiptNo,
      returnedAt,
      originalSaleId: sale.saleId,
      lines: [{ lineId: newId(), originalLineId: line.lineId, quantity: 1 }],
    });
    const history = await listStockHistory(sender.as('supervisor'), { productId: cola.id });
    expect(history.items).toMatchObject([
      {
        kind: 'return',
        quantityDelta: 1,
        onHandAfter: -1,
        source: { type: 'sale', id: returnId, receiptNo: returnReceiptNo, isReturn: true },
      },
      {
        kind: 'sale',
        quantityDelta: -2,
        onHandAfter: -2,
        source: { type: 'sale', id: sale.saleId, receiptNo: recorded.receiptNo, isReturn: false },
      },
    ]);
  });

  it('pages the history with the running balance carried across pages', async () => {
    const tea = await addProduct(sender);
    for (const quantity of [5, 7, -2, 4, -1]) {
      await receive(sender, tea.id, quantity);
      sender.clock.advanceMinutes(1);
    }
    const manager = sender.as('store_manager');
    const first = await listStockHistory(manager, { productId: tea.id, pageSize: 2 });
    expect(first.items.map((i) => [i.quantityDelta, i.onHandAfter])).toEqual([
      [-1, 13],
      [4, 14],
    ]);
    if (!first.nextCursor) throw new Error('no next page');
    const second = await listStockHistory(manager, { productId: tea.id, pageSize: 2, cursor: first.nextCursor });
    expect(second.items.map((i) => [i.quantityDelta, i.onHandAfter])).toEqual([
      [-2, 10],
      [7, 12],
    ]);
    if (!second.nextCursor) throw new Error('no third page');
    const third = await listStockHistory(manager, { productId: tea.id, pageSize: 2, cursor: second.nextCursor });
    expect(third.items.map((i) => [i.quantityDelta, i.onHandAfter])).toEqual([[5, 5]]);
    expect(third.nextCursor).toBeNull();
  });
});
