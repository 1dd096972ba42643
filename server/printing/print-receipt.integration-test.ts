import net from 'node:net';
import iconv from 'iconv-lite';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { finalizeSale } from '../sales/finalize-sale';
import { saveLane } from '../stores/save-lane';
import { forEachDatabase } from '../testing/database-suite';
import { createStoreFixture } from '../testing/fixtures';
import { addProduct, openShiftFor, saleInput, saleLine, storeLanes } from '../testing/sale-fixtures';
import { newId } from '../core/ids';
import { receiptNumber } from '../domain/store-time';
import { recordReturn } from '../sales/record-return';
import { updateStore } from '../stores/update-store';
import { printReceipt, receiptData } from './print-receipt';

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

  it('prints each line’s discount, the sale discount, the store’s local time, in the store’s receipt language', async () => {
    const [lane] = await storeLanes(database().db, store.storeId);
    if (!lane) throw new Error('no lane');
    const manager = store.as('store_manager');
    await saveLane(manager, {
      id: lane.id,
      number: lane.number,
      name: lane.name,
      terminalHost: null,
      terminalPort: null,
      printerHost: '127.0.0.1',
      printerPort: (printer.address() as net.AddressInfo).port,
    });
    const cashier = store.as('cashier');
    const shift = await openShiftFor(cashier, lane.id);
    const soap = await addProduct(store, { priceFen: 1380 });
    const cola = await addProduct(store, { priceFen: 350 });
    const input = saleInput(
      lane.id,
      lane.number,
      shift.id,
      [saleLine(soap, 2, { discount: { kind: 'percent', bps: 500 } }), saleLine(cola, 1)],
      [{ kind: 'cash', amountFen: 5000 }],
    );
    const sale = await finalizeSale(cashier, { ...input, saleDiscount: { kind: 'amount', fen: 100 } });
    expect(sale.totalFen).toBe(2760 - 138 + 350 - 100);
    const printedLines = (bytes: Buffer) => iconv.decode(bytes, 'gbk').split('\n\r');
    const hasRow = (lines: string[], left: string, right: string) =>
      lines.some((line) => line.startsWith(left) && line.trimEnd().endsWith(` ${right}`));

    await printReceipt(cashier, { laneId: lane.id, receiptNo: sale.receiptNo });
    await updateStore(manager, { receiptLanguage: 'en' });
    await printReceipt(cashier, { laneId: lane.id, receiptNo: sale.receiptNo });
    await expect.poll(() => received.length).toBe(2);
    const [chinese, english] = (received as [Buffer, Buffer]).map(printedLines) as [string[], string[]];

    const soapAt = chinese.findIndex((line) => line.startsWith(soap.nameZh));
    expect(chinese[soapAt]?.trimEnd().endsWith(' 27.60')).toBe(true);
    expect(chinese[soapAt + 1]).toBe('  2 × 13.80');
    expect(chinese[soapAt + 2]).toMatch(/^ {2}折扣 +-1\.38$/);
    expect(hasRow(chinese, '整单折扣', '-1.00')).toBe(true);
    expect(hasRow(chinese, '\x1bE\x01合计', '￥28.72\x1bE\x00')).toBe(true);
    // Sold at 02:00 UTC: 10:00 in the store's Asia/Shanghai, whatever zone the server runs in.
    expect(chinese).toContain('时间 2026-11-21 10:00:00');

    expect(hasRow(english, soap.nameEn, '27.60')).toBe(true);
    expect(english).toContainEqual(expect.stringMatching(/^ {2}Discount +-1\.38$/));
    expect(hasRow(english, 'Sale discount', '-1.00')).toBe(true);
    expect(hasRow(english, 'Change', '￥21.28')).toBe(true);
    expect(english).toContain('Time 2026-11-21 10:00:00');
  });

  it('prints a return by receipt with negative lines and the discount given back', async () => {
    const [lane] = await storeLanes(database().db, store.storeId);
    if (!lane) throw new Error('no lane');
    const cashier = store.as('cashier');
    const shift = await openShiftFor(cashier, lane.id);
    const soap = await addProduct(store, { priceFen: 1380 });
    const line = saleLine(soap, 2, { discount: { kind: 'percent', bps: 1000 } });
    const input = saleInput(lane.id, lane.number, shift.id, [line], [{ kind: 'cash', amountFen: 2484 }]);
    await finalizeSale(cashier, input);
    const returnedAt = new Date(Date.UTC(2026, 10, 21, 5, 0, 0));
    const returned = await recordReturn(cashier, {
      returnId: newId(),
      laneId: lane.id,
      shiftId: shift.id,
      receiptNo: receiptNumber(lane.number, returnedAt, 'Asia/Shanghai'),
      returnedAt,
      originalSaleId: input.saleId,
      lines: [{ lineId: newId(), originalLineId: line.lineId, quantity: 1 }],
    });
    const receipt = await receiptData(cashier, returned.receiptNo, false);
    expect(receipt.notes).toEqual(['退货单']);
    expect(receipt.lines).toEqual([
      { names: [soap.nameZh], detail: '-1 × 13.80', amountFen: -1380, discount: { label: '折扣', amountFen: 138 } },
    ]);
    expect(receipt.total.amountFen).toBe(-1242);
    expect(receipt.tenders).toEqual([{ label: '现金', amountFen: -1242 }]);
    expect(receipt.time).toBe('时间 2026-11-21 13:00:00');
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
