'use client';

import { useCallback, useEffect, useLayoutEffect, useReducer, useRef, useState } from 'react';
import type { EmbeddedBarcodeLayout } from '@/server/domain/embedded-barcode';
import type { NegativeStockPolicy } from '@/server/domain/negative-stock';
import { receiptNumber } from '@/server/domain/store-time';
import type { FinalizeSaleInput } from '@/server/sales/finalize-sale';
import { LaneStore, type LaneSession } from '../storage/lane-store';
import { cartReducer, cartTotals, emptyCart, type Cart, type CartAction } from './cart';
import { LANE_TIMING, useScanTiming } from './lane-timing';
import { useCodeLookup } from './use-code-lookup';
import { useLaneCatalog } from './use-lane-catalog';
import { useLaneSync } from './use-lane-sync';
import { useOnHand } from './use-on-hand';
import { useParkedSales } from './use-parked-sales';

export type { NegativeStockRequest } from './use-on-hand';

export interface LaneConfig {
  storeId: string;
  laneId: string;
  laneNumber: number;
  timeZone: string;
  layouts: EmbeddedBarcodeLayout[];
  hasPrinter: boolean;
  hasTerminal: boolean;
  negativeStockPolicy: NegativeStockPolicy;
}

/** What the lane's screens work with: its storage, session, open sale, catalog and outbox. */
export type Lane = ReturnType<typeof useLane>;

/**
 * The lane on this device: opens its IndexedDB, restores the open sale, session, parked sales and outbox, keeps
 * every cart change stored, and finishes sales into the outbox.
 */
export function useLane(config: LaneConfig) {
  const storeRef = useRef<LaneStore | null>(null);
  const [ready, setReady] = useState(false);
  const [session, setSession] = useState<LaneSession | null>(null);
  const [cart, dispatchRaw] = useReducer(cartReducer, undefined, () => emptyCart(new Date().toISOString()));
  const restored = useRef(false);
  /** The cart as last rendered, for the stock check made before a change is dispatched. */
  const cartNow = useRef(cart);
  const scanTiming = useScanTiming(cart);
  const { catalog, catalogSize, setCatalogSize, searchProducts, refreshCatalog } = useLaneCatalog(
    storeRef,
    ready,
    session,
  );
  const { negativeStockRequest, refreshStock, restoreStockKnown, countSold } = useOnHand({
    storeRef,
    ready,
    session,
    initialPolicy: config.negativeStockPolicy,
    cartNowRef: cartNow,
    scanTiming,
  });
  const { outbox, setOutbox, online, flushOutbox } = useLaneSync({
    storeRef,
    ready,
    session,
    refreshStock,
    refreshCatalog,
  });
  const lookup = useCodeLookup({ storeRef, catalogRef: catalog, layouts: config.layouts, scanTiming });
  const { parked, setParked, park, resume } = useParkedSales(storeRef, cart, dispatchRaw);

  useEffect(() => {
    let cancelled = false;
    void (async () => {
      const store = await LaneStore.open(`lanekeeper-${config.storeId}-lane-${config.laneNumber}`);
      if (cancelled) return;
      storeRef.current = store;
      // The catalog stays in IndexedDB (scans read its indexes): opening a lane loads no products.
      const [savedCart, savedSession, cachedCount, pending, savedParked, stockSyncedAt] = await Promise.all([
        store.loadCart(),
        store.get<LaneSession>('session'),
        store.productCount(),
        store.pending(),
        store.get<Cart[]>('parked'),
        store.get<string>('stockSyncedAt'),
      ]);
      restoreStockKnown(stockSyncedAt);
      setParked(savedParked ?? []);
      if (savedCart) dispatchRaw({ type: 'restore', cart: savedCart });
      restored.current = true;
      setSession(savedSession ?? null);
      setCatalogSize(cachedCount);
      setOutbox(pending);
      setReady(true);
      performance.mark(LANE_TIMING.ready);
    })();
    return () => {
      cancelled = true;
    };
  }, [config.storeId, config.laneNumber, restoreStockKnown, setParked, setCatalogSize, setOutbox]);

  useEffect(() => {
    if (restored.current) void storeRef.current?.saveCart(cart);
  }, [cart]);

  useLayoutEffect(() => {
    cartNow.current = cart;
  }, [cart]);

  const dispatch = useCallback((action: CartAction) => dispatchRaw(action), []);

  const signedIn = useCallback(async (next: LaneSession) => {
    await storeRef.current?.set('session', next);
    setSession(next);
  }, []);

  const signedOut = useCallback(async () => {
    await storeRef.current?.delete('session');
    setSession(null);
  }, []);

  /** Finishes the sale on the lane first (queued in IndexedDB), then uploads it: the receipt never waits for the server. */
  const finishSale = useCallback(
    async (cart: Cart): Promise<{ cart: Cart; input: FinalizeSaleInput } | null> => {
      const store = storeRef.current;
      if (!store || !session || cart.lines.length === 0 || !cartTotals(cart).settlement.complete) return null;
      const soldAt = new Date();
      const input: FinalizeSaleInput = {
        saleId: cart.saleId,
        laneId: config.laneId,
        shiftId: session.shiftId,
        receiptNo: receiptNumber(config.laneNumber, soldAt, config.timeZone),
        soldAt,
        customerSegment: cart.customerSegment,
        lines: cart.lines,
        saleDiscount: cart.saleDiscount,
        tenders: cart.tenders,
        sentOffline: !online,
        voidedLines: cart.voidedLines,
        discountApprovalId: cart.discountApprovalId ?? null,
        negativeStockApprovals: cart.negativeStockApprovals ?? [],
      };
      const next = emptyCart(soldAt.toISOString());
      await store.finishSale({ saleId: cart.saleId, input, queuedAt: soldAt.toISOString(), rejected: null }, next);
      await countSold(store, cart);
      dispatchRaw({ type: 'restore', cart: next });
      setOutbox(await store.pending());
      void flushOutbox();
      return { cart, input };
    },
    [config, countSold, flushOutbox, online, session, setOutbox],
  );

  return {
    flushOutbox,
    config,
    parked,
    park,
    resume,
    ready,
    session,
    cart,
    dispatch,
    negativeStockRequest,
    lookup,
    catalogSize,
    searchProducts,
    outbox,
    online,
    signedIn,
    signedOut,
    finishSale,
  };
}
