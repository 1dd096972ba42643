'use client';

import { useCallback, useEffect, useRef, useState, type RefObject } from 'react';
import { useTRPCClient } from '@/app/trpc/client';
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
  }, [client, storeRef, searchChanged]);

  return { catalog, catalogSize, setCatalogSize, searchProducts, refreshCatalog };
}
