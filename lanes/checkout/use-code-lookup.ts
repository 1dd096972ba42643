'use client';

import { useCallback, type RefObject } from 'react';
import { useTRPCClient } from '@/app/trpc/client';
import type { EmbeddedBarcodeLayout } from '@/server/domain/embedded-barcode';
import { needsWeighing, resolveCode, type ResolvedCode } from '@/server/domain/resolve-code';
import type { LaneStore } from '../storage/lane-store';
import type { LaneProduct } from './cart';
import type { CatalogIndex } from './catalog-index';
import type { ScanSource, ScanTiming } from './lane-timing';

/**
 * Resolves a scanned or typed code. The cached catalog answers first (memory once filled, else IndexedDB's
 * indexes); a miss asks the server, so a product added since the last download still sells.
 */
export function useCodeLookup({
  storeRef,
  catalogRef,
  layouts,
  scanTiming,
}: {
  storeRef: RefObject<LaneStore | null>;
  catalogRef: RefObject<CatalogIndex | null>;
  layouts: EmbeddedBarcodeLayout[];
  scanTiming: ScanTiming;
}) {
  const client = useTRPCClient();
  return useCallback(
    async (code: string): Promise<ResolvedCode<LaneProduct> | null> => {
      const startedAt = performance.now();
      const store = storeRef.current;
      const memory = catalogRef.current?.complete ? catalogRef.current : null;
      const timed = (resolved: ResolvedCode<LaneProduct>, source: ScanSource) => {
        // A weighed item without its weight waits to be weighed: no line yet, nothing to time.
        if (needsWeighing(resolved)) scanTiming.skip();
        else scanTiming.resolved(code, source, startedAt);
        return resolved;
      };
      if (memory) {
        const found = await resolveCode(code, layouts, memory);
        if (found) return timed(found, 'memory');
      } else if (store) {
        const found = await resolveCode(code, layouts, {
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
    [client, storeRef, catalogRef, layouts, scanTiming],
  );
}
