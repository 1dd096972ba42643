import { beforeEach, expect, it } from 'vitest';
import { cardPayments } from '../../db/schema';
import { grantApproval } from '../approvals/grant-approval';
import { newId } from '../core/ids';
import { lineGrossFen, priceSale } from '../domain/sale';
import { receiptNumber } from '../domain/store-time';
import { finalizeSale, type FinalizeSaleInput } from '../sales/finalize-sale';
import { findSaleForReturn } from '../sales/find-sale-for-return';
import { recordReturn } from '../sales/record-return';
import { voidOpenSale } from '../sales/void-open-sale';
import { forEachDatabase } from '../testing/database-suite';
import { createStoreFixture, FIXTURE_PASSWORD } from '../testing/fixtures';
import {
  addProduct,
  approvedCardPayment,
  openShiftFor,
  saleInput,
  saleLine,
  storeLanes,
} from '../testing/sale-fixtures';
import { closeShift } from './close-shift';
import { recordCashMovement } from './record-cash-movement';
import { shiftReport } from './shift-report';

forEachDatabase((database) => {
  let store: Awaited<ReturnType<typeof createStoreFixture>>;
  beforeEach(async () => {
    store = await createStoreFixture(database().db);
  });

  it('gives every figure of the shift to the fen, the same in the X report and, once counted, the Z report', async () => {
    const [lane] = await storeLanes(database().db, store.storeId);
    if (!lane) throw new Error('no lane');
    const cashier = store.as('cashier');
    const floatFen = 20_000;
    const shift = await openShiftFor(cashier, lane.id, floatFen);
    const cola = await addProduct(store, { priceFen: 1000 });
    const tea = await addProduct(store, { priceFen: 350 });
    const approve = async (saleId: string, action: 'void-sale' | 'discount') =>
      (
        await grantApproval(cashier, {
          approvalId: newId(),
          saleId,
          action,
          operatorNo: store.members.supervisor.operatorNo,
          password: FIXTURE_PASSWORD,
        })
      ).approvalId;
    const totalOf = (sale: FinalizeSaleInput) => priceSale(sale.lines, sale.saleDiscount).totalFen;

    // Cash, with change and a line voided before payment.
    const voidedLine = saleLine(tea, 2);
    const cashSale = {
      ...saleInput(lane.id, lane.number, shift.id, [saleLine(cola, 3)], [{ kind: 'cash', amountFen: 5000 }]),
      voidedLines: [{ line: voidedLine, voidedAt: '2026-11-21T10:00:00+08:00' }],
    };
    await finalizeSale(cashier, cashSale);
    // Card.
    const cardSale = saleInput(lane.id, lane.number, shift.id, [saleLine(cola, 2)], []);
    const cardPaymentId = await approvedCardPayment(store, lane.id, cardSale.saleId, totalOf(cardSale));
    cardSale.tenders = [
      { tenderId: newId(), kind: 'bank_card', amountFen: totalOf(cardSale), reference: cardPaymentId },
    ];
    await finalizeSale(cashier, cardSale);
    // A sale discount beyond the cashier's limit, approved; and a line discount within it.
    const discounted = {
      ...saleInput(lane.id, lane.number, shift.id, [saleLine(cola, 1), saleLine(tea, 2)], []),
      saleDiscount: { kind: 'percent' as const, bps: 2000 },
    };
    discounted.tenders = [{ tenderId: newId(), kind: 'cash', amountFen: totalOf(discounted), reference: null }];
    await finalizeSale(cashier, { ...discounted, discountApprovalId: await approve(discounted.saleId, 'discount') });
    const smallDiscount = saleInput(
      lane.id,
      lane.number,
      shift.id,
      [saleLine(tea, 1, { discount: { kind: 'amount', fen: 30 } })],
      [{ kind: 'cash', amountFen: 500 }],
    );
    await finalizeSale(cashier, smallDiscount);
    const sold = [cashSale, cardSale, discounted, smallDiscount];

    // One cola back from the cash sale (to cash) and one from the card sale (to the card, refunded by the terminal).
    const returnOne = async (sale: FinalizeSaleInput, minutes: number, cardRefundId: string | null) => {
      const found = await findSaleForReturn(cashier, { receiptNo: sale.receiptNo });
      const line = found.lines[0];
      if (!line) throw new Error('no line');
      const returnedAt = new Date(Date.UTC(2026, 10, 21, 5, minutes, 0));
      return recordReturn(cashier, {
        returnId: newId(),
        laneId: lane.id,
        shiftId: shift.id,
        receiptNo: receiptNumber(lane.number, returnedAt, 'Asia/Shanghai'),
        returnedAt,
        originalSaleId: sale.saleId,
        lines: [{ lineId: newId(), originalLineId: line.lineId, quantity: 1 }],
        cardPaymentId: cardRefundId,
      });
    };
    const cashRefund = await returnOne(cashSale, 1, null);
    const cardRefundFen = 1000;
    const cardRefundId = newId();
    await database()
      .db.insert(cardPayments)
      .values({
        id: cardRefundId,
        storeId: store.storeId,
        laneId: lane.id,
        staffId: store.members.cashier.id,
        saleId: null,
        txnType: '02',
        ecrRef: cardRefundId.replaceAll('-', ''),
        amountFen: cardRefundFen,
        state: 'approved',
        approvedAmountFen: cardRefundFen,
        originalPaymentId: cardPaymentId,
        createdAt: new Date(),
      });
    const cardRefund = await returnOne(cardSale, 2, cardRefundId);
    expect([cashRefund.refundFen, cardRefund.refundFen]).toEqual([1000, cardRefundFen]);

    // A whole sale voided before payment.
    const voidedSaleId = newId();
    const voidedLines = [saleLine(tea, 4)];
    const voidInput = {
      saleId: voidedSaleId,
      approvalId: await approve(voidedSaleId, 'void-sale'),
      lines: voidedLines,
      shiftId: shift.id,
    };
    await voidOpenSale(cashier, voidInput);
    await voidOpenSale(cashier, voidInput);

    const paidInFen = 5000;
    const paidOutFen = 1200;
    const movement = { shiftId: shift.id, reason: '零钱' };
    await recordCashMovement(cashier, { ...movement, movementId: newId(), kind: 'paid_in', amountFen: paidInFen });
    await recordCashMovement(cashier, { ...movement, movementId: newId(), kind: 'paid_out', amountFen: paidOutFen });

    const salesTotalFen = sold.reduce((sum, sale) => sum + totalOf(sale), 0);
    const cashTenderedFen = sold
      .flatMap((sale) => sale.tenders)
      .filter((t) => t.kind === 'cash')
      .reduce((sum, t) => sum + t.amountFen, 0);
    const changeFen = cashTenderedFen - totalOf(cashSale) - totalOf(discounted) - totalOf(smallDiscount);
    const discountFen = sold.reduce((sum, sale) => sum + priceSale(sale.lines, sale.saleDiscount).discountFen, 0);
    const expectedFen = floatFen + cashTenderedFen - changeFen - cashRefund.refundFen + paidInFen - paidOutFen;
    expect(changeFen).toBe(5000 - 3000 + 500 - 320);
    expect(discountFen).toBe(340 + 30);

    const x = await shiftReport(cashier, { shiftId: shift.id });
    const figures = {
      sales: { count: 4, totalFen: salesTotalFen },
      returns: { count: 2, totalFen: -(cashRefund.refundFen + cardRefundFen) },
      refundsByTender: { cash: -cashRefund.refundFen, bank_card: -cardRefundFen, store_card: 0 },
      voids: {
        sales: { count: 1, totalFen: priceSale(voidedLines, null).totalFen },
        lines: { count: 1, totalFen: lineGrossFen(voidedLine) },
      },
      discounts: { totalFen: discountFen, approvedOverLimit: 1 },
      takingsByTender: {
        cash: cashTenderedFen - changeFen - cashRefund.refundFen,
        bank_card: totalOf(cardSale) - cardRefundFen,
        store_card: 0,
      },
    };
    expect(x).toMatchObject(figures);
    expect(x.cash).toEqual({
      openingFloatFen: floatFen,
      salesTenderedFen: cashTenderedFen,
      changeFen: -changeFen,
      salesFen: cashTenderedFen - changeFen,
      refundsFen: -cashRefund.refundFen,
      paidInFen,
      paidOutFen: -paidOutFen,
      expectedFen,
      countedFen: null,
      differenceFen: null,
    });

    const countedFen = expectedFen - 37;
    const z = await closeShift(cashier, { shiftId: shift.id, countedCashFen: countedFen });
    expect(z).toMatchObject({ ...figures, shift: { status: 'closed', countedCashFen: countedFen } });
    expect(z.cash).toEqual({ ...x.cash, countedFen, differenceFen: -37 });
    expect(await shiftReport(cashier, { shiftId: shift.id })).toEqual(z);
  });
});
