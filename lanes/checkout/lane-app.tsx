'use client';

import { useMutation } from '@tanstack/react-query';
import { useVirtualizer } from '@tanstack/react-virtual';
import { memo, useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState, type FormEvent } from 'react';
import { flushSync } from 'react-dom';
import { v7 as uuidv7 } from 'uuid';
import { ErrorAlert } from '@/app/components/field';
import { useT } from '@/app/i18n/locale-provider';
import { useTRPC, useTRPCClient } from '@/app/trpc/client';
import { describeError } from '@/app/trpc/errors';
import { formatFen, parseYuan } from '@/server/domain/money';
import { needsWeighing, type ResolvedCode } from '@/server/domain/resolve-code';
import {
  discountNeedsApproval,
  lineWeightGrams,
  priceSale,
  quickCashAmounts,
  type Discount,
  type SaleLine,
  type Tender,
} from '@/server/domain/sale';
import type { FinalizeSaleInput } from '@/server/sales/finalize-sale';
import { ApprovalDialog } from './approval-dialog';
import { CardMenu } from './card-menu';
import { CardPanel } from './card-panel';
import { TerminalSettlement } from './terminal-settlement';
import { CameraScanner } from './camera-scanner';
import { cartReducer, cartTotals, type Cart, type CartAction, type LaneProduct } from './cart';
import { Receipt, type ReceiptStore } from './receipt';
import { ReturnScreen } from './return-screen';
import { ShiftTools } from './shift-tools';
import { useLane, type LaneConfig, type NegativeStockRequest } from './use-lane';
import { WedgeDetector } from './wedge-detector';

const SEGMENTS = ['M-<25', 'M-25-45', 'M->45', 'F-<25', 'F-25-45', 'F->45'];

/** A line sold by weight shows its weight (a price label's too); a counted line with a label, its quantity. */
function weightOrQuantity(line: SaleLine): string {
  const grams = lineWeightGrams(line);
  return grams === null ? String(line.quantity) : `${(grams / 1000).toFixed(3)} kg`;
}

/** Stock as the ledger counts it: units, or grams shown as kg. */
const stockQuantity = (quantity: number, unit: 'each' | 'kg') =>
  unit === 'kg' ? `${(quantity / 1000).toFixed(3)} kg` : String(quantity);

function beep(): void {
  try {
    const audio = new AudioContext();
    const tone = audio.createOscillator();
    tone.frequency.value = 880;
    tone.connect(audio.destination);
    tone.start();
    tone.stop(audio.currentTime + 0.25);
  } catch {
    // no audio device: the message on screen is enough
  }
}

export function LaneApp({ config, store }: { config: LaneConfig; store: ReceiptStore }) {
  const t = useT();
  const lane = useLane(config);
  const [lastSale, setLastSale] = useState<{ cart: Cart; input: FinalizeSaleInput } | null>(null);
  if (!lane.ready) return <p className="p-8">{t('lane.loading')}</p>;
  const rejected = lane.outbox.filter((e) => e.rejected).length;
  const waiting = lane.outbox.length - rejected;
  return (
    <div className="flex min-h-screen flex-col bg-slate-100">
      <header className="flex items-center gap-4 bg-brand-800 px-4 py-2 text-white print:hidden">
        <span className="font-semibold">
          {store.name} · {t('lane.laneNo')} {config.laneNumber}
        </span>
        <span
          role="status"
          aria-label="connection"
          className={`rounded px-2 text-sm ${lane.online ? 'bg-brand-600' : 'bg-red-600'}`}
        >
          {lane.online ? t('lane.online') : t('lane.offline')}
        </span>
        {waiting > 0 && <span role="status">{t('lane.waiting', { count: waiting })}</span>}
        {rejected > 0 && <span role="alert">{t('lane.rejected', { count: rejected })}</span>}
        <span className="ml-auto text-sm" data-testid="catalog-size">
          {t('lane.catalogSize', { count: lane.catalogSize })}
        </span>
        {lane.session && <span>{lane.session.staffName}</span>}
      </header>
      {!lane.session ? (
        <LaneSignIn config={config} onSignedIn={lane.signedIn} />
      ) : lastSale ? (
        <div className="p-4">
          <Receipt
            cart={lastSale.cart}
            sale={lastSale.input}
            store={store}
            cashier={lane.session.staffName}
            laneNumber={config.laneNumber}
          />
          <div className="mt-4 flex justify-center gap-3 print:hidden">
            <button type="button" className="btn-secondary" onClick={() => window.print()}>
              {t('lane.print')}
            </button>
            {config.hasPrinter && <PrinterButton lane={lane} receiptNo={lastSale.input.receiptNo} />}
            <button type="button" className="btn-primary" autoFocus onClick={() => setLastSale(null)}>
              {t('lane.newSale')}
            </button>
          </div>
        </div>
      ) : (
        <Selling lane={lane} onFinished={setLastSale} />
      )}
    </div>
  );
}

