import net from 'node:net';
import iconv from 'iconv-lite';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { finalizeSale } from '../sales/finalize-sale';
import { saveLane } from '../stores/save-lane';
import { forEachDatabase } from '../testing/database-suite';
import { createStoreFixture } from '../testing/fixtures';
import { addProduct, openShiftFor, saleInput, saleLine, storeLanes } from '../testing/sale-fixtures';
import { printReceipt } from './print-receipt';

forEachDatabase((database) => {
  let store: Awaited<ReturnType<typeof createStoreFixture>>;
  let printer: net.Server;
  let received: Buffer[];
  beforeEach(async () => {
    store = await createStoreFixture(database().db);
    received = [];
    printer = net.createServer((socket) => {
      const chunks: Buffer[] = [];
      socket.on('data', (chunk) => chunks.push(chunk));
      socket.on('end', () => received.push(Buffer.concat(chunks)));
    });
    await new Promise<void>((resolve) => printer.listen(0, '127.0.0.1', resolve));
  });
  afterEach(async () => {
    await new Promise((resolve) => printer.close(resolve));
  });

  it('prints a recorded sale on the lane’s network printer, and reprints it marked as such', async () => {
    const [lane] = await storeLanes(database().db, store.storeId);
    if (!lane) throw new Error('no lane');
    const port = (printer.address() as net.AddressInfo).port;
    const manager = store.as('store_manager');
    await saveLane(manager, {
      id: lane.id,
      number: lane.number,
      name: lane.name,
      terminalHost: null,
      terminalPort: null,
      printerHost: '127.0.0.1',
      printerPort: port,
    });
    const cashier = store.as('cashier');
    const shift = await openShiftFor(cashier, lane.id);
    const cola = await addProduct(store, { priceFen: 350 });
    const sale = await finalizeSale(
      cashier,
      saleInput(lane.id, lane.number, shift.id, [saleLine(cola, 2)], [{ kind: 'cash', amountFen: 1000 }]),
    );

    await printReceipt(cashier, { laneId: lane.id, receiptNo: sale.receiptNo });
    await printReceipt(cashier, { laneId: lane.id, receiptNo: sale.receiptNo, reprint: true });
    await expect.poll(() => received.length).toBe(2);
    const [first, second] = received as [Buffer, Buffer];
    expect(first.includes(iconv.encode(cola.nameZh, 'gbk'))).toBe(true);
    expect(first.includes(Buffer.from(sale.receiptNo))).toBe(true);
    expect(first.includes(iconv.encode('重打小票', 'gbk'))).toBe(false);
    expect(second.includes(iconv.encode('重打小票', 'gbk'))).toBe(true);
  });

  it('says clearly when the lane has no printer or the printer does not answer', async () => {
    const [lane] = await storeLanes(database().db, store.storeId);
    if (!lane) throw new Error('no lane');
    const cashier = store.as('cashier');
    await expect(printReceipt(cashier, { laneId: lane.id, receiptNo: '01-20261121-000000000' })).rejects.toMatchObject({
      reason: 'printer.none',
    });
    const closed = (printer.address() as net.AddressInfo).port;
    await new Promise((resolve) => printer.close(resolve));
    await saveLane(store.as('store_manager'), {
      id: lane.id,
      number: lane.number,
      name: lane.name,
      terminalHost: null,
      terminalPort: null,
      printerHost: '127.0.0.1',
      printerPort: closed,
    });
    const shift = await openShiftFor(cashier, lane.id);
    const cola = await addProduct(store);
    const sale = await finalizeSale(
      cashier,
      saleInput(lane.id, lane.number, shift.id, [saleLine(cola, 1)], [{ kind: 'cash', amountFen: 350 }]),
    );
    await expect(printReceipt(cashier, { laneId: lane.id, receiptNo: sale.receiptNo })).rejects.toMatchObject({
      reason: 'printer.unreachable',
    });
    printer = net.createServer();
    await new Promise<void>((resolve) => printer.listen(0, '127.0.0.1', resolve));
  });
});
