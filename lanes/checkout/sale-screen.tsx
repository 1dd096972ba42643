'use client';

import { useCallback, useMemo, useState } from 'react';
import { flushSync } from 'react-dom';
import { useT } from '@/app/i18n/locale-provider';
import { needsWeighing, type ResolvedCode } from '@/server/domain/resolve-code';
import { beep } from './beep';
import { CardMenu } from './card-menu';
import { cartTotals, type CartAction, type LaneProduct } from './cart';
import { CustomerSegments } from './customer-segments';
import { LaneSignOut } from './lane-sign-out';
import { ParkedSales } from './parked-sales';
import { ProductSearch } from './product-search';
import type { FinishedSale } from './receipt-screen';
import { ReturnScreen } from './return-screen';
import { SaleDialog } from './sale-dialog';
import { SaleLines } from './sale-lines';
import { SaleTotal } from './sale-total';
import { ScanEntry } from './scan-entry';
import { ShiftTools } from './shift-tools';
import { TenderPanels } from './tender-panels';
import type { Lane, NegativeStockRequest } from './use-lane';
import { useSaleDialog } from './use-sale-dialog';
import { useScanInput } from './use-scan-input';
import { WeightEntry } from './weight-entry';

/** The open sale: scans and lines, totals, tenders and the sale's actions; and the screens it steps aside for. */
export function SaleScreen({ lane, onFinished }: { lane: Lane; onFinished: (sale: FinishedSale) => void }) {
  const t = useT();
  const [message, setMessage] = useState<string | null>(null);
  const [weighing, setWeighing] = useState<ResolvedCode<LaneProduct> | null>(null);
  const [signingOut, setSigningOut] = useState(false);
  const [returning, setReturning] = useState(false);
  const [camera, setCamera] = useState(false);
  const [shiftTools, setShiftTools] = useState(false);
  // The sale whose card payment has an unknown outcome: it takes no cash, no void, no parking until it is known.
  const [blockedSaleId, setBlockedSaleId] = useState<string | null>(null);
  const dialogs = useSaleDialog();
  const { dialog, askNegativeStock } = dialogs;
  const { cart, dispatch, lookup, negativeStockRequest } = lane;
  const cardBlocked = blockedSaleId === cart.saleId;
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
      if (request) askNegativeStock(request);
      // Rendered in the scan's own task: left to the scheduler, the line could miss the next frame.
      else flushSync(() => dispatch(action));
    },
    [askNegativeStock, dispatch, lookup, negativeStockRequest, t],
  );

  /** Dispatches a cart change, unless it sells beyond the known on hand where the store blocks that. */
  const guardedDispatch = useCallback(
    (action: CartAction) => {
      const decide = (request: NegativeStockRequest | null) => (request ? askNegativeStock(request) : dispatch(action));
      const pending = negativeStockRequest(action);
      if (pending instanceof Promise) void pending.then(decide);
      else decide(pending);
    },
    [askNegativeStock, dispatch, negativeStockRequest],
  );

  // Other screens take their own scans (a receipt to return): the sale's listener stands down.
  const { barcodeField, submitCode } = useScanInput(scan, !(signingOut || returning || shiftTools || dialog));

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

  return (
    <main className="grid flex-1 grid-cols-[1fr_22rem] gap-4 p-4">
      <SaleDialog
        dialogs={dialogs}
        cart={cart}
        shiftId={lane.session?.shiftId}
        dispatch={dispatch}
        onMessage={setMessage}
      />
      <section className="flex flex-col rounded bg-white shadow">
        <ScanEntry
          barcodeField={barcodeField}
          onSubmit={submitCode}
          camera={camera}
          onCameraChange={setCamera}
          onScan={scan}
        />
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
          onLineDiscount={dialogs.openLineDiscount}
          onOverridePrice={dialogs.openPriceOverride}
        />
      </section>
      <aside className="flex flex-col gap-3">
        <SaleTotal cart={cart} totals={totals} />
        <CustomerSegments
          selected={cart.customerSegment}
          onSelect={(segment) => dispatch({ type: 'set-segment', segment })}
        />
        <TenderPanels
          lane={lane}
          totals={totals}
          cardBlocked={cardBlocked}
          onCardOutcomeUnknown={(unknown) =>
            setBlockedSaleId((blocked) => (unknown ? cart.saleId : blocked === cart.saleId ? null : blocked))
          }
          onMessage={setMessage}
          onFinished={onFinished}
        />
        <div className="grid grid-cols-2 gap-2">
          <button
            type="button"
            className="btn-secondary"
            disabled={cart.lines.length === 0}
            onClick={dialogs.openSaleDiscount}
          >
            {t('lane.discount')}
          </button>
          <button
            type="button"
            className="btn-secondary text-red-700"
            disabled={cart.lines.length === 0 || cardBlocked}
            onClick={dialogs.openVoidSale}
          >
            {t('lane.voidSale')}
          </button>
        </div>
        <ParkedSales lane={lane} cardBlocked={cardBlocked} />
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