function Selling({
  lane,
  onFinished,
}: {
  lane: ReturnType<typeof useLane>;
  onFinished: (sale: { cart: Cart; input: FinalizeSaleInput }) => void;
}) {
  const t = useT();
  const [message, setMessage] = useState<string | null>(null);
  const [weighing, setWeighing] = useState<ResolvedCode<LaneProduct> | null>(null);
  const [signingOut, setSigningOut] = useState(false);
  const [returning, setReturning] = useState(false);
  const [camera, setCamera] = useState(false);
  const [shiftTools, setShiftTools] = useState(false);
  // The sale whose card payment has an unknown outcome: it takes no cash, no void, no parking until it is known.
  const [blockedSaleId, setBlockedSaleId] = useState<string | null>(null);
  const [dialog, setDialog] = useState<
    | null
    | { kind: 'void' }
    | { kind: 'discount'; lineId?: string }
    | { kind: 'price'; lineId: string }
    | { kind: 'negative-stock'; request: NegativeStockRequest }
  >(null);
  const [newPrice, setNewPrice] = useState('');
  const [discountInput, setDiscountInput] = useState({ percent: '', amount: '' });
  const client = useTRPCClient();
  const barcodeField = useRef<HTMLInputElement>(null);
  const { cart, dispatch, lookup, negativeStockRequest } = lane;
  const cardBlocked = blockedSaleId === cart.saleId;
  const cardReferences = useMemo(
    () => cart.tenders.flatMap((tender) => (tender.kind === 'bank_card' && tender.reference ? [tender.reference] : [])),
    [cart.tenders],
  );
  const onLineDiscount = useCallback((lineId: string) => {
    setDiscountInput({ percent: '', amount: '' });
    setDialog({ kind: 'discount', lineId });
  }, []);
  const onOverridePrice = useCallback((lineId: string) => {
    setNewPrice('');
    setDialog({ kind: 'price', lineId });
  }, []);
  // The same object until the cart changes, so the memoised lines skip renders for messages and dialogs.
  const totals = useMemo(() => cartTotals(cart), [cart]);

  const scan = useCallback(
    async (raw: string) => {
      const scanned = raw.trim();
      if (!scanned) return;
      const resolved = await lookup(scanned);
      if (!resolved) {
        setMessage(t('lane.unknownCode', { code: scanned }));
        beep();
        return;
      }
      setMessage(null);
      if (needsWeighing(resolved)) {
        setWeighing(resolved);
        return;
      }
      const action = { type: 'scan', resolved } as const;
      const pending = negativeStockRequest(action);
      const request = pending instanceof Promise ? await pending : pending;
      if (request) setDialog({ kind: 'negative-stock', request });
      // Rendered in the scan's own task: left to the scheduler, the line could miss the next frame.
      else flushSync(() => dispatch(action));
    },
    [dispatch, lookup, negativeStockRequest, t],
  );

  /** Dispatches a cart change, unless it sells beyond the known on hand where the store blocks that. */
  const guardedDispatch = useCallback(
    (action: CartAction) => {
      const decide = (request: NegativeStockRequest | null) =>
        request ? setDialog({ kind: 'negative-stock', request }) : dispatch(action);
      const pending = negativeStockRequest(action);
      if (pending instanceof Promise) void pending.then(decide);
      else decide(pending);
    },
    [dispatch, negativeStockRequest],
  );

  useEffect(() => {
    // Other screens take their own scans (a receipt to return): the sale's listener stands down.
    if (signingOut || returning || shiftTools || dialog) return;
    const detector = new WedgeDetector();
    let burstTarget: { input: HTMLInputElement; value: string } | null = null;
    const onKey = (event: KeyboardEvent) => {
      const target = event.target as HTMLElement | null;
      if (target === barcodeField.current) return;
      if (event.key === 'Enter') {
        const scanned = detector.enter(event.timeStamp);
        if (scanned) {
          event.preventDefault();
          if (burstTarget) burstTarget.input.value = burstTarget.value;
          burstTarget = null;
          void scan(scanned);
        }
        return;
      }
      if (event.key.length !== 1 || event.ctrlKey || event.metaKey || event.altKey) return;
      const isBurst = detector.key(event.key, event.timeStamp);
      // The first key of a burst reaches the focused field before we know it is a scan: remember what to restore.
      if (detector.pending.length === 1) {
        burstTarget = target instanceof HTMLInputElement ? { input: target, value: target.value } : null;
      }
      if (isBurst) event.preventDefault();
    };
    window.addEventListener('keydown', onKey, true);
    return () => window.removeEventListener('keydown', onKey, true);
  }, [scan, signingOut, returning, shiftTools, dialog]);

  // The field is uncontrolled: a scanner's keystrokes into it re-render nothing, however long the sale.
  const submitCode = (event: FormEvent) => {
    event.preventDefault();
    const field = barcodeField.current;
    if (!field) return;
    void scan(field.value);
    field.value = '';
  };

  // A quantity changed after an approved discount can push it beyond the limit again.
  const discountUnapproved = discountNeedsApproval(totals) && !cart.discountApprovalId;
  const payCash = async (amountFen: number) => {
    if (discountUnapproved) {
      setMessage(t('error.sale.discount-needs-approval'));
      return;
    }
    await payWith({ tenderId: uuidv7(), kind: 'cash', amountFen, reference: null });
  };
  /** Adds the tender; the one that completes the payment finishes the sale. */
  const payWith = async (tender: Tender) => {
    const action = { type: 'add-tender', tender } as const;
    const paid = cartReducer(cart, action);
    if (!cartTotals(paid).settlement.complete) {
      dispatch(action);
      return;
    }
    const finished = await lane.finishSale(paid);
    if (finished) onFinished(finished);
  };

  if (signingOut) return <LaneSignOut lane={lane} onCancel={() => setSigningOut(false)} />;
  if (shiftTools && lane.session)
    return (
      <>
        <ShiftTools shiftId={lane.session.shiftId} onClose={() => setShiftTools(false)} />
        {lane.config.hasTerminal && <CardMenu laneId={lane.config.laneId} shiftId={lane.session.shiftId} />}
      </>
    );
  if (returning && lane.session) {
    return (
      <ReturnScreen
        config={lane.config}
        shiftId={lane.session.shiftId}
        lookup={lookup}
        onDone={() => setReturning(false)}
      />
    );
  }

  const discountFromInput = (): Discount | null => {
    const percent = Number(discountInput.percent);
    if (discountInput.percent && Number.isFinite(percent) && percent > 0) {
      return { kind: 'percent', bps: Math.min(10_000, Math.round(percent * 100)) };
    }
    const amount = parseYuan(discountInput.amount);
    return amount ? { kind: 'amount', fen: amount } : null;
  };
  /** The sale as it would be with this discount on one line (or on the whole sale). */
  const withDiscount = (discount: Discount | null, lineId?: string) =>
    lineId
      ? priceSale(
          cart.lines.map((l) => (l.lineId === lineId ? { ...l, discount } : l)),
          cart.saleDiscount,
        )
      : priceSale(cart.lines, discount);

  const approvalDialog =
    dialog?.kind === 'void' ? (
      <ApprovalDialog
        title={t('lane.voidSale')}
        action="void-sale"
        saleId={cart.saleId}
        onCancel={() => setDialog(null)}
        onApproved={async (approvalId) => {
          if (!approvalId) return;
          await client.lane.voidOpenSale.mutate({ saleId: cart.saleId, approvalId, lines: cart.lines });
          dispatch({ type: 'new-sale', at: new Date().toISOString() });
          setDialog(null);
        }}
      />
    ) : dialog?.kind === 'price' ? (
      <ApprovalDialog
        title={t('lane.overridePrice')}
        action="price-override"
        saleId={cart.saleId}
        onCancel={() => setDialog(null)}
        onApproved={(approvalId) => {
          const unitPriceFen = parseYuan(newPrice);
          if (approvalId && unitPriceFen !== null)
            dispatch({ type: 'override-price', lineId: dialog.lineId, unitPriceFen, approvalId });
          setDialog(null);
        }}
      >
        <label className="block text-sm">
          {t('lane.newPrice')}
          <input
            className="field-input font-mono"
            inputMode="decimal"
            value={newPrice}
            onChange={(e) => setNewPrice(e.target.value)}
          />
        </label>
      </ApprovalDialog>
    ) : dialog?.kind === 'negative-stock' ? (
      <ApprovalDialog
        title={t('negativeStock.title')}
        action="negative-stock"
        saleId={cart.saleId}
        onCancel={() => {
          setMessage(t('negativeStock.notAdded', { name: dialog.request.nameZh }));
          setDialog(null);
        }}
        onApproved={(approvalId) => {
          const { request } = dialog;
          if (approvalId) {
            const approval = { approvalId, productId: request.productId, quantity: request.heldAfter };
            dispatch({ type: 'approve-negative-stock', approval });
            dispatch(request.action);
          }
          setDialog(null);
        }}
      >
        <p className="text-sm">
          {t('negativeStock.detail', {
            name: dialog.request.nameZh,
            onHand: stockQuantity(dialog.request.onHand, dialog.request.unit),
            held: stockQuantity(dialog.request.heldAfter, dialog.request.unit),
          })}
        </p>
      </ApprovalDialog>
    ) : dialog?.kind === 'discount' ? (
      <ApprovalDialog
        title={
          dialog.lineId
            ? t('lane.lineDiscountFor', { n: cart.lines.findIndex((l) => l.lineId === dialog.lineId) + 1 })
            : t('lane.discount')
        }
        action="discount"
        saleId={cart.saleId}
        needsApproval={() => discountNeedsApproval(withDiscount(discountFromInput(), dialog.lineId))}
        onCancel={() => setDialog(null)}
        onApproved={(approvalId) => {
          const discount = discountFromInput();
          if (dialog.lineId) dispatch({ type: 'set-line-discount', lineId: dialog.lineId, discount, approvalId });
          else dispatch({ type: 'set-sale-discount', discount, approvalId });
          setDialog(null);
        }}
      >
        <label className="block text-sm">
          {t('lane.discountPercent')}
          <input
            className="field-input font-mono"
            inputMode="decimal"
            value={discountInput.percent}
            onChange={(e) => setDiscountInput({ ...discountInput, percent: e.target.value })}
          />
        </label>
        <label className="block text-sm">
          {t('lane.discountAmount')}
          <input
            className="field-input font-mono"
            inputMode="decimal"
            value={discountInput.amount}
            onChange={(e) => setDiscountInput({ ...discountInput, amount: e.target.value })}
          />
        </label>
      </ApprovalDialog>
    ) : null;

  return (
    <main className="grid flex-1 grid-cols-[1fr_22rem] gap-4 p-4">
      {approvalDialog}
      <section className="flex flex-col rounded bg-white shadow">
        <form onSubmit={submitCode} className="flex gap-2 border-b p-3">
          <label htmlFor="barcode" className="sr-only">
            {t('lane.barcode')}
          </label>
          <input
            id="barcode"
            ref={barcodeField}
            autoFocus
            autoComplete="off"
            inputMode="numeric"
            placeholder={t('lane.barcode')}
            className="field-input font-mono text-lg"
          />
          <button type="submit" className="btn-secondary">
            {t('lane.add')}
          </button>
          <button type="button" className="btn-secondary" aria-pressed={camera} onClick={() => setCamera(!camera)}>
            {t('lane.camera')}
          </button>
        </form>
        {camera && (
          <CameraScanner
            onCode={(scanned) => {
              setCamera(false);
              void scan(scanned);
            }}
            onClose={() => setCamera(false)}
          />
        )}
        <ProductSearch
          search={lane.searchProducts}
          onPick={(product) => {
            const resolved = { product, scannedCode: product.code, kind: 'plu' } as const;
            if (product.unit === 'kg') setWeighing(resolved);
            else guardedDispatch({ type: 'scan', resolved });
          }}
        />
        {message && (
          <p role="alert" className="bg-red-50 px-3 py-2 text-red-700">
            {message}
          </p>
        )}
        {weighing && (
          <WeightEntry
            resolved={weighing}
            onDone={(weightGrams) => {
              if (weightGrams) guardedDispatch({ type: 'scan', resolved: weighing, weightGrams });
              setWeighing(null);
            }}
          />
        )}
        <SaleLines
          lines={cart.lines}
          lineTotals={totals.lines}
          dispatch={guardedDispatch}
          onLineDiscount={onLineDiscount}
          onOverridePrice={onOverridePrice}
        />
      </section>
      <aside className="flex flex-col gap-3">
        <div className="rounded bg-white p-4 shadow">
          <p className="text-sm text-slate-500">{t('lane.total')}</p>
          <p className="font-mono text-4xl font-bold" data-testid="sale-total">
            {formatFen(totals.totalFen, { symbol: true })}
          </p>
          {cart.saleDiscount && (
            <p className="mt-1 text-sm text-emerald-700">
              {t('lane.saleDiscountShown', {
                amount: formatFen(totals.lines.reduce((sum, l) => sum + l.saleDiscountFen, 0)),
              })}
            </p>
          )}
          {totals.settlement.paidFen > 0 && (
            <p className="mt-1 text-sm">
              {t('lane.due')}:{' '}
              <span className="font-mono">{formatFen(totals.settlement.dueFen, { symbol: true })}</span>
            </p>
          )}
        </div>
        <fieldset className="rounded bg-white p-4 shadow">
          <legend className="text-sm text-slate-500">{t('lane.segment')}</legend>
          <div className="grid grid-cols-3 gap-1">
            {SEGMENTS.map((segment) => (
              <button
                key={segment}
                type="button"
                aria-pressed={cart.customerSegment === segment}
                className="rounded border px-1 py-1 text-xs aria-pressed:bg-brand-600 aria-pressed:text-white"
                onClick={() =>
                  dispatch({ type: 'set-segment', segment: cart.customerSegment === segment ? null : segment })
                }
              >
                {segment}
              </button>
            ))}
          </div>
        </fieldset>
        <CashPanel
          dueFen={totals.settlement.dueFen}
          disabled={cart.lines.length === 0 || cardBlocked}
          onPay={payCash}
        />
        {lane.session && lane.config.hasTerminal && (
          <CardPanel
            key={cart.saleId}
            laneId={lane.config.laneId}
            shiftId={lane.session.shiftId}
            saleId={cart.saleId}
            dueFen={totals.settlement.dueFen}
            disabled={cart.lines.length === 0 || totals.settlement.dueFen <= 0 || discountUnapproved}
            online={lane.online}
            saleOpen={cart.lines.length > 0}
            claimedPaymentIds={cardReferences}
            onApproved={(tender) => void payWith(tender)}
            onOutcomeUnknown={(unknown) =>
              setBlockedSaleId((blocked) => (unknown ? cart.saleId : blocked === cart.saleId ? null : blocked))
            }
          />
        )}
        <div className="grid grid-cols-2 gap-2">
          <button
            type="button"
            className="btn-secondary"
            disabled={cart.lines.length === 0}
            onClick={() => {
              setDiscountInput({ percent: '', amount: '' });
              setDialog({ kind: 'discount' });
            }}
          >
            {t('lane.discount')}
          </button>
          <button
            type="button"
            className="btn-secondary text-red-700"
            disabled={cart.lines.length === 0 || cardBlocked}
            onClick={() => setDialog({ kind: 'void' })}
          >
            {t('lane.voidSale')}
          </button>
        </div>
        <div className="mt-auto rounded bg-white p-3 shadow">
          <button
            type="button"
            className="btn-secondary w-full"
            disabled={cart.lines.length === 0 || cardBlocked}
            onClick={() => void lane.park()}
          >
            {t('lane.park')}
          </button>
          {lane.parked.length > 0 && (
            <ul className="mt-2 space-y-1" aria-label={t('lane.parked')}>
              {lane.parked.map((parkedCart) => (
                <li key={parkedCart.saleId}>
                  <button
                    type="button"
                    className="btn-secondary w-full"
                    disabled={cart.lines.length > 0}
                    onClick={() => void lane.resume(parkedCart.saleId)}
                  >
                    {t('lane.resume')} {new Date(parkedCart.startedAt).toLocaleTimeString('zh-CN')} ·{' '}
                    {formatFen(cartTotals(parkedCart).totalFen, { symbol: true })}
                  </button>
                </li>
              ))}
            </ul>
          )}
        </div>
        <button type="button" className="btn-secondary" onClick={() => setShiftTools(true)}>
          {t('lane.shiftTools')}
        </button>
        <button
          type="button"
          className="btn-secondary"
          disabled={cart.lines.length > 0}
          onClick={() => setReturning(true)}
        >
          {t('lane.return')}
        </button>
        <button
          type="button"
          className="btn-secondary"
          onClick={() =>
            cart.lines.length > 0 || lane.parked.length > 0 ? setMessage(t('lane.signOutRefused')) : setSigningOut(true)
          }
        >
          {t('lane.signOut')}
        </button>
      </aside>
    </main>
  );
}

