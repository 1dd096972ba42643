'use client';

import { TRPCClientError } from '@trpc/client';
import { useCallback, useEffect, useLayoutEffect, useReducer, useRef, useState } from 'react';
import { useTRPCClient } from '@/app/trpc/client';
import type { EmbeddedBarcodeLayout } from '@/server/domain/embedded-barcode';
import {
  approvedUpTo,
  needsNegativeStockApproval,
  stockTaken,
  type NegativeStockPolicy,
} from '@/server/domain/negative-stock';
import { needsWeighing, resolveCode, type ResolvedCode } from '@/server/domain/resolve-code';
import { receiptNumber } from '@/server/domain/store-time';
import type { FinalizeSaleInput } from '@/server/sales/finalize-sale';
import { LaneStore, type LaneSession, type OutboxEntry } from '../storage/lane-store';
import {
  cartReducer,
  cartTotals,
  emptyCart,
  stockChangeOf,
  type Cart,
  type CartAction,
  type LaneProduct,
} from './cart';
import { CatalogIndex } from './catalog-index';

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

/** A cart change that waits for a supervisor: it would sell more of a product than is known on hand. */
export interface NegativeStockRequest {
  action: CartAction;
  productId: string;
  nameZh: string;
  unit: 'each' | 'kg';
  onHand: number;
  heldAfter: number;
}

/** A sale that failed for a reason a retry will not fix (not a network failure). */
const isRejection = (error: unknown) =>
  error instanceof TRPCClientError && typeof error.data?.httpStatus === 'number' && error.data.httpStatus < 500;

/** Refused only until a card payment's outcome is known: the sale waits in the outbox, it is not rejected. */
const waitsForCardOutcome = (error: unknown) =>
  error instanceof TRPCClientError &&
  (error.data as { reason?: string } | undefined)?.reason === 'card.outcome-unknown';

/** Products read per step when filling the in-memory catalog: each step is a few milliseconds of main thread. */
const FILL_STEP = 1000;
/** On-hand figures read per step: plain numbers, so more at a time. */
const ON_HAND_FILL_STEP = 5000;

/**
 * User-timing entries the lane records (read by `npm run bench:lane`): `lane:ready` when the lane's storage is
 * open, a `lane:scan` measure from handling a scan to its line painted, and `lane:catalog-download` per download
 * that changed products.
 */
export const LANE_TIMING = { ready: 'lane:ready', scan: 'lane:scan', catalogDownload: 'lane:catalog-download' };
const MAX_SCAN_MEASURES = 2000;

function whenIdle(work: () => void): () => void {
  if (typeof requestIdleCallback === 'function') {
    const handle = requestIdleCallback(work, { timeout: 250 });
    return () => cancelIdleCallback(handle);
  }
  const handle = setTimeout(work, 10);
  return () => clearTimeout(handle);
}

/** Runs `work` once the frame now being prepared has been painted. */
function afterPaint(work: () => void): void {
  requestAnimationFrame(() => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => {
      channel.port1.close();
      work();
    };
    channel.port2.postMessage(null);
  });
}

/** Where a scan was found: the in-memory catalog, IndexedDB's indexes (until memory is filled), or the server. */
type ScanSource = 'memory' | 'indexeddb' | 'server';

interface PendingScan {
  code: string;
  source: ScanSource;
  startedAt: number;
  resolvedAt: number;
}

/** One `lane:scan` measure; its detail splits the time into the lookup and React's render up to the commit. */
function measureScan(scan: PendingScan, committedAt: number): void {
  if (performance.getEntriesByName(LANE_TIMING.scan).length >= MAX_SCAN_MEASURES) {
    performance.clearMeasures(LANE_TIMING.scan);
  }
  performance.measure(LANE_TIMING.scan, {
    start: scan.startedAt,
    end: performance.now(),
    detail: {
      code: scan.code,
      source: scan.source,
      lookupMs: scan.resolvedAt - scan.startedAt,
      committedMs: committedAt - scan.startedAt,
    },
  });
}

