'use client';

import { useCallback, useEffect, useRef, useState, type RefObject } from 'react';
import { useTRPCClient } from '@/app/trpc/client';
import type { LaneCatalogSnapshot } from '@/server/lanes/lane-catalog-snapshot';
import type { LaneSession, LaneStore } from '../storage/lane-store';
import type { LaneProduct } from './cart';
import { CatalogIndex } from './catalog-index';
import { LANE_TIMING } from './lane-timing';
import { whenIdle } from './when-idle';

/** Products read per step when filling the in-memory catalog: each step is a few milliseconds of main thread. */
const FILL_STEP = 1000;

/**
 * The lane's catalog: downloaded into IndexedDB (`refreshCatalog`), and filled from there into memory in idle
 * steps for scans and product search.
 */
export function useLaneCatalog(storeRef: RefObject<LaneStore | null>, ready: boolean, session: LaneSession | null) {
  const client = useTRPCClient();
  const [catalogSize, setCatalogSize] = useState(0);
  /** The catalog in memory, filled after opening; scans read IndexedDB until it is complete. */
  const catalog = useRef<CatalogIndex | null>(null);
  // A new function whenever the search's contents change, so a screen showing results looks again.
  const [searchProducts, setSearchProducts] = useState(() => (_query: string): LaneProduct[] => []);

  const searchChanged = useCallback(() => {
    const current = catalog.current;
    if (current) setSearchProducts(() => (query: string) => current.find(query));
  }, []);

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
  }, [storeRef, ready, session, searchChanged]);

  /** Cancels feeding a first download into memory (on unmount). */
  const cancelFeed = useRef(() => {});
  useEffect(() => () => cancelFeed.current(), []);

  /**
   * Puts a first download into the in-memory catalog in idle steps; meanwhile scans read IndexedDB, which holds
   * it all already. A product a later download put in first is newer and stays.
   */
  const feedMemory = useCallback(
    (products: readonly LaneProduct[]) => {
      const memory = catalog.current;
      if (!memory || products.length === 0) return;
      memory.complete = false;
      let at = 0;
      const step = () => {
        if (catalog.current !== memory) return;
        memory.put(products.slice(at, at + FILL_STEP), true);
        at += FILL_STEP;
        if (at < products.length) cancelFeed.current = whenIdle(step);
        else {
          memory.complete = true;
          searchChanged();
        }
      };
      cancelFeed.current = whenIdle(step);
    },
    [searchChanged],
  );

  /**
   * Downloads the catalog into IndexedDB: the first time all of it in one compressed response written in one
   * transaction, later what changed since the last download, page by page.
   */
  const refreshCatalog = useCallback(async () => {
    const store = storeRef.current;
    if (!store) return;
    const startedAt = performance.now();
    const since = (await store.get<string>('catalogSyncedAt')) ?? null;
    if (since === null) {
      const response = await fetch('/api/lane-catalog', { cache: 'no-store', credentials: 'same-origin' });
      if (!response.ok) throw new Error(`Catalog download failed (HTTP ${response.status})`);
      const snapshot = (await response.json()) as LaneCatalogSnapshot;
      await store.putAllProducts(snapshot.products);
      setCatalogSize(await store.productCount());
      feedMemory(snapshot.products);
      performance.measure(LANE_TIMING.catalogDownload, {
        start: startedAt,
        end: performance.now(),
        detail: { products: snapshot.products.length, full: true },
      });
      if (snapshot.syncedAt) await store.set('catalogSyncedAt', snapshot.syncedAt);
      return;
    }
    let after: string | null = null;
    let newest = since;
    let changed = 0;
    do {
      const page = await client.lane.catalog.query({ changedSince: new Date(since), after });
      const products = page.products.map(({ updatedAt, ...product }) => {
        const stamp = updatedAt.toISOString();
        if (stamp > newest) newest = stamp;
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
        detail: { products: changed, full: false },
      });
    }
    if (newest !== since) await store.set('catalogSyncedAt', newest);
  }, [client, storeRef, searchChanged, feedMemory]);

  return { catalog, catalogSize, setCatalogSize, searchProducts, refreshCatalog };
}