/** The lines table's columns, shared by its header and rows. */
const LINE_GRID = 'grid grid-cols-[3rem_minmax(0,1fr)_7rem_7rem_18rem]';
const LINE_HEIGHT_ESTIMATE_PX = 53;

interface LineCallbacks {
  dispatch: (action: CartAction) => void;
  onLineDiscount: (lineId: string) => void;
  onOverridePrice: (lineId: string) => void;
}

/**
 * The sale's lines in their own scrolling panel, newest in view. Only the lines near the view are in the DOM, so a
 * scan lays out and paints a screenful whatever the sale's length; aria-rowcount and aria-rowindex tell assistive
 * technology the whole table. Rows are grids, not table layout, so the roles restate the table's semantics.
 */
const SaleLines = memo(function SaleLines({
  lines,
  lineTotals,
  ...callbacks
}: LineCallbacks & { lines: Cart['lines']; lineTotals: { totalFen: number; lineDiscountFen: number }[] }) {
  const t = useT();
  const panel = useRef<HTMLDivElement>(null);
  // No React Compiler here; rows get the virtualizer's measureElement, which stays the same function throughout.
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtualizer = useVirtualizer({
    count: lines.length,
    getScrollElement: () => panel.current,
    estimateSize: () => LINE_HEIGHT_ESTIMATE_PX,
    getItemKey: (index) => lines[index]?.lineId ?? index,
    overscan: 6,
    useFlushSync: false,
  });
  useLayoutEffect(() => {
    const element = panel.current;
    if (element) element.scrollTop = element.scrollHeight;
  }, [lines.length]);
  return (
    <div ref={panel} className="h-[55vh] overflow-y-auto [contain:strict]">
      <table role="table" aria-label={t('lane.lines')} aria-rowcount={lines.length + 1} className="data-table block">
        <thead role="rowgroup" className="sticky top-0 z-10 block">
          <tr role="row" aria-rowindex={1} className={LINE_GRID}>
            <th role="columnheader">#</th>
            <th role="columnheader">{t('lane.lines')}</th>
            <th role="columnheader">{t('lane.quantity')}</th>
            <th role="columnheader" className="text-right">
              {t('lane.total')}
            </th>
            <th role="columnheader" />
          </tr>
        </thead>
        <tbody
          role="rowgroup"
          className="relative block"
          style={lines.length > 0 ? { height: virtualizer.getTotalSize() } : undefined}
        >
          {virtualizer.getVirtualItems().map((item) => {
            const line = lines[item.index];
            if (!line) return null;
            return (
              <LineRow
                key={item.key}
                measure={virtualizer.measureElement}
                line={line}
                index={item.index}
                top={item.start}
                totalFen={lineTotals[item.index]?.totalFen ?? 0}
                lineDiscountFen={lineTotals[item.index]?.lineDiscountFen ?? 0}
                {...callbacks}
              />
            );
          })}
          {lines.length === 0 && (
            <tr role="row" className="block">
              <td role="cell" className="block py-10 text-center text-slate-400">
                {t('lane.empty')}
              </td>
            </tr>
          )}
        </tbody>
      </table>
    </div>
  );
});

