import { grantApproval, GrantApprovalInput } from '../../approvals/grant-approval';
import { signOut } from '../../auth/sign-out';
import { printReceipt, PrintReceiptInput } from '../../printing/print-receipt';
import { voidOpenSale, VoidOpenSaleInput } from '../../sales/void-open-sale';
import { resolveScan, ResolveScanInput } from '../../catalog/resolve-scan';
import { LANE_DEVICE_COOKIE, LANE_SESSION_COOKIE, laneDeviceCookieExpiry } from '../../auth/session-policy';
import { bindLaneDevice, BindLaneDeviceInput } from '../../lanes/bind-lane-device';
import { findLaneDevice } from '../../lanes/find-lane-device';
import { getLaneState } from '../../lanes/get-lane-state';
import { laneCatalog, LaneCatalogInput } from '../../lanes/lane-catalog';
import { laneStockLevels, LaneStockLevelsInput } from '../../lanes/lane-stock-levels';
import { signInAtLane, SignInAtLaneInput } from '../../lanes/sign-in-at-lane';
import { FinalizeSaleInput } from '../../sales/finalize-sale';
import { uploadSale } from '../../sales/upload-sale';
import { findSaleForReturn, FindSaleForReturnInput } from '../../sales/find-sale-for-return';
import { recordReturn, RecordReturnInput } from '../../sales/record-return';
import { recordReturnWithoutReceipt, RecordReturnWithoutReceiptInput } from '../../sales/record-return-without-receipt';
import { startReturnCardRefund, StartReturnCardRefundInput } from '../../sales/start-return-card-refund';
import { closeShift, CloseShiftInput } from '../../shifts/close-shift';
import { recordCashMovement, RecordCashMovementInput } from '../../shifts/record-cash-movement';
import { shiftReport, ShiftReportInput } from '../../shifts/shift-report';
import { cancelCardPayment, CancelCardPaymentInput } from '../../payments/cancel-card-payment';
import { findCardPayment, FindCardPaymentInput } from '../../payments/find-card-payment';
import { listPreAuths, ListPreAuthsInput } from '../../payments/list-pre-auths';
import { settleTerminal, SettleTerminalInput } from '../../payments/settle-terminal';
import { findSaleCardPayment, FindSaleCardPaymentInput } from '../../payments/find-sale-card-payment';
import { findCardPaymentOffer, FindCardPaymentOfferInput } from '../../payments/find-card-payment-offer';
import {
  addOfferedCardPaymentToSale,
  AddOfferedCardPaymentToSaleInput,
} from '../../payments/add-offered-card-payment-to-sale';
import { LaneStartCardPaymentInput, startCardPayment } from '../../payments/start-card-payment';
import { laneProcedureFor, publicProcedure, router } from '../init';
import { clearedSessionCookie, sessionCookie } from '../session-cookie';