export function useLane(config: LaneConfig) {
  const client = useTRPCClient();
  const storeRef = useRef<LaneStore | null>(null);
  const [ready, setReady] = useState(false);
  const [session, setSession] = useState<LaneSession | null>(null);
  const [cart, dispatchRaw] = useReducer(cartReducer, undefined, () => emptyCart(new Date().toISOString()));
  const [catalogSize, setCatalogSize] = useState(0);
  /** The catalog in memory, filled after opening; scans read IndexedDB until it is complete. */
  const catalog = useRef<CatalogIndex | null>(null);
  // A new function whenever the search's contents change, so a screen showing results looks again.
  const [searchProducts, setSearchProducts] = useState(() => (_query: string): LaneProduct[] => []);
  const syncing = useRef(false);
  /** The scan whose line is about to be shown, timed until it is painted. */
  const pendingScan = useRef<PendingScan | null>(null);
  const [outbox, setOutbox] = useState<OutboxEntry[]>([]);
  const [parked, setParked] = useState<Cart[]>([]);
  const [online, setOnline] = useState(true);
  const restored = useRef(false);
  /** The cart as last rendered, for the stock check made before a change is dispatched. */
  const cartNow = useRef(cart);
  const policy = useRef(config.negativeStockPolicy);
  /** On hand by product, filled from IndexedDB after opening (complete) and kept current by stock downloads. */
  const onHand = useRef({ figures: new Map<string, number>(), complete: false });
  /** Whether on hand was ever downloaded: until then the lane knows no figure and blocks nothing. */
  const stockKnown = useRef(false);

  const searchChanged = useCallback(() => {
    const current = catalog.current;
    if (current) setSearchProducts(() => (query: string) => current.find(query));
  }, []);

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
      stockKnown.current = stockSyncedAt !== undefined;
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
  }, [config.storeId, config.laneNumber]);

  useEffect(() => {
    if (restored.current) void storeRef.current?.saveCart(cart);
  }, [cart]);

  useLayoutEffect(() => {
    cartNow.current = cart;
  }, [cart]);

  useLayoutEffect(() => {
    const pending = pendingScan.current;
    if (!pending || cart.lines.at(-1)?.scannedCode !== pending.code) return;
    pendingScan.current = null;
    const committedAt = performance.now();
    afterPaint(() => measureScan(pending, committedAt));
  }, [cart]);

  /**
   * Fills the in-memory catalog (scans by barcode and PLU, product search) from IndexedDB in small steps while the
   * lane is idle, once per page load: the lane is ready before, and a scan meanwhile reads IndexedDB's indexes.
   */
  useEffect(() => {
    const store = storeRef.current;
    if (!ready || !session || !store || catalog.current) return;
    const filling = new CatalogIndex();
    catalog.current = filling;
    let after: string | null = null;
    let cancelled = false;
    let cancelStep = () => {};
    const step = async () => {
      const page = await store.productsAfter(after, FILL_STEP);
      if (cancelled) return;
      // A download may already have put a newer copy of some of these in.
      filling.put(page, true);
      filling.complete = page.length < FILL_STEP;
      // Searches see what is in so far, and look again once all is in.
      if (after === null || filling.complete) searchChanged();
      after = page.at(-1)?.id ?? after;
      if (!filling.complete) cancelStep = whenIdle(() => void step());
    };
    cancelStep = whenIdle(() => void step());
    return () => {
      cancelled = true;
      cancelStep();
      if (catalog.current === filling) catalog.current = null;
    };
  }, [ready, session, searchChanged]);

  /** Fills on hand in memory from IndexedDB in idle steps, once per page load; figures downloaded meanwhile win. */
  useEffect(() => {
    const store = storeRef.current;
    if (!ready || !session || !store) return;
    const { figures } = onHand.current;
    let after: string | null = null;
    let cancelled = false;
    let cancelStep = () => {};
    const step = async () => {
      const page = await store.onHandAfter(after, ON_HAND_FILL_STEP);
      if (cancelled) return;
      for (const [productId, figure] of page) if (!figures.has(productId)) figures.set(productId, figure);
      after = page.at(-1)?.[0] ?? after;
      if (page.length < ON_HAND_FILL_STEP) onHand.current.complete = true;
      else cancelStep = whenIdle(() => void step());
    };
    if (!onHand.current.complete) cancelStep = whenIdle(() => void step());
    return () => {
      cancelled = true;
      cancelStep();
    };
  }, [ready, session]);

  const dispatch = useCallback((action: CartAction) => dispatchRaw(action), []);

  /**
   * Null when the change may go ahead, else what the supervisor is asked to approve. Answers at once (a map
   * lookup, or nothing under 'allow'); only until on hand is in memory does it read IndexedDB.
   */
  const negativeStockRequest = useCallback(
    (action: CartAction): NegativeStockRequest | null | Promise<NegativeStockRequest | null> => {
      if (policy.current !== 'block' || !stockKnown.current) return null;
      const cart = cartNow.current;
      const change = stockChangeOf(cart, action);
      if (!change) return null;
      const decide = (figure: number): NegativeStockRequest | null => {
        const needed = needsNegativeStockApproval({
          policy: policy.current,
          onHand: figure,
          heldBefore: change.heldBefore,
          heldAfter: change.heldAfter,
          approvedUpTo: approvedUpTo(cart.negativeStockApprovals ?? [], change.productId),
        });
        if (!needed) return null;
        // The line waits for a supervisor: its scan is not timed.
        if (action.type === 'scan') pendingScan.current = null;
        return { action, ...change, onHand: figure };
      };
      const { figures, complete } = onHand.current;
      const known = figures.get(change.productId);
      if (known !== undefined || complete) return decide(known ?? 0);
      const store = storeRef.current;
      if (!store) return null;
      return store.onHand(change.productId).then(
        (figure) => decide(figure ?? 0),
        () => null,
      );
    },
    [],
  );

  /** Downloads what changed since the last download (everything the first time), page by page into IndexedDB. */
  const refreshCatalog = useCallback(async () => {
    const store = storeRef.current;
    if (!store) return;
    const startedAt = performance.now();
    const since = (await store.get<string>('catalogSyncedAt')) ?? null;
    let after: string | null = null;
    let newest = since;
    let changed = 0;
    do {
      const page = await client.lane.catalog.query({ changedSince: since ? new Date(since) : null, after });
      const products = page.products.map(({ updatedAt, ...product }) => {
        const stamp = updatedAt.toISOString();
        if (!newest || stamp > newest) newest = stamp;
        return product;
      });
      if (products.length > 0) {
        // Each page is stored as it arrives: a scan finds it at once, and an interrupted download keeps it.
        await store.putProducts(products);
        catalog.current?.put(products);
        changed += products.length;
        setCatalogSize(await store.productCount());
      }
      after = page.next;
    } while (after);
    if (changed > 0) {
      searchChanged();
      performance.measure(LANE_TIMING.catalogDownload, {
        start: startedAt,
        end: performance.now(),
        detail: { products: changed, full: since === null },
      });
    }
    if (newest && newest !== since) await store.set('catalogSyncedAt', newest);
  }, [client, searchChanged]);

  /**
   * Downloads the on-hand figures that moved since the last download (all of them the first time) and the store's
   * negative stock policy. The window ends where the server said, so the next one starts exactly there.
   */
  const refreshStock = useCallback(async () => {
    const store = storeRef.current;
    if (!store) return;
    const since = (await store.get<string>('stockSyncedAt')) ?? null;
    let after: string | null = null;
    let until: Date | null = null;
    do {
      const page = await client.lane.stockLevels.query({ changedSince: since ? new Date(since) : null, until, after });
      policy.current = page.policy;
      if (page.levels.length > 0) {
        await store.putOnHand(page.levels);
        for (const { productId, onHand: figure } of page.levels) onHand.current.figures.set(productId, figure);
      }
      until = page.until;
      after = page.next;
    } while (after);
    if (until) await store.set('stockSyncedAt', until.toISOString());
    stockKnown.current = true;
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
        if (waitsForCardOutcome(error)) continue;
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
    // A first download of a large catalog outlasts the timer: one sync at a time.
    if (syncing.current) return;
    syncing.current = true;
    try {
      await flushOutbox();
      await refreshStock();
      await refreshCatalog();
      setOnline(true);
    } catch {
      setOnline(false);
    } finally {
      syncing.current = false;
    }
  }, [flushOutbox, refreshCatalog, refreshStock]);

  useEffect(() => {
    if (!ready || !session) return;
    const first = setTimeout(() => void sync(), 0);
    const timer = setInterval(() => void sync(), 5_000);
    return () => {
      clearTimeout(first);
      clearInterval(timer);
    };
  }, [ready, session, sync]);

  /**
   * The cached catalog answers first, through its IndexedDB indexes; a miss asks the server, so a product added
   * since the last download still sells.
   */
  const lookup = useCallback(
    async (code: string): Promise<ResolvedCode<LaneProduct> | null> => {
      const startedAt = performance.now();
      const store = storeRef.current;
      const memory = catalog.current?.complete ? catalog.current : null;
      const timed = (resolved: ResolvedCode<LaneProduct>, source: ScanSource) => {
        // A weighed item without its weight waits to be weighed: no line yet, nothing to time.
        pendingScan.current = needsWeighing(resolved)
          ? null
          : { code, source, startedAt, resolvedAt: performance.now() };
        return resolved;
      };
      if (memory) {
        const found = await resolveCode(code, config.layouts, memory);
        if (found) return timed(found, 'memory');
      } else if (store) {
        const found = await resolveCode(code, config.layouts, {
          byBarcode: (c) => store.productByBarcode(c),
          byPlu: (plu) => store.productByPlu(plu),
        }).catch(() => null);
        if (found) return timed(found, 'indexeddb');
      }
      try {
        const remote = await client.lane.resolveScan.query({ code });
        const cached = memory?.byId(remote.product.id) ?? (await store?.product(remote.product.id).catch(() => null));
        const product = cached ?? { ...remote.product, pinyinInitials: '', plu: null, barcodes: [] };
        return timed({ ...remote, product }, 'server');
      } catch {
        return null;
      }
    },
    [client, config.layouts],
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
        negativeStockApprovals: cart.negativeStockApprovals ?? [],
      };
      const next = emptyCart(soldAt.toISOString());
      await store.finishSale({ saleId: cart.saleId, input, queuedAt: soldAt.toISOString(), rejected: null }, next);
      // The server's figure comes back a few seconds after the upload (or after going back online): until then
      // the lane counts its own sale, so the last unit cannot be sold twice in a row.
      const sold = new Map<string, number>();
      for (const line of cart.lines) sold.set(line.productId, (sold.get(line.productId) ?? 0) + stockTaken(line));
      const lowered = [...sold].flatMap(([productId, taken]) => {
        const figure = onHand.current.figures.get(productId);
        return figure === undefined ? [] : [{ productId, onHand: figure - taken }];
      });
      for (const level of lowered) onHand.current.figures.set(level.productId, level.onHand);
      if (lowered.length > 0) await store.putOnHand(lowered);
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