/** One line of the sale; memoized, so a scan renders the new line and the totals, not every line before it. */
const LineRow = memo(function LineRow({
  measure,
  line,
  index,
  top,
  totalFen,
  lineDiscountFen,
  dispatch,
  onLineDiscount,
  onOverridePrice,
}: LineCallbacks & {
  measure: (row: HTMLTableRowElement | null) => void;
  line: Cart['lines'][number];
  index: number;
  top: number;
  totalFen: number;
  lineDiscountFen: number;
}) {
  const t = useT();
  return (
    <tr
      ref={measure}
      role="row"
      data-index={index}
      aria-rowindex={index + 2}
      className={`${LINE_GRID} absolute inset-x-0 top-0`}
      style={{ transform: `translateY(${top}px)` }}
    >
      <td role="cell">{index + 1}</td>
      <td role="cell">
        {line.nameZh}
        <div className="text-xs text-slate-500">{line.scannedCode}</div>
        {lineDiscountFen > 0 && (
          <div className="text-xs text-emerald-700">
            {t('lane.discountLine', { amount: formatFen(lineDiscountFen) })}
          </div>
        )}
      </td>
      <td role="cell">
        {line.unit === 'each' && line.labelTotalFen === null ? (
          <input
            type="number"
            min={1}
            aria-label={`${t('lane.quantity')} ${index + 1}`}
            className="w-20 rounded border px-2 py-1"
            value={line.quantity}
            onChange={(event) =>
              dispatch({ type: 'set-quantity', lineId: line.lineId, quantity: Number(event.target.value) })
            }
          />
        ) : (
          weightOrQuantity(line)
        )}
      </td>
      <td role="cell" className="text-right font-mono">
        {formatFen(totalFen)}
      </td>
      <td role="cell">
        <button
          type="button"
          className="mr-3 text-brand-700 hover:underline"
          aria-label={`${t('lane.lineDiscount')} ${index + 1}`}
          onClick={() => onLineDiscount(line.lineId)}
        >
          {t('lane.lineDiscount')}
        </button>
        <button
          type="button"
          className="mr-3 text-brand-700 hover:underline"
          aria-label={`${t('lane.overridePrice')} ${index + 1}`}
          onClick={() => onOverridePrice(line.lineId)}
        >
          {t('lane.overridePrice')}
        </button>
        <button
          type="button"
          className="text-red-600 hover:underline"
          aria-label={`${t('lane.voidLine')} ${index + 1}`}
          onClick={() => dispatch({ type: 'void-line', lineId: line.lineId, at: new Date().toISOString() })}
        >
          {t('lane.voidLine')}
        </button>
      </td>
    </tr>
  );
});