export const laneRouter = router({
  /** The bound lane's state, or null: a device without a binding must be set up (`bindDevice`), never guessed. */
  state: publicProcedure.query(async ({ ctx }) => {
    const device = await findLaneDevice(ctx, ctx.laneDeviceToken);
    return device ? getLaneState(ctx, { laneId: device.laneId }) : null;
  }),
  bindDevice: publicProcedure.input(BindLaneDeviceInput).mutation(async ({ ctx, input }) => {
    const bound = await bindLaneDevice(ctx, input);
    ctx.resHeaders.append(
      'Set-Cookie',
      sessionCookie(bound.token, bound.expiresAt, ctx.secureCookies, LANE_DEVICE_COOKIE),
    );
    return { storeCode: bound.storeCode, laneNumber: bound.laneNumber };
  }),
  signIn: publicProcedure.input(SignInAtLaneInput).mutation(async ({ ctx, input }) => {
    const { session, shift, resumed } = await signInAtLane(ctx, input, ctx.laneDeviceToken);
    ctx.resHeaders.append(
      'Set-Cookie',
      sessionCookie(session.token, session.expiresAt, ctx.secureCookies, LANE_SESSION_COOKIE),
    );
    if (ctx.laneDeviceToken) {
      const renewed = laneDeviceCookieExpiry(ctx.now());
      ctx.resHeaders.append(
        'Set-Cookie',
        sessionCookie(ctx.laneDeviceToken, renewed, ctx.secureCookies, LANE_DEVICE_COOKIE),
      );
    }
    return { staff: session.staff, shift, resumed };
  }),
  me: publicProcedure.query(({ ctx }) => ctx.laneMember),
  catalog: laneProcedureFor('lane.sell')
    .input(LaneCatalogInput)
    .query(({ ctx, input }) => laneCatalog(ctx, input)),
  stockLevels: laneProcedureFor('lane.sell')
    .input(LaneStockLevelsInput)
    .query(({ ctx, input }) => laneStockLevels(ctx, input)),
  resolveScan: laneProcedureFor('lane.sell')
    .input(ResolveScanInput)
    .query(({ ctx, input }) => resolveScan(ctx, input)),
  finalizeSale: laneProcedureFor('lane.sell')
    .input(FinalizeSaleInput)
    .mutation(({ ctx, input }) => uploadSale(ctx, input)),
  findSaleForReturn: laneProcedureFor('lane.sell')
    .input(FindSaleForReturnInput)
    .query(({ ctx, input }) => findSaleForReturn(ctx, input)),
  recordReturn: laneProcedureFor('lane.sell')
    .input(RecordReturnInput)
    .mutation(({ ctx, input }) => recordReturn(ctx, input)),
  recordReturnWithoutReceipt: laneProcedureFor('lane.sell')
    .input(RecordReturnWithoutReceiptInput)
    .mutation(({ ctx, input }) => recordReturnWithoutReceipt(ctx, input)),
  startReturnCardRefund: laneProcedureFor('lane.sell')
    .input(StartReturnCardRefundInput)
    .mutation(({ ctx, input }) => startReturnCardRefund(ctx, input)),
  startCardPayment: laneProcedureFor('lane.sell')
    .input(LaneStartCardPaymentInput)
    .mutation(({ ctx, input }) => startCardPayment(ctx, input)),
  cardPayment: laneProcedureFor('lane.sell')
    .input(FindCardPaymentInput)
    .query(({ ctx, input }) => findCardPayment(ctx, input)),
  saleCardPayment: laneProcedureFor('lane.sell')
    .input(FindSaleCardPaymentInput)
    .query(({ ctx, input }) => findSaleCardPayment(ctx, input)),
  cardPaymentOffer: laneProcedureFor('lane.sell')
    .input(FindCardPaymentOfferInput)
    .query(({ ctx, input }) => findCardPaymentOffer(ctx, input)),
  addOfferedCardPayment: laneProcedureFor('lane.sell')
    .input(AddOfferedCardPaymentToSaleInput)
    .mutation(({ ctx, input }) => addOfferedCardPaymentToSale(ctx, input)),
  cancelCardPayment: laneProcedureFor('lane.sell')
    .input(CancelCardPaymentInput)
    .mutation(({ ctx, input }) => cancelCardPayment(ctx, input)),
  preAuths: laneProcedureFor('card.pre-auth')
    .input(ListPreAuthsInput)
    .query(({ ctx, input }) => listPreAuths(ctx, input)),
  settleTerminal: laneProcedureFor('card.settle')
    .input(SettleTerminalInput)
    .mutation(({ ctx, input }) => settleTerminal(ctx, input)),
  grantApproval: laneProcedureFor('lane.sell')
    .input(GrantApprovalInput)
    .mutation(({ ctx, input }) => grantApproval(ctx, input)),
  voidOpenSale: laneProcedureFor('lane.sell')
    .input(VoidOpenSaleInput)
    .mutation(({ ctx, input }) => voidOpenSale(ctx, input)),
  printReceipt: laneProcedureFor('lane.sell')
    .input(PrintReceiptInput)
    .mutation(({ ctx, input }) => printReceipt(ctx, input)),
  recordCashMovement: laneProcedureFor('lane.sell')
    .input(RecordCashMovementInput)
    .mutation(({ ctx, input }) => recordCashMovement(ctx, input)),
  shiftReport: laneProcedureFor('lane.sell')
    .input(ShiftReportInput)
    .query(({ ctx, input }) => shiftReport(ctx, input)),
  signOut: laneProcedureFor('lane.sell')
    .input(CloseShiftInput)
    .mutation(async ({ ctx, input }) => {
      const report = await closeShift(ctx, input);
      await signOut(ctx, ctx.laneSessionToken);
      ctx.resHeaders.append('Set-Cookie', clearedSessionCookie(LANE_SESSION_COOKIE));
      return report;
    }),
});
