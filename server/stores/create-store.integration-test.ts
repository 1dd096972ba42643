import { and, count, eq } from 'drizzle-orm';
import { beforeEach, expect, it } from 'vitest';
import { auditLog, barcodes, departments, lanes, products, staff, stores } from '../../db/schema';
import { createProduct } from '../catalog/create-product';
import { newId } from '../core/ids';
import { completeEan13 } from '../domain/barcode';
import { sendStockTransfer } from '../stock/send-stock-transfer';
import { callerFor } from '../testing/caller';
import { forEachDatabase } from '../testing/database-suite';
import { createStoreFixture, FIXTURE_PASSWORD, type StoreFixture } from '../testing/fixtures';
import { addProduct } from '../testing/sale-fixtures';
import type { CreateStoreInput } from './create-store';

let storeCounter = 0;

forEachDatabase((database) => {
  let store: StoreFixture;
  beforeEach(async () => {
    store = await createStoreFixture(database().db);
  });

  const newStore = (overrides: Partial<CreateStoreInput> = {}): CreateStoreInput => {
    const code = `N${process.pid % 1000}${++storeCounter}${Date.now() % 100000}`;
    return {
      id: newId(),
      code,
      name: `新门店 ${code}`,
      nameEn: `New store ${code}`,
      address: '上海市静安区南京西路 1 号',
      vatNumber: '91310106MA1FL5XK3R',
      timezone: 'Asia/Shanghai',
      lanes: [
        {
          id: newId(),
          number: 1,
          name: '1号收银台',
          terminalHost: '10.0.0.21',
          terminalPort: 9100,
          printerHost: '10.0.0.31',
          printerPort: 9100,
        },
        { id: newId(), number: 2, name: '2号收银台', terminalHost: null, terminalPort: null },
      ],
      manager: {
        id: newId(),
        operatorNo: String(50_000_000 + Math.floor(Math.random() * 40_000_000)),
        name: '新店长',
        password: FIXTURE_PASSWORD,
      },
      ...overrides,
    };
  };
  const storeCount = async () => (await database().db.select({ n: count() }).from(stores))[0]?.n;
  const rowsOf = async (table: typeof departments | typeof products | typeof barcodes, storeId: string) =>
    (await database().db.select({ n: count() }).from(table).where(eq(table.storeId, storeId)))[0]?.n;

  it('lets head office create a store with its lanes and a manager who then runs it', async () => {
    const headOffice = await callerFor(store, 'head_office');
    const input = newStore();
    const created = await headOffice.store.create(input);
    expect(created).toMatchObject({ code: input.code, nameEn: input.nameEn, timezone: 'Asia/Shanghai' });
    expect(created.embeddedBarcodeLayouts.length).toBeGreaterThan(0);
    expect(await headOffice.store.create(input)).toMatchObject({ id: input.id });

    const storeLanes = await database().db.select().from(lanes).where(eq(lanes.storeId, input.id));
    expect(storeLanes.map((l) => [l.number, l.printerHost, l.printerPort, l.terminalHost]).sort()).toEqual([
      [1, '10.0.0.31', 9100, '10.0.0.21'],
      [2, null, null, null],
    ]);
    const [manager] = await database()
      .db.select()
      .from(staff)
      .where(eq(staff.id, input.manager?.id ?? ''));
    expect(manager).toMatchObject({ storeId: input.id, role: 'store_manager' });
    const audit = await database()
      .db.select()
      .from(auditLog)
      .where(and(eq(auditLog.storeId, input.id), eq(auditLog.action, 'store.created')));
    expect(audit).toHaveLength(1);
    expect(audit[0]?.actorStaffId).toBe(store.members.head_office.id);

    // The new manager signs in and works on the new store, not head office's.
    const asManager = await callerFor(
      {
        ...store,
        members: {
          ...store.members,
          store_manager: {
            id: input.manager?.id ?? '',
            operatorNo: input.manager?.operatorNo ?? '',
            role: 'store_manager',
          },
        },
      },
      'store_manager',
    );
    expect((await asManager.store.settings()).store.code).toBe(input.code);
    expect((await headOffice.store.overview()).find((s) => s.id === input.id)).toMatchObject({
      laneCount: 2,
      managers: [{ operatorNo: input.manager?.operatorNo, name: '新店长' }],
    });
  });

  it('keeps store creation, catalog copies and moving staff to head office (the permission table)', async () => {
    for (const role of ['store_manager', 'supervisor'] as const) {
      const caller = await callerFor(store, role);
      await expect(caller.store.create(newStore())).rejects.toMatchObject({ code: 'FORBIDDEN' });
      await expect(
        caller.store.copyCatalog({ id: newId(), fromStoreId: store.storeId, toStoreId: newId() }),
      ).rejects.toMatchObject({ code: 'FORBIDDEN' });
      await expect(
        caller.store.moveStaff({ operatorNo: store.members.cashier.operatorNo, storeId: store.storeId }),
      ).rejects.toMatchObject({ code: 'FORBIDDEN' });
      await expect(caller.store.overview()).rejects.toMatchObject({ code: 'FORBIDDEN' });
    }
  });

  it('gives field errors for an unknown time zone, a taken code, a repeated lane number or operator number, and changes nothing', async () => {
    const headOffice = await callerFor(store, 'head_office');
    const before = await storeCount();
    const staffBefore = (await database().db.select({ n: count() }).from(staff))[0]?.n;
    // A caller's error is not run through the formatter: the field errors are the cause's (domain or zod).
    const causeFieldsOf = async (input: CreateStoreInput) => {
      const error = await headOffice.store.create(input).then(
        () => null,
        (e: unknown) => e as { cause?: { fieldErrors?: Record<string, string[]>; issues?: { path: unknown[] }[] } },
      );
      expect(error).not.toBeNull();
      const domainFields = Object.keys(error?.cause?.fieldErrors ?? {});
      const zodFields = (error?.cause?.issues ?? []).map((issue) => issue.path.join('.'));
      return [...domainFields, ...zodFields];
    };
    expect(await causeFieldsOf(newStore({ timezone: 'Asia/Shangai' }))).toEqual(['timezone']);
    expect(await causeFieldsOf(newStore({ code: store.code }))).toEqual(['code']);
    const lane = { id: newId(), number: 3, name: '3号', terminalHost: null, terminalPort: null };
    expect(await causeFieldsOf(newStore({ lanes: [lane, { ...lane, id: newId() }] }))).toEqual(['lanes.1.number']);
    const taken = newStore();
    expect(
      await causeFieldsOf({ ...taken, manager: { ...taken.manager!, operatorNo: store.members.cashier.operatorNo } }),
    ).toEqual(['manager.operatorNo']);
    expect(await storeCount()).toBe(before);
    expect((await database().db.select({ n: count() }).from(staff))[0]?.n).toBe(staffBefore);
    expect(await database().db.select().from(lanes).where(eq(lanes.storeId, taken.id))).toEqual([]);
  });

  it('copies a catalog exactly into a new store, once per copy id, skipping codes the target already has', async () => {
    const headOffice = await callerFor(store, 'head_office');
    const ean = completeEan13(`69${String(Date.now()).slice(-10)}`);
    const withBarcodes = await createProduct(store.as('store_manager'), {
      id: newId(),
      code: `C${Date.now() % 1e8}`,
      nameZh: '可口可乐 330ml',
      nameEn: 'Coca-Cola 330 ml',
      departmentId: store.departmentId('20'),
      unit: 'each',
      priceFen: 350,
      costFen: 210,
      vatRateBps: 1300,
      plu: null,
      active: true,
      barcodes: [{ code: ean }, { code: `X${Date.now() % 1e8}`, kind: 'internal' }],
    });
    const weighed = await addProduct(store, { unit: 'kg', priceFen: 690, plu: '4011' });
    const target = newStore();
    await headOffice.store.create(target);

    const copyId = newId();
    const counts = await headOffice.store.copyCatalog({ id: copyId, fromStoreId: store.storeId, toStoreId: target.id });
    const sourceCounts = {
      departments: await rowsOf(departments, store.storeId),
      products: await rowsOf(products, store.storeId),
      barcodes: await rowsOf(barcodes, store.storeId),
    };
    expect(counts).toEqual({ ...sourceCounts, skippedDepartments: 0, skippedProducts: 0, skippedBarcodes: 0 });
    expect({
      departments: await rowsOf(departments, target.id),
      products: await rowsOf(products, target.id),
      barcodes: await rowsOf(barcodes, target.id),
    }).toEqual(sourceCounts);

    const [copy] = await database()
      .db.select()
      .from(products)
      .where(and(eq(products.storeId, target.id), eq(products.code, withBarcodes.code)));
    expect(copy).toMatchObject({ nameZh: '可口可乐 330ml', priceFen: 350, costFen: 210, vatRateBps: 1300 });
    expect(copy?.id).not.toBe(withBarcodes.id);
    const copiedBarcodes = await database()
      .db.select({ code: barcodes.code, kind: barcodes.kind })
      .from(barcodes)
      .where(eq(barcodes.productId, copy?.id ?? ''));
    expect(copiedBarcodes.sort((a, b) => a.code.localeCompare(b.code))).toEqual(
      withBarcodes.barcodes.map((b) => ({ code: b.code, kind: b.kind })).sort((a, b) => a.code.localeCompare(b.code)),
    );
    const [weighedCopy] = await database()
      .db.select()
      .from(products)
      .where(and(eq(products.storeId, target.id), eq(products.code, weighed.code)));
    expect(weighedCopy).toMatchObject({ unit: 'kg', plu: '4011', priceFen: 690 });
    const [department] = await database()
      .db.select()
      .from(departments)
      .where(eq(departments.id, weighedCopy?.departmentId ?? ''));
    expect(department?.storeId).toBe(target.id);

    // The same copy again changes nothing and answers as the first time.
    expect(
      await headOffice.store.copyCatalog({ id: copyId, fromStoreId: store.storeId, toStoreId: target.id }),
    ).toEqual(counts);
    expect(await rowsOf(products, target.id)).toBe(sourceCounts.products);
    const audits = await database()
      .db.select()
      .from(auditLog)
      .where(and(eq(auditLog.storeId, target.id), eq(auditLog.action, 'catalog.copied')));
    expect(audits).toHaveLength(1);

    // A second copy with a new id adds nothing: every code is already there, and existing prices stay.
    await database()
      .db.update(products)
      .set({ priceFen: 999 })
      .where(eq(products.id, copy?.id ?? ''));
    const again = await headOffice.store.copyCatalog({ id: newId(), fromStoreId: store.storeId, toStoreId: target.id });
    expect(again).toEqual({
      departments: 0,
      products: 0,
      barcodes: 0,
      skippedDepartments: sourceCounts.departments,
      skippedProducts: sourceCounts.products,
      skippedBarcodes: 0,
    });
    expect(
      (
        await database()
          .db.select()
          .from(products)
          .where(eq(products.id, copy?.id ?? ''))
      )[0]?.priceFen,
    ).toBe(999);
  });

  it('lets head office move an existing member of staff to a new store as its manager', async () => {
    const headOffice = await callerFor(store, 'head_office');
    const target = newStore({ manager: undefined });
    await headOffice.store.create(target);
    const moved = await headOffice.store.moveStaff({
      operatorNo: store.members.supervisor.operatorNo,
      storeId: target.id,
      role: 'store_manager',
    });
    expect(moved).toMatchObject({ storeId: target.id, role: 'store_manager' });
    const again = await headOffice.store.moveStaff({
      operatorNo: store.members.supervisor.operatorNo,
      storeId: target.id,
      role: 'store_manager',
    });
    expect(again).toEqual(moved);
    expect(again).not.toHaveProperty('passwordHash');
    expect((await headOffice.store.overview()).find((s) => s.id === target.id)?.managers).toEqual([
      { operatorNo: store.members.supervisor.operatorNo, name: 'supervisor' },
    ]);
  });

  it('lets head office see and receive a transfer for the store it has chosen', async () => {
    const receiver = await createStoreFixture(database().db);
    const tea = await addProduct(store);
    await createProduct(receiver.as('store_manager'), {
      id: newId(),
      code: tea.code,
      nameZh: tea.nameZh,
      nameEn: tea.nameEn,
      departmentId: receiver.departmentId('20'),
      unit: 'each',
      priceFen: tea.priceFen,
      costFen: 200,
      vatRateBps: 1300,
      plu: null,
      active: true,
      barcodes: [],
    });
    const sent = await sendStockTransfer(store.as('store_manager'), {
      id: newId(),
      toStoreId: receiver.storeId,
      lines: [{ productId: tea.id, quantity: 3 }],
    });
    const headOffice = await callerFor(store, 'head_office', { chosenStoreId: receiver.storeId });
    const incoming = await headOffice.stock.transfers({ direction: 'in' });
    expect(incoming.items.map((t) => t.id)).toContain(sent.id);
    const received = await headOffice.stock.receiveTransfer({
      id: sent.id,
      lines: sent.lines.map((line) => ({ lineId: line.id, quantityReceived: 3 })),
    });
    expect(received).toMatchObject({ status: 'received' });
  });
});