function PrinterButton({ lane, receiptNo }: { lane: ReturnType<typeof useLane>; receiptNo: string }) {
  const t = useT();
  const trpc = useTRPC();
  const print = useMutation(trpc.lane.printReceipt.mutationOptions());
  const error = describeError(print.error, t);
  return (
    <span className="flex items-center gap-2">
      <button
        type="button"
        className="btn-secondary"
        disabled={print.isPending}
        onClick={async () => {
          await lane.flushOutbox();
          print.mutate({ laneId: lane.config.laneId, receiptNo });
        }}
      >
        {t('lane.printOnPrinter')}
      </button>
      {print.isSuccess && <span role="status">{t('lane.printed')}</span>}
      <ErrorAlert error={error} />
    </span>
  );
}

function ProductSearch({
  search,
  onPick,
}: {
  search: (query: string) => LaneProduct[];
  onPick: (product: LaneProduct) => void;
}) {
  const t = useT();
  const [query, setQuery] = useState('');
  const results = useMemo(() => search(query), [search, query]);
  return (
    <div className="border-b px-3 py-2">
      <input
        type="search"
        aria-label={t('lane.search')}
        placeholder={t('lane.search')}
        className="field-input"
        value={query}
        onChange={(event) => setQuery(event.target.value)}
      />
      {results.length > 0 && (
        <ul className="mt-2 flex flex-wrap gap-1" aria-label={t('lane.searchResults')}>
          {results.map((product) => (
            <li key={product.id}>
              <button
                type="button"
                className="btn-secondary px-2 py-1"
                onClick={() => {
                  onPick(product);
                  setQuery('');
                }}
              >
                {product.nameZh} {formatFen(product.priceFen, { symbol: true })}
                {product.unit === 'kg' ? '/kg' : ''}
              </button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

function CashPanel({ dueFen, disabled, onPay }: { dueFen: number; disabled: boolean; onPay: (fen: number) => void }) {
  const t = useT();
  const [given, setGiven] = useState('');
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const fen = parseYuan(given);
    if (fen !== null && fen > 0) onPay(fen);
    setGiven('');
  };
  return (
    <form onSubmit={submit} className="rounded bg-white p-4 shadow" aria-label={t('lane.pay')}>
      <label htmlFor="cash-given" className="field-label">
        {t('lane.cashGiven')}
      </label>
      <div className="flex gap-2">
        <input
          id="cash-given"
          className="field-input font-mono"
          inputMode="decimal"
          disabled={disabled}
          value={given}
          onChange={(e) => setGiven(e.target.value)}
        />
        <button type="submit" className="btn-primary" disabled={disabled}>
          {t('lane.cash')}
        </button>
      </div>
      <div className="mt-2 flex flex-wrap gap-1">
        {quickCashAmounts(dueFen).map((amount) => (
          <button
            key={amount}
            type="button"
            disabled={disabled}
            className="btn-secondary px-2 py-1"
            onClick={() => onPay(amount)}
          >
            {formatFen(amount, { symbol: true })}
          </button>
        ))}
      </div>
    </form>
  );
}

function WeightEntry({
  resolved,
  onDone,
}: {
  resolved: ResolvedCode<LaneProduct>;
  onDone: (grams: number | null) => void;
}) {
  const t = useT();
  const [grams, setGrams] = useState('');
  return (
    <form
      className="flex items-end gap-2 bg-amber-50 p-3"
      onSubmit={(event) => {
        event.preventDefault();
        const value = Number(grams);
        onDone(Number.isInteger(value) && value > 0 ? value : null);
      }}
    >
      <label className="flex-1 text-sm">
        {t('lane.weightFor', { name: resolved.product.nameZh })}
        <input
          aria-label={t('lane.weight')}
          autoFocus
          className="field-input"
          inputMode="numeric"
          value={grams}
          onChange={(e) => setGrams(e.target.value)}
        />
      </label>
      <button type="submit" className="btn-primary">
        {t('lane.add')}
      </button>
    </form>
  );
}

function LaneSignIn({
  config,
  onSignedIn,
}: {
  config: LaneConfig;
  onSignedIn: (s: { staffName: string; operatorNo: string; shiftId: string }) => Promise<void>;
}) {
  const t = useT();
  const trpc = useTRPC();
  const [form, setForm] = useState({ operatorNo: '', password: '', float: '500.00' });
  const [shiftId] = useState(() => uuidv7());
  const signIn = useMutation(
    trpc.lane.signIn.mutationOptions({
      onSuccess: (result) =>
        onSignedIn({ staffName: result.staff.name, operatorNo: form.operatorNo, shiftId: result.shift.id }),
    }),
  );
  const error = describeError(signIn.error, t);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    signIn.mutate({
      operatorNo: form.operatorNo,
      password: form.password,
      laneId: config.laneId,
      shiftId,
      openingFloatFen: parseYuan(form.float) ?? 0,
    });
  };
  return (
    <form
      onSubmit={submit}
      className="mx-auto mt-16 w-96 space-y-4 rounded bg-white p-8 shadow"
      aria-label={t('lane.signIn')}
    >
      <h1 className="text-xl font-semibold">{t('lane.signIn')}</h1>
      {(['operatorNo', 'password', 'float'] as const).map((key) => (
        <div key={key}>
          <label htmlFor={`lane-${key}`} className="field-label">
            {t(key === 'operatorNo' ? 'lane.operatorNo' : key === 'password' ? 'lane.password' : 'lane.openingFloat')}
          </label>
          <input
            id={`lane-${key}`}
            type={key === 'password' ? 'password' : 'text'}
            className="field-input"
            value={form[key]}
            onChange={(event) => setForm({ ...form, [key]: event.target.value })}
          />
        </div>
      ))}
      <ErrorAlert error={error} />
      <button type="submit" className="btn-primary w-full" disabled={signIn.isPending}>
        {t('lane.signIn')}
      </button>
    </form>
  );
}

function LaneSignOut({ lane, onCancel }: { lane: ReturnType<typeof useLane>; onCancel: () => void }) {
  const t = useT();
  const trpc = useTRPC();
  const [counted, setCounted] = useState('');
  const signOut = useMutation(trpc.lane.signOut.mutationOptions());
  const error = describeError(signOut.error, t);
  const report = signOut.data;
  if (report) {
    return (
      <section
        className="mx-auto mt-8 w-[80mm] space-y-1 rounded bg-white p-4 font-mono text-sm shadow"
        aria-label={t('lane.zReport')}
      >
        <h1 className="font-bold">{t('lane.zReport')}</h1>
        <p>
          {t('lane.sales')}: {report.sales.count} · {t('lane.takings')}:{' '}
          {formatFen(report.sales.totalFen, { symbol: true })}
        </p>
        <p>
          {t('lane.expected')}: {formatFen(report.cash.expectedFen, { symbol: true })}
        </p>
        <p>
          {t('lane.counted')}: {formatFen(report.cash.countedFen ?? 0, { symbol: true })}
        </p>
        <p>
          {t('lane.difference')}: {formatFen(report.cash.differenceFen ?? 0, { symbol: true })}
        </p>
        <div className="flex gap-2 pt-3 print:hidden">
          <button type="button" className="btn-secondary" onClick={() => window.print()}>
            {t('lane.print')}
          </button>
          <button type="button" className="btn-primary" onClick={() => void lane.signedOut()}>
            OK
          </button>
        </div>
      </section>
    );
  }
  return (
    <form
      className="mx-auto mt-16 w-96 space-y-4 rounded bg-white p-8 shadow"
      aria-label={t('lane.signOut')}
      onSubmit={(event) => {
        event.preventDefault();
        if (!lane.session) return;
        signOut.mutate({ shiftId: lane.session.shiftId, countedCashFen: parseYuan(counted) ?? 0 });
      }}
    >
      <h1 className="text-xl font-semibold">{t('lane.signOut')}</h1>
      <label htmlFor="counted-cash" className="field-label">
        {t('lane.countCash')}
      </label>
      <input
        id="counted-cash"
        className="field-input font-mono"
        inputMode="decimal"
        value={counted}
        onChange={(e) => setCounted(e.target.value)}
      />
      {lane.config.hasTerminal && <TerminalSettlement laneId={lane.config.laneId} />}
      <ErrorAlert error={error} />
      <div className="flex gap-2">
        <button type="button" className="btn-secondary" onClick={onCancel}>
          ←
        </button>
        <button type="submit" className="btn-primary flex-1" disabled={signOut.isPending}>
          {t('lane.signOut')}
        </button>
      </div>
    </form>
  );
}
