'use client';

import { TRPCClientError } from '@trpc/client';
import { useCallback, useEffect, useMemo, useReducer, useRef, useState } from 'react';
import { useTRPCClient } from '@/app/trpc/client';
import type { EmbeddedBarcodeLayout } from '@/server/domain/embedded-barcode';
import { resolveCode, type ResolvedCode } from '@/server/domain/resolve-code';
import { receiptNumber } from '@/server/domain/store-time';
import type { FinalizeSaleInput } from '@/server/sales/finalize-sale';
import { LaneStore, type LaneSession, type OutboxEntry } from '../storage/lane-store';
import { cartReducer, cartTotals, emptyCart, type Cart, type CartAction, type LaneProduct } from './cart';

export interface LaneConfig {
  storeId: string;
  laneId: string;
  laneNumber: number;
  timeZone: string;
  layouts: EmbeddedBarcodeLayout[];
  hasPrinter: boolean;
}

/** A sale that failed for a reason a retry will not fix (not a network failure). */
const isRejection = (error: unknown) =>
  error instanceof TRPCClientError && typeof error.data?.httpStatus === 'number' && error.data.httpStatus < 500;

export function useLane(config: LaneConfig) {
  const client = useTRPCClient();
  const storeRef = useRef<LaneStore | null>(null);
  const [ready, setReady] = useState(false);
  const [session, setSession] = useState<LaneSession | null>(null);
  const [cart, dispatchRaw] = useReducer(cartReducer, undefined, () => emptyCart(new Date().toISOString()));
  const [products, setProducts] = useState<Map<string, LaneProduct>>(new Map());
  const [outbox, setOutbox] = useState<OutboxEntry[]>([]);
  const [parked, setParked] = useState<Cart[]>([]);
  const [online, setOnline] = useState(true);
  const restored = useRef(false);

  const index = useMemo(() => {
    const byBarcode = new Map<string, LaneProduct>();
    const byPlu = new Map<string, LaneProduct>();
    for (const p of products.values()) {
      if (!p.active) continue;
      for (const code of p.barcodes) byBarcode.set(code, p);
      if (p.plu) byPlu.set(p.plu, p);
    }
    return { byBarcode, byPlu };
  }, [products]);

  useEffect(() => {
    let cancelled = false;
    void (async () => {
      const store = await LaneStore.open(`lanekeeper-${config.storeId}-lane-${config.laneNumber}`);
      if (cancelled) return;
      storeRef.current = store;
      const [savedCart, savedSession, cached, pending, savedParked] = await Promise.all([
        store.loadCart(),
        store.get<LaneSession>('session'),
        store.allProducts(),
        store.pending(),
        store.get<Cart[]>('parked'),
      ]);
      setParked(savedParked ?? []);
      if (savedCart) dispatchRaw({ type: 'restore', cart: savedCart });
      restored.current = true;
      setSession(savedSession ?? null);
      setProducts(new Map(cached.map((p) => [p.id, p])));
      setOutbox(pending);
      setReady(true);
    })();
    return () => {
      cancelled = true;
    };
  }, [config.storeId, config.laneNumber]);

  useEffect(() => {
    if (restored.current) void storeRef.current?.saveCart(cart);
  }, [cart]);

  const dispatch = useCallback((action: CartAction) => dispatchRaw(action), []);

  const refreshCatalog = useCallback(async () => {
    const store = storeRef.current;
    if (!store) return;
    const since = (await store.get<string>('catalogSyncedAt')) ?? null;
    let after: string | null = null;
    let newest = since;
    const changed: LaneProduct[] = [];
    do {
      const page = await client.lane.catalog.query({ changedSince: since ? new Date(since) : null, after });
      for (const p of page.products) {
        const { updatedAt, ...product } = p;
        changed.push(product);
        const stamp = updatedAt.toISOString();
        if (!newest || stamp > newest) newest = stamp;
      }
      after = page.next;
    } while (after);
    if (changed.length > 0) {
      await store.putProducts(changed);
      setProducts((current) => {
        const next = new Map(current);
        for (const p of changed) next.set(p.id, p);
        return next;
      });
    }
    if (newest) await store.set('catalogSyncedAt', newest);
  }, [client]);

  const flushOutbox = useCallback(async () => {
    const store = storeRef.current;
    if (!store) return;
    for (const entry of await store.pending()) {
      if (entry.rejected || entry.seq === undefined) continue;
      try {
        await client.lane.finalizeSale.mutate(entry.input);
        await store.acknowledge(entry.seq);
        setOnline(true);
      } catch (error) {
        if (isRejection(error)) {
          await store.reject(entry, error instanceof Error ? error.message : String(error));
          continue;
        }
        setOnline(false);
        break;
      }
    }
    setOutbox(await store.pending());
  }, [client]);

  /** Uploads waiting sales, then refreshes the catalog; either failing to reach the server shows the lane offline. */
  const sync = useCallback(async () => {
    await flushOutbox();
    try {
      await refreshCatalog();
      setOnline(true);
    } catch {
      setOnline(false);
    }
  }, [flushOutbox, refreshCatalog]);

  useEffect(() => {
    if (!ready || !session) return;
    const first = setTimeout(() => void sync(), 0);
    const timer = setInterval(() => void sync(), 5_000);
    return () => {
      clearTimeout(first);
      clearInterval(timer);
    };
  }, [ready, session, sync]);

  /** The cached catalog answers first; a miss asks the server, so a product added since the last download still sells. */
  const lookup = useCallback(
    async (code: string): Promise<ResolvedCode<LaneProduct> | null> => {
      const local = await resolveCode(code, config.layouts, {
        byBarcode: (c) => index.byBarcode.get(c) ?? null,
        byPlu: (plu) => index.byPlu.get(plu) ?? null,
      });
      if (local) return local;
      try {
        const remote = await client.lane.resolveScan.query({ code });
        const product = products.get(remote.product.id) ?? {
          ...remote.product,
          pinyinInitials: '',
          plu: null,
          barcodes: [],
        };
        return { ...remote, product };
      } catch {
        return null;
      }
    },
    [client, config.layouts, index, products],
  );

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
      };
      const next = emptyCart(soldAt.toISOString());
      await store.finishSale({ saleId: cart.saleId, input, queuedAt: soldAt.toISOString(), rejected: null }, next);
      dispatchRaw({ type: 'restore', cart: next });
      setOutbox(await store.pending());
      void flushOutbox();
      return { cart, input };
    },
    [config, flushOutbox, online, session],
  );

  /** 挂单: the open sale steps aside (kept in IndexedDB) and the next customer is served. */
  const park = useCallback(async () => {
    const store = storeRef.current;
    if (!store || cart.lines.length === 0) return;
    const next = [...parked, cart];
    await store.set('parked', next);
    setParked(next);
    dispatchRaw({ type: 'new-sale', at: new Date().toISOString() });
  }, [cart, parked]);

  const resume = useCallback(
    async (saleId: string) => {
      const store = storeRef.current;
      const chosen = parked.find((p) => p.saleId === saleId);
      if (!store || !chosen || cart.lines.length > 0) return;
      const rest = parked.filter((p) => p.saleId !== saleId);
      await store.set('parked', rest);
      setParked(rest);
      dispatchRaw({ type: 'restore', cart: chosen });
    },
    [cart.lines.length, parked],
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
    lookup,
    products,
    outbox,
    online,
    signedIn,
    signedOut,
    finishSale,
  };
}
