'use client';

import { useLayoutEffect, useMemo, useRef } from 'react';
import type { Cart } from './cart';

/**
 * User-timing entries the lane records (read by `npm run bench:lane`): `lane:ready` when the lane's storage is
 * open, a `lane:scan` measure from handling a scan to its line painted, and `lane:catalog-download` per download
 * that changed products.
 */
export const LANE_TIMING = { ready: 'lane:ready', scan: 'lane:scan', catalogDownload: 'lane:catalog-download' };
const MAX_SCAN_MEASURES = 2000;

/** Where a scan was found: the in-memory catalog, IndexedDB's indexes (until memory is filled), or the server. */
export type ScanSource = 'memory' | 'indexeddb' | 'server';

interface PendingScan {
  code: string;
  source: ScanSource;
  startedAt: number;
  resolvedAt: number;
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

export interface ScanTiming {
  /** The scan's line is about to be shown: time it until it is painted. */
  resolved: (code: string, source: ScanSource, startedAt: number) => void;
  /** The scan adds no line now (it waits to be weighed or for a supervisor): nothing to time. */
  skip: () => void;
}

/** Times each scan from its lookup to its line painted, as a `lane:scan` measure; the same object throughout. */
export function useScanTiming(cart: Cart): ScanTiming {
  /** The scan whose line is about to be shown, timed until it is painted. */
  const pendingScan = useRef<PendingScan | null>(null);

  useLayoutEffect(() => {
    const pending = pendingScan.current;
    if (!pending || cart.lines.at(-1)?.scannedCode !== pending.code) return;
    pendingScan.current = null;
    const committedAt = performance.now();
    afterPaint(() => measureScan(pending, committedAt));
  }, [cart]);

  return useMemo(
    () => ({
      resolved: (code, source, startedAt) => {
        pendingScan.current = { code, source, startedAt, resolvedAt: performance.now() };
      },
      skip: () => {
        pendingScan.current = null;
      },
    }),
    [],
  );
}
